"use client";

/** Shown when a page fails unexpectedly; the digest matches the server log line. */
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <section className="problem" role="alert">
      <h1>Something went wrong</h1>
      <p>The page could not be shown. Nothing was changed.</p>
      {error.digest ? (
        <p className="muted">
          Reference for the server log: <code>{error.digest}</code>
        </p>
      ) : null}
      <button type="button" onClick={reset}>
        Try again
      </button>
    </section>
  );
}
