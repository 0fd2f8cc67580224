"use client";

import { useSyncExternalStore } from "react";
import en from "@/messages/en.error-page.json";
import zh from "@/messages/zh.error-page.json";

/*
 * An error boundary gets no props from a server parent, so it cannot be handed its words like the
 * other client components: it bundles its own two small catalogs (messages/<locale>.error-page.json,
 * only its namespace, so no other words reach the browser) and picks by the page's <html lang>,
 * which the layout set from the request's locale. The server snapshot is English, as before.
 */
const WORDS = { en: en.ErrorPage, zh: zh.ErrorPage };

function pageLocale(): keyof typeof WORDS {
  return document.documentElement.lang.startsWith("zh") ? "zh" : "en";
}

const noSubscription = () => () => {};

/** Shown when a page fails unexpectedly; the digest matches the server log line. */
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const t = WORDS[useSyncExternalStore(noSubscription, pageLocale, () => "en" as const)];
  return (
    <section className="problem" role="alert">
      <h1>{t.title}</h1>
      <p>{t.lede}</p>
      {error.digest ? (
        <p className="muted">
          {t.reference} <code>{error.digest}</code>
        </p>
      ) : null}
      <button type="button" onClick={reset}>
        {t.retry}
      </button>
    </section>
  );
}
