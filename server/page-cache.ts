/**
 * A cache of whole rendered pages, for anonymous readers. Figures change a few times a quarter
 * and are read all day; re-rendering a page for every request is most of the server's work.
 *
 * Validity is a data version, not a timer: every write in Pulse leaves an audit row in its own
 * transaction, so the highest audit id changes with every write, whoever made it (a form, an
 * import, the seed script, a restored backup). An entry rendered under another version is never
 * served; the next request renders afresh. The calendar day is part of the version because the
 * stale-data signal depends on today's date.
 */
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from "node:http";
import { hasSessionCookie } from "@/lib/auth/cookie-name";
import { themeFromCookieHeader } from "@/lib/theme";

export interface CachedPage {
  version: string;
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
}

/** The pages whose HTML is the same for every anonymous reader of the same URL. */
const CACHEABLE_PATH = /^\/(?:metrics\/[a-z0-9_]+|compare)?$/;

/** Headers that make a request personal or ask for something other than the page's HTML. */
const BYPASS_HEADERS = ["rsc", "next-action", "next-router-state-tree", "next-router-prefetch"];

/**
 * The cache key for a request, or null when it must go to the app: only GETs of the public pages,
 * from readers without a session, for a full HTML document. Signed-in readers (any role) bypass
 * the cache: every page's header names them and offers their links (edit links for editors), so
 * no page is the same for them as for the public. The response's encoding is part of
 * the key, since the app compresses for clients that accept it, and so is the theme cookie,
 * since the page is rendered in the chosen theme (`<html data-theme>`).
 */
export function pageCacheKey(request: {
  method?: string;
  url?: string;
  headers: IncomingHttpHeaders;
}): string | null {
  if (request.method !== "GET" || !request.url) return null;
  const queryStart = request.url.indexOf("?");
  const path = queryStart === -1 ? request.url : request.url.slice(0, queryStart);
  if (!CACHEABLE_PATH.test(path)) return null;
  if (BYPASS_HEADERS.some((name) => request.headers[name] !== undefined)) return null;
  if (hasSessionCookie(request.headers.cookie)) return null;
  const acceptEncoding = String(request.headers["accept-encoding"] ?? "");
  const theme = themeFromCookieHeader(request.headers.cookie);
  return `${/\bgzip\b/.test(acceptEncoding) ? "gzip" : "identity"} ${theme} ${request.url}`;
}

/** Response headers that describe one transfer, not the page, and are not replayed. */
const TRANSFER_HEADERS = new Set([
  "transfer-encoding",
  "content-length",
  "connection",
  "keep-alive",
  "date",
]);

/** Whether a finished response may be stored: a complete, cookie-free HTML page. */
export function isStorable(
  status: number,
  headers: OutgoingHttpHeaders,
  bytes: number,
  maxBytes: number,
) {
  if (status !== 200 || headers["set-cookie"] !== undefined) return false;
  const type = String(headers["content-type"] ?? "");
  return type.startsWith("text/html") && bytes > 0 && bytes <= maxBytes;
}

export function replayableHeaders(headers: OutgoingHttpHeaders): OutgoingHttpHeaders {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => !TRANSFER_HEADERS.has(name.toLowerCase())),
  );
}

/** Least recently used pages go first once the bodies exceed `maxBytes` in all. */
export class PageCache {
  private readonly entries = new Map<string, CachedPage>();
  private bytes = 0;

  constructor(readonly maxBytes: number) {}

  get(key: string, version: string): CachedPage | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.version !== version) {
      this.bytes -= entry.body.length;
      return undefined;
    }
    // Re-inserting moves the entry to the most recently used end.
    this.entries.set(key, entry);
    return entry;
  }

  set(key: string, page: CachedPage): void {
    const previous = this.entries.get(key);
    if (previous) {
      this.entries.delete(key);
      this.bytes -= previous.body.length;
    }
    if (page.body.length > this.maxBytes) return;
    this.entries.set(key, page);
    this.bytes += page.body.length;
    for (const [oldestKey, oldest] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldestKey);
      this.bytes -= oldest.body.length;
    }
  }

  get size(): number {
    return this.entries.size;
  }

  get totalBytes(): number {
    return this.bytes;
  }
}
