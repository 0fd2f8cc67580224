"use client";

import { useEffect, useState } from "react";

/**
 * The view's full address, visible and selectable without JavaScript; with it, a button copies
 * the address and says so.
 */
export function CopyLink({ url }: { url: string }) {
  const [ready, setReady] = useState(false);
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  useEffect(() => setReady(true), []);
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
      <label htmlFor="share-url">Link to this view</label>
      <input
        id="share-url"
        type="text"
        readOnly
        value={url}
        onFocus={(event) => event.currentTarget.select()}
      />
      {ready ? (
        <button type="button" onClick={copy}>
          Copy link
        </button>
      ) : null}
      <span aria-live="polite" className="copy-link__status">
        {copied === "yes"
          ? "Copied."
          : copied === "failed"
            ? "Copying was refused by the browser: select the address and copy it."
            : ""}
      </span>
    </div>
  );
}
