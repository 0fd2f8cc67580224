/**
 * Only same-origin paths: a `next` parameter must not send a signed-in person elsewhere. The
 * candidate is resolved by the URL parser against a placeholder origin, the way a browser would
 * resolve it (tabs and newlines dropped, backslashes read as slashes, `//host` as another host,
 * schemes honoured); it is accepted only when it stays on that origin, and then the path, query
 * and fragment the parser produced are returned, never the raw text.
 */
const PLACEHOLDER_ORIGIN = "http://pulse.invalid";

export function safeNextPath(raw: unknown, fallback = "/"): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 500) return fallback;
  // Only paths: a full URL, even to this site, is not what the forms send.
  if (!raw.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(raw, `${PLACEHOLDER_ORIGIN}/`);
  } catch {
    return fallback;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // A path the browser would again read as protocol-relative (//evil, /\evil) after re-parsing.
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return fallback;
  return path;
}
