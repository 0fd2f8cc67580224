import { type NextRequest, NextResponse } from "next/server";
import { secureCookies } from "@/lib/auth/settings";
import { parseClaimsParams } from "@/lib/claims-url";
import { FORM_BODY_LIMIT_BYTES, IMPORT_FORM_BODY_LIMIT_BYTES } from "@/lib/limits";
import {
  LOCALE_HEADER,
  localeCookie,
  localeFromQuery,
  localeToRemember,
  resolveLocale,
} from "@/lib/locale";
import {
  LANG_PROBLEM,
  type Parsed,
  parseCompareParams,
  parseMetricPageParams,
  parseOverviewParams,
  type SearchParams,
  searchParamsOf,
} from "@/lib/url-state";

/*
 * A page cannot set its response status, so a malformed query string would be explained with a
 * 200. The proxy parses the query with the very functions the page uses and, when they refuse
 * it, lets the page render its explanation under a 400. Pages with query parameters of their
 * own add their parser here.
 */
const PARSERS: [RegExp, (params: SearchParams) => Parsed<unknown>][] = [
  [/^\/$/, parseOverviewParams],
  [/^\/metrics\/[^/]+$/, parseMetricPageParams],
  [/^\/compare$/, parseCompareParams],
  [/^\/claims$/, parseClaimsParams],
];

/**
 * Next answers a server-action body over its limit (next.config `serverActions.bodySizeLimit`)
 * with a 500; refusing it here gives a 413 that says why. Forms other than the import send a few
 * kilobytes, so they get a much smaller limit. Route handlers under /api/ read their bodies
 * themselves and set their own limits.
 */
function bodyLimit(pathname: string): number {
  return pathname === "/import" || pathname === "/claims/import"
    ? IMPORT_FORM_BODY_LIMIT_BYTES
    : FORM_BODY_LIMIT_BYTES;
}

function tooLarge(limitBytes: number): NextResponse {
  const limit = `${limitBytes / (1024 * 1024)} MB`;
  return new NextResponse(
    `<!doctype html><title>Request too large</title><h1>Request too large</h1><p>This form may send at most ${limit}. Nothing was saved.</p>`,
    { status: 413, headers: { "content-type": "text/html; charset=utf-8" } },
  );
}

/** Next answers a path segment it cannot percent-decode (`/metrics/%E0`) with a bare 500. */
function decodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (!decodable(pathname)) {
    return new NextResponse(
      "Bad request: the address has a malformed percent-encoding (a % not followed by the code of a UTF-8 character).\n",
      { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } },
    );
  }
  if (request.method === "POST" && !pathname.startsWith("/api/")) {
    const length = Number(request.headers.get("content-length") ?? 0);
    const limit = bodyLimit(pathname);
    if (length > limit) return tooLarge(limit);
  }
  // The pages read the language from this header (i18n/request.ts); set here, never trusted from
  // the client.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(
    LOCALE_HEADER,
    resolveLocale({
      search: request.nextUrl.searchParams,
      cookie: request.headers.get("cookie"),
      acceptLanguage: request.headers.get("accept-language"),
    }),
  );
  // A shared `?lang=` link keeps its language on the reader's next pages (lib/locale.ts,
  // localeToRemember: why a cookie rather than `lang` in every link).
  const remember =
    request.method === "GET" && !pathname.startsWith("/api/")
      ? localeToRemember({
          search: request.nextUrl.searchParams,
          cookie: request.headers.get("cookie"),
        })
      : null;
  const remembered = <T extends NextResponse>(response: T): T => {
    if (remember) response.headers.append("set-cookie", localeCookie(remember, secureCookies()));
    return response;
  };
  const parse = PARSERS.find(([pattern]) => pattern.test(request.nextUrl.pathname))?.[1];
  if (parse && !parse(searchParamsOf(request.nextUrl.searchParams)).ok) {
    return remembered(
      NextResponse.rewrite(request.nextUrl, {
        status: 400,
        request: { headers: requestHeaders },
      }),
    );
  }
  // Pages without a parser of their own still name a bad `lang` rather than ignore it.
  if (
    !parse &&
    !pathname.startsWith("/api/") &&
    localeFromQuery(request.nextUrl.searchParams) === "invalid"
  ) {
    return new NextResponse(`Bad request: ${LANG_PROBLEM}\n`, {
      status: 400,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  return remembered(NextResponse.next({ request: { headers: requestHeaders } }));
}

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
