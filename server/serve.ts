/**
 * The production HTTP server: Next's request handler behind the page cache (page-cache.ts).
 * A custom server instead of `next start` for this one reason: a cached page is answered before
 * Next routes, renders or even parses the request, which is what lets dynamic pages approach
 * the speed of a static file (bench/RESULTS.md). Everything else goes to Next unchanged.
 */
import {
  createServer,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type Server,
  type ServerResponse,
} from "node:http";
import type { Duplex } from "node:stream";
import Database from "better-sqlite3";
import next from "next";
import { now } from "../lib/clock";
import { isStorable, PageCache, pageCacheKey, replayableHeaders } from "./page-cache";

export interface ServeOptions {
  port: number;
  hostname?: string;
  projectDir: string;
  databaseFile: string;
  cacheBytes?: number;
}

/** Bodies over this are streamed to the reader but not kept. */
const MAX_PAGE_BYTES = 8 * 1024 * 1024;

/**
 * Highest audit id and today's date (UTC, from lib/clock so that it agrees with the pages'
 * "today"): changes with every write and every day.
 */
export function dataVersionReader(databaseFile: string, clock: () => Date = now): () => string {
  const sqlite = new Database(databaseFile, { readonly: true, fileMustExist: true });
  const statement = sqlite.prepare("SELECT COALESCE(MAX(id), 0) AS id FROM AuditEntry");
  return () => {
    const { id } = statement.get() as { id: number };
    return `${id}:${clock().toISOString().slice(0, 10)}`;
  };
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

export async function serve(options: ServeOptions): Promise<{ server: Server; cache: PageCache }> {
  const app = next({
    dev: false,
    dir: options.projectDir,
    port: options.port,
    hostname: options.hostname,
  });
  await app.prepare();
  const handle = app.getRequestHandler();
  const cache = new PageCache(options.cacheBytes ?? 64 * 1024 * 1024);
  const dataVersion = dataVersionReader(options.databaseFile);

  // Renders in progress, by cache key: readers arriving meanwhile wait for the one render
  // instead of each starting their own (a cold page under load would otherwise render N times).
  const rendering = new Map<string, Promise<void>>();

  const server = createServer(async (request: IncomingMessage, response: ServerResponse) => {
    const key = pageCacheKey(request);
    if (key === null) {
      void handle(request, response);
      return;
    }
    const inFlight = rendering.get(key);
    if (inFlight) await inFlight;
    // The version is read before rendering: a write that lands during the render makes this
    // page stale at once instead of being hidden behind it.
    const version = dataVersion();
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
      if (isStorable(status, headers, body.length, MAX_PAGE_BYTES)) {
        cache.set(key, { version, status, headers: replayableHeaders(headers), body });
      }
      settle();
    });
    void handle(request, response);
  });
  server.on("clientError", answerMalformedRequest);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.hostname, () => resolve());
  });
  return { server, cache };
}
