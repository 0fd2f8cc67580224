import { type NextRequest, NextResponse } from "next/server";
import {
  type Parsed,
  parseCompareParams,
  parseMetricPageParams,
  parseOverviewParams,
  type SearchParams,
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
];

function searchParamsOf(url: URL): SearchParams {
  const params: SearchParams = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    params[key] = values.length > 1 ? values : values[0];
  }
  return params;
}

/**
 * Next's own server-action body limit (1 MB, next.config `serverActions.bodySizeLimit`) answers
 * a form posted without JavaScript with a 500; refusing the body here gives a 413 that says why.
 * Route handlers under /api/ read their bodies themselves and set their own limits.
 */
export const FORM_BODY_LIMIT_BYTES = 1024 * 1024;

function tooLarge(): NextResponse {
  const limit = `${FORM_BODY_LIMIT_BYTES / (1024 * 1024)} MB`;
  return new NextResponse(
    `<!doctype html><title>Request too large</title><h1>Request too large</h1><p>A form may send at most ${limit}. Nothing was saved.</p>`,
    { status: 413, headers: { "content-type": "text/html; charset=utf-8" } },
  );
}

export function proxy(request: NextRequest) {
  if (request.method === "POST" && !request.nextUrl.pathname.startsWith("/api/")) {
    const length = Number(request.headers.get("content-length") ?? 0);
    if (length > FORM_BODY_LIMIT_BYTES) return tooLarge();
  }
  const parse = PARSERS.find(([pattern]) => pattern.test(request.nextUrl.pathname))?.[1];
  if (parse && !parse(searchParamsOf(request.nextUrl)).ok) {
    return NextResponse.rewrite(request.nextUrl, { status: 400 });
  }
  return NextResponse.next();
}

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
