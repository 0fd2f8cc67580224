import "server-only";
import type { Locale } from "@/lib/domain/locale";
import { AppError, ERROR_CODES, type ErrorCode } from "@/lib/errors";
import { resolveLocale } from "@/lib/locale";

/*
 * Plumbing shared by the JSON API's route handlers (app/api/session, quarters, imports): error
 * bodies, reading a body of a given type within a size limit, and refusing cross-site posts.
 * The rules about the data itself live where the forms use them; nothing here judges a figure.
 */

const NO_STORE = { "Cache-Control": "no-store" };

/** A JSON answer. Every API answer is `no-store`: it describes one request's outcome. */
export function apiJson(status: number, body: unknown, headers: Record<string, string> = {}) {
  return Response.json(body, { status, headers: { ...NO_STORE, ...headers } });
}

/**
 * An error answer: `error` says what happened and that nothing was saved, `code` is the error
 * code of lib/errors.ts (given in `details`, or the one the status stands for), details say where.
 */
export function apiError(
  status: number,
  error: string,
  details: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Response {
  const code = details.code ?? codeForStatus(status);
  return apiJson(status, { error, ...details, code }, headers);
}

/**
 * The language an API answer's words are in: the request's `?lang`, its cookie, its
 * Accept-Language, as for the pages (lib/locale.ts); codes and field names never change.
 */
export function requestLocale(request: Request): Locale {
  return resolveLocale({
    search: new URL(request.url).search,
    cookie: request.headers.get("cookie"),
    acceptLanguage: request.headers.get("accept-language"),
  });
}

function codeForStatus(status: number): ErrorCode {
  const found = (Object.keys(ERROR_CODES) as ErrorCode[]).find(
    (code) => ERROR_CODES[code].status === status,
  );
  return found ?? "invalid_input";
}

function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** The media type of a Content-Type header, lower case, and its charset parameter if any. */
function mediaType(header: string | null): { type: string; charset: string | null } {
  const [type = "", ...parameters] = (header ?? "").split(";");
  let charset: string | null = null;
  for (const parameter of parameters) {
    const [name, value] = parameter.split("=");
    if (name?.trim().toLowerCase() === "charset") {
      charset = (value ?? "").trim().replace(/^"|"$/g, "").toLowerCase();
    }
  }
  return { type: type.trim().toLowerCase(), charset };
}

/**
 * The body's bytes, when its type is `type` (UTF-8, if a charset is named) and it holds at most
 * `maxBytes`. A declared length over the limit is refused before reading; a body sent without
 * one is read only up to the limit.
 */
export async function readBody(
  request: Request,
  options: {
    type: string;
    maxBytes: number;
    /** The 413 message, given the declared size (null when the body came without one). */
    tooLarge?: (bytes: number | null) => string;
  },
): Promise<Uint8Array> {
  const { type, charset } = mediaType(request.headers.get("content-type"));
  if (type !== options.type) {
    throw new AppError(
      "unsupported_media_type",
      `The body must be sent as Content-Type: ${options.type}${
        type ? `, not ${type.slice(0, 100)}` : " (none was given)"
      }. Nothing was saved.`,
    );
  }
  if (charset !== null && charset !== "utf-8" && charset !== "utf8") {
    throw new AppError(
      "unsupported_media_type",
      `The body must be UTF-8, not charset=${charset.slice(0, 40)}. Nothing was saved.`,
    );
  }
  /** `bytes` is the declared length, or how much was read when the limit was passed. */
  const tooLarge = (bytes: number, declared: boolean) =>
    new AppError(
      "payload_too_large",
      options.tooLarge?.(declared ? bytes : null) ??
        `The body is ${declared ? "" : "more than "}${sizeText(declared ? bytes : options.maxBytes)}; this endpoint takes at most ${sizeText(options.maxBytes)}. Nothing was saved.`,
    );
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > options.maxBytes) throw tooLarge(declared, true);
  if (!request.body) return new Uint8Array(0);

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > options.maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(total, false);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The body parsed as JSON (see readBody for the type and size checks). */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const bytes = await readBody(request, { type: "application/json", maxBytes });
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("invalid_input", "The body is not valid UTF-8. Nothing was saved.");
  }
  if (text.trim() === "") {
    throw new AppError(
      "invalid_input",
      "The body is empty; send a JSON object. Nothing was saved.",
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : "unreadable";
    throw new AppError(
      "invalid_input",
      `The body is not valid JSON (${reason.slice(0, 200)}). Nothing was saved.`,
    );
  }
}

/**
 * Cross-site request forgery: the API takes JSON and CSV bodies only, which a page on another
 * site cannot send with the session cookie (SameSite=Lax, and these types need a CORS preflight
 * nobody answers). Browsers also name the page's origin on every POST; one that is not this site
 * is refused outright.
 */
export function crossOriginRefusal(request: Request): AppError | null {
  const origin = request.headers.get("origin");
  if (origin === null) return null;
  const hosts = [request.headers.get("host"), request.headers.get("x-forwarded-host")].filter(
    (host): host is string => Boolean(host),
  );
  let originHost: string | null = null;
  try {
    originHost = origin === "null" ? null : new URL(origin).host;
  } catch {
    originHost = null;
  }
  if (originHost !== null && hosts.includes(originHost)) return null;
  return new AppError(
    "cross_origin",
    `Cross-site requests are refused: Origin ${origin.slice(0, 200)} is not this site. Nothing was saved.`,
  );
}

/**
 * Handlers for the methods a route does not take: Next answers those with an empty 405, and
 * every refusal here says what would have been accepted. Spread into the route module's
 * exports is not possible (Next reads named exports), so each route names the ones it refuses.
 */
export function methodNotAllowed(allowed: string) {
  return (request: Request): Response =>
    apiError(
      405,
      `${request.method.slice(0, 10)} is not accepted here; use ${allowed}. Nothing was changed.`,
      { code: "method_not_allowed" },
      { Allow: allowed },
    );
}
