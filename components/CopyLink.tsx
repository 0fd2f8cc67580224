"use client";

import { useState } from "react";
import { useHydrated } from "@/components/use-hydrated";

/** The words, from the page (messages `CopyLink`): a client component cannot read the catalog. */
export interface CopyLinkText {
  label: string;
  copy: string;
  copied: string;
  refused: string;
}

/**
 * The view's full address, visible and selectable without JavaScript; with it, a button copies
 * the address and says so.
 */
export function CopyLink({ url, text }: { url: string; text: CopyLinkText }) {
  const ready = useHydrated();
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  };
  return (
    <div className="copy-link" data-testid="copy-link">
      <label htmlFor="share-url">{text.label}</label>
      <input
        id="share-url"
        type="text"
        readOnly
        value={url}
        onFocus={(event) => event.currentTarget.select()}
      />
      {ready ? (
        <button type="button" onClick={copy}>
          {text.copy}
        </button>
      ) : null}
      <span aria-live="polite" className="copy-link__status">
        {copied === "yes" ? text.copied : copied === "failed" ? text.refused : ""}
      </span>
    </div>
  );
}
