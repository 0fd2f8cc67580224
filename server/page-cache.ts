/**
 * A cache of whole rendered pages, for anonymous readers. Figures change a few times a quarter
 * and are read all day; re-rendering a page for every request is most of the server's work.
 *
 * Validity is a data version, not a timer: every write in Pulse leaves an audit row in its own
 * transaction, naming the brand whose pages it changes (or none, when it may change any page).
 * A page's version is the highest id among the rows of the brands it shows and the brand-less
 * rows, so it changes with every write that can change the page, whoever made it (a form, an
 * import, the seed script, a restored backup), and a write to another brand leaves it cached.
 * An entry rendered under another version is never served; the next request renders afresh. The
 * calendar day is part of the version because the stale-data signal depends on today's date.
 */
import type {
  IncomingHttpHeaders,
  IncomingMessage,
  OutgoingHttpHeaders,
  ServerResponse,
} from "node:http";
import { hasSessionCookie } from "@/lib/auth/cookie-name";
import { localeToRemember, resolveLocale } from "@/lib/locale";
import { themeFromCookieHeader } from "@/lib/theme";
import {
  parseCompareParams,
  parseMetricPageParams,
  parseOverviewParams,
  searchParamsOf,
} from "@/lib/url-state";

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
 * since the page is rendered in the chosen theme (`<html data-theme>`), and so is the resolved
 * language (lib/locale.ts).
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
  const search = queryStart === -1 ? null : request.url.slice(queryStart);
  // A shared `?lang=` link the reader's cookie does not yet say gets a Set-Cookie from the proxy
  // (lib/locale.ts, localeToRemember): personal, so never answered from (nor stored in) the cache.
  if (localeToRemember({ search, cookie: request.headers.cookie })) return null;
  const acceptEncoding = String(request.headers["accept-encoding"] ?? "");
  const theme = themeFromCookieHeader(request.headers.cookie);
  // The language, resolved exactly as the proxy does (query, cookie, Accept-Language): two readers
  // of the same URL may be answered in two languages.
  const locale = resolveLocale({
    search,
    cookie: request.headers.cookie,
    acceptLanguage: String(request.headers["accept-language"] ?? ""),
  });
  return `${/\bgzip\b/.test(acceptEncoding) ? "gzip" : "identity"} ${theme} ${locale} ${request.url}`;
}

/**
 * The brands (slugs) whose data a cacheable page shows, read with the parsers the pages use, so
 * that the defaults agree (no `brand=` is DEFAULT_BRAND). Null when it cannot tell (a query the
 * page refuses, a path it does not know): that page is versioned by every write.
 */
export function pageBrands(url: string): string[] | null {
  const queryStart = url.indexOf("?");
  const path = queryStart === -1 ? url : url.slice(0, queryStart);
  const params = searchParamsOf(
    new URLSearchParams(queryStart === -1 ? "" : url.slice(queryStart)),
  );
  if (path === "/") {
    const parsed = parseOverviewParams(params);
    return parsed.ok ? [parsed.value.brand] : null;
  }
  if (/^\/metrics\/[^/?]+$/.test(path)) {
    const parsed = parseMetricPageParams(params);
    return parsed.ok ? [parsed.value.brand] : null;
  }
  if (path === "/compare") {
    const parsed = parseCompareParams(params);
    return parsed.ok ? parsed.value.brands : null;
  }
  return null;
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

/** Copies what the app writes, while it is being sent, so the finished page can be stored. */
function recordResponse(
  response: ServerResponse,
  onFinish: (status: number, headers: OutgoingHttpHeaders, body: Buffer) => void,
) {
  const chunks: Buffer[] = [];
  let headHeaders: OutgoingHttpHeaders = {};
  const collect = (chunk: unknown, encoding?: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === "function") return;
    chunks.push(
      typeof chunk === "string"
        ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8")
        : Buffer.from(chunk as Uint8Array),
    );
  };
  const writeHead = response.writeHead.bind(response) as (...args: unknown[]) => ServerResponse;
  const write = response.write.bind(response) as (...args: unknown[]) => boolean;
  const end = response.end.bind(response) as (...args: unknown[]) => ServerResponse;
  response.writeHead = ((...args: unknown[]) => {
    const headers = args.find(
      (arg) => typeof arg === "object" && arg !== null && !Array.isArray(arg),
    );
    if (headers) headHeaders = headers as OutgoingHttpHeaders;
    return writeHead(...args);
  }) as ServerResponse["writeHead"];
  response.write = ((...args: unknown[]) => {
    collect(args[0], args[1]);
    return write(...args);
  }) as ServerResponse["write"];
  response.end = ((...args: unknown[]) => {
    collect(args[0], args[1]);
    return end(...args);
  }) as ServerResponse["end"];
  response.on("finish", () => {
    const headers = { ...response.getHeaders(), ...lowerCaseKeys(headHeaders) };
    onFinish(response.statusCode, headers, Buffer.concat(chunks));
  });
}

function lowerCaseKeys(headers: OutgoingHttpHeaders): OutgoingHttpHeaders {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
  );
}

export interface PageCacheFrontOptions {
  cache: PageCache;
  /**
   * The version a page is stored under and served for, given the brands it shows (null: not
   * known, every write counts); server/database-probe.ts.
   */
  dataVersion: (brands: readonly string[] | null) => Promise<string>;
  /** The app: renders the request into the response (Next's request handler). */
  render: (request: IncomingMessage, response: ServerResponse) => Promise<unknown>;
  /** Bodies over this are streamed to the reader but not kept. */
  maxPageBytes: number;
  /**
   * How long a reader waits for someone else's render of the same page before rendering for
   * themselves: a render stuck on a slow database or a stalled response must not hold every
   * later reader of the page with it.
   */
  maxRenderWaitMs: number;
}

/**
 * Answers a request that has a cache key: the stored page when it was rendered under the current
 * data version, otherwise a render by the app, recorded while it is sent and stored when complete.
 */
export function pageCacheFront(
  options: PageCacheFrontOptions,
): (request: IncomingMessage, response: ServerResponse, key: string) => Promise<void> {
  const { cache } = options;
  // Renders in progress, by cache key: readers arriving meanwhile wait for the one render
  // instead of each starting their own (a cold page under load would otherwise render N times).
  const rendering = new Map<string, Promise<void>>();

  return async (request, response, key) => {
    const inFlight = rendering.get(key);
    if (inFlight) await settledOrAfter(inFlight, options.maxRenderWaitMs);
    // The version is read before rendering: a write that lands during the render makes this
    // page stale at once instead of being hidden behind it.
    let version: string;
    try {
      version = await options.dataVersion(pageBrands(request.url ?? ""));
    } catch {
      // The database is away: no cached page can be trusted, and the app reports the error.
      void options.render(request, response);
      return;
    }
    // A reader who hung up while waiting above is answered by nobody. Rendering for them would
    // mark this page as in progress with a response whose "close" was emitted before the
    // listener below exists, and a closed response never emits "finish": the mark would stay,
    // and every later reader of the page would wait for it forever, on an idle server.
    if (response.destroyed) return;
    const hit = cache.get(key, version);
    if (hit) {
      response.writeHead(hit.status, {
        ...hit.headers,
        "content-length": hit.body.length,
        "x-pulse-cache": "hit",
      });
      response.end(hit.body);
      return;
    }
    response.setHeader("x-pulse-cache", "miss");
    let settle = () => {};
    if (!rendering.has(key)) {
      const done = new Promise<void>((resolve) => {
        settle = () => {
          if (rendering.get(key) === done) rendering.delete(key);
          resolve();
        };
      });
      rendering.set(key, done);
    }
    response.on("close", settle);
    recordResponse(response, (status, headers, body) => {
      if (isStorable(status, headers, body.length, options.maxPageBytes)) {
        cache.set(key, { version, status, headers: replayableHeaders(headers), body });
      }
      settle();
    });
    void options.render(request, response);
  };
}

/** Resolves when `promise` settles or after `ms`, whichever is first, leaving no timer behind. */
async function settledOrAfter(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const elapsed = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  try {
    await Promise.race([promise, elapsed]);
  } finally {
    clearTimeout(timer);
  }
}
