/**
 * The production HTTP server: Next's request handler behind the page cache (page-cache.ts).
 * A custom server instead of `next start` for this one reason: a cached page is answered before
 * Next routes, renders or even parses the request, which is what lets dynamic pages approach
 * the speed of a static file (bench/RESULTS.md). Everything else goes to Next unchanged.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import next from "next";
import { CLIENT_ADDRESS_HEADER, clientAddressOf } from "@/lib/auth/client-address";
import { sessionTokenFrom } from "@/lib/auth/cookie-name";
import { publicRead, trustedProxies } from "@/lib/auth/settings";
import { feedLocale, feedPrivateText } from "@/lib/feed-refusals";
import { createDatabaseProbe, expectedMigrations, unreadyReason } from "./database-probe";
import { PageCache, pageCacheFront, pageCacheKey } from "./page-cache";
import { RenderGate } from "./render-gate";
import { SECURITY_HEADERS } from "./security-headers";
import { isAnonymousRead, isAnonymousWrite, sessionChecker } from "./session-gate";

export interface ServeOptions {
  port: number;
  hostname?: string;
  projectDir: string;
  /** DATABASE_URL: a SQLite file or a PostgreSQL server (server/database-probe.ts reads it). */
  databaseUrl: string;
  cacheBytes?: number;
  /** One JSON line per request on stdout (default on; PULSE_REQUEST_LOG=off turns it off). */
  requestLog?: boolean;
}

/**
 * Page renders at once (server/render-gate.ts): enough to overlap a render's waits for the
 * database (PostgreSQL answers over the network), few enough that a save is not queued behind
 * every reader's render.
 */
const RENDER_CONCURRENCY = 4;
/*
 * A render holds its slot at most this long. Renders measured under the bench's load take well
 * under this; a page whose reader stopped reading (Next waits for the socket to drain) would
 * otherwise hold its slot until the connection times out.
 */
const RENDER_SLOT_MAX_HOLD_MS = 10_000;

/**
 * Whether a request is a page render that waits at the gate: reads of pages. Writes (server
 * actions, the API) pass first, and so do Next's static files and the API's reads, whose long
 * streams (the export) would hold a slot for seconds.
 */
function rendersPage(request: IncomingMessage): boolean {
  const method = request.method ?? "GET";
  if (method !== "GET" && method !== "HEAD") return false;
  const path = pathOf(request.url);
  return !path.startsWith("/_next/") && !path.startsWith("/api/");
}

/** Bodies over this are streamed to the reader but not kept. */
const MAX_PAGE_BYTES = 8 * 1024 * 1024;
/*
 * A reader behind another reader's render of the same page renders for themselves after this.
 * Longer than the slowest renders seen under the bench's load (seconds, for a 30-metric overview),
 * so one render still absorbs a burst of readers; short enough that a stuck one is not everybody's wait.
 */
const MAX_RENDER_WAIT_MS = 15_000;

/** A caller's request id is kept when it looks like one, so a proxy's id ties the logs together. */
const REQUEST_ID = /^[\w.:-]{1,128}$/;

function requestIdOf(request: IncomingMessage): string {
  const given = request.headers["x-request-id"];
  return typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
}

/** One line per request, as JSON, so that the logs of several instances can be read together. */
function logRequest(
  request: IncomingMessage,
  response: ServerResponse,
  id: string,
  started: number,
) {
  const url = request.url ?? "";
  const queryStart = url.indexOf("?");
  process.stdout.write(
    `${JSON.stringify({
      time: new Date().toISOString(),
      method: request.method,
      path: queryStart === -1 ? url : url.slice(0, queryStart),
      status: response.statusCode,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      requestId: id,
      cache: response.getHeader("x-pulse-cache") ?? null,
      aborted: !response.writableFinished || undefined,
    })}\n`,
  );
}

function sendJson(response: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    "cache-control": "no-store",
  });
  response.end(text);
}

/**
 * Node refuses a request it cannot parse (a URL or headers over 16 KB, a malformed request line)
 * before the app sees it, with a bare status and no body. The same status, with a sentence.
 */
function answerMalformedRequest(error: Error & { code?: string }, socket: Duplex): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const [status, message] =
    error.code === "HPE_HEADER_OVERFLOW"
      ? [
          "431 Request Header Fields Too Large",
          "The URL or the headers are too large (over 16 KB).",
        ]
      : ["400 Bad Request", "The request could not be read as HTTP."];
  socket.end(
    `HTTP/1.1 ${status}\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n` +
      `Content-Length: ${Buffer.byteLength(message) + 1}\r\n\r\n${message}\n`,
  );
}

function pathOf(url: string | undefined): string {
  const path = (url ?? "/").split("?")[0] ?? "/";
  return path.length > 2000 ? path.slice(0, 2000) : path;
}

/**
 * Refuses, before Next reads a byte of the body, a write from a request without a live session
 * (and in private mode, any request without one). Pages get the sign-in page (a 303, or for a
 * server action called from script the redirect header Next's client follows); the API gets a
 * 401 with the error code. The connection is closed rather than drained, so an anonymous upload
 * is never read. Returns whether it answered.
 */
async function refuseAnonymous(
  request: IncomingMessage,
  response: ServerResponse,
  hasLiveSession: (token: string | null) => Promise<boolean>,
  privateMode: boolean,
): Promise<boolean> {
  const method = request.method ?? "GET";
  const path = pathOf(request.url);
  const write = method !== "GET" && method !== "HEAD" && method !== "OPTIONS";
  if (write ? isAnonymousWrite(path) : !privateMode || isAnonymousRead(path)) return false;
  if (await hasLiveSession(sessionTokenFrom(request.headers.cookie))) return false;

  const signIn = `/login?next=${encodeURIComponent(write ? (refererPath(request) ?? path) : (request.url ?? "/"))}`;
  response.setHeader("cache-control", "no-store");
  if (write) response.setHeader("connection", "close");
  if (path.startsWith("/api/")) {
    const body = JSON.stringify({
      error: write
        ? 'Sign in first: POST /api/session with {"email", "password"} and send the cookie it sets. Nothing was saved.'
        : "This Pulse is private: sign in first (POST /api/session).",
      code: "unauthenticated",
    });
    response.writeHead(401, { "content-type": "application/json; charset=utf-8" });
    response.end(body);
  } else if (path.startsWith("/feeds/")) {
    // A feed reader cannot follow a redirect to a sign-in form: it gets the refusal itself.
    response.writeHead(401, { "content-type": "text/plain; charset=utf-8" });
    response.end(`${feedPrivateText(feedLocale(request.url?.split("?")[1] ?? ""))}\n`);
  } else if (request.headers["next-action"] !== undefined) {
    // Next's client follows this header after a server action (a 3xx would be followed by fetch).
    response.writeHead(200, {
      "content-type": "text/plain",
      "x-action-redirect": `${signIn};push`,
    });
    response.end();
  } else {
    response.writeHead(303, { location: signIn });
    response.end();
  }
  return true;
}

/** The path of the page a form was posted from (same origin only), to come back to after sign-in. */
function refererPath(request: IncomingMessage): string | null {
  const referer = request.headers.referer;
  const host = request.headers.host;
  if (!referer || !host) return null;
  try {
    const url = new URL(referer);
    return url.host === host ? `${url.pathname}${url.search}` : null;
  } catch {
    return null;
  }
}

export async function serve(options: ServeOptions): Promise<{ server: Server; cache: PageCache }> {
  const app = next({
    dev: false,
    dir: options.projectDir,
    port: options.port,
    hostname: options.hostname,
  });
  await app.prepare();
  const nextHandler = app.getRequestHandler();
  const gate = new RenderGate(RENDER_CONCURRENCY, RENDER_SLOT_MAX_HOLD_MS);
  const handle = (request: IncomingMessage, response: ServerResponse): Promise<unknown> =>
    rendersPage(request)
      ? gate.run(
          // A reader who left while waiting for a slot is not rendered for.
          async () => (response.destroyed ? undefined : nextHandler(request, response)),
          (release) => response.once("close", release),
        )
      : nextHandler(request, response);
  const cache = new PageCache(options.cacheBytes ?? 64 * 1024 * 1024);
  const probe = createDatabaseProbe(options.databaseUrl);
  const migrations = expectedMigrations(options.projectDir, options.databaseUrl);
  const requestLog = options.requestLog ?? process.env.PULSE_REQUEST_LOG !== "off";
  const hasLiveSession = sessionChecker(probe);
  const trusted = trustedProxies();
  const privateMode = !publicRead();

  const answerFromCache = pageCacheFront({
    cache,
    dataVersion: (brands) => probe.dataVersion(brands),
    render: handle,
    maxPageBytes: MAX_PAGE_BYTES,
    maxRenderWaitMs: MAX_RENDER_WAIT_MS,
  });

  const server = createServer(async (request: IncomingMessage, response: ServerResponse) => {
    const started = performance.now();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
    const requestId = requestIdOf(request);
    response.setHeader("x-request-id", requestId);
    if (requestLog) response.once("close", () => logRequest(request, response, requestId, started));

    // For load balancers: answered here, never cached, never rendered by Next.
    const url = request.url ?? "";
    if (url === "/healthz" || url.startsWith("/healthz?")) {
      sendJson(response, 200, { status: "ok" });
      return;
    }
    if (url === "/readyz" || url.startsWith("/readyz?")) {
      const reason = await unreadyReason(probe, migrations);
      sendJson(
        response,
        reason ? 503 : 200,
        reason ? { status: "unready", reason } : { status: "ready" },
      );
      return;
    }

    // The app learns the client's address only from here: any copy the client sent is dropped.
    request.headers[CLIENT_ADDRESS_HEADER] = clientAddressOf(
      request.socket.remoteAddress,
      request.headers["x-forwarded-for"],
      trusted,
    );
    if (await refuseAnonymous(request, response, hasLiveSession, privateMode)) return;
    const key = pageCacheKey(request);
    if (key === null) {
      void handle(request, response);
      return;
    }
    await answerFromCache(request, response, key);
  });
  server.on("clientError", answerMalformedRequest);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.hostname, () => resolve());
  });
  server.on("close", () => {
    void probe.close();
  });
  return { server, cache };
}
