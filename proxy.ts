import { type NextRequest, NextResponse } from "next/server";
import {
  type Parsed,
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
];

function searchParamsOf(url: URL): SearchParams {
  const params: SearchParams = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    params[key] = values.length > 1 ? values : values[0];
  }
  return params;
}

export function proxy(request: NextRequest) {
  const parse = PARSERS.find(([pattern]) => pattern.test(request.nextUrl.pathname))?.[1];
  if (parse && !parse(searchParamsOf(request.nextUrl)).ok) {
    return NextResponse.rewrite(request.nextUrl, { status: 400 });
  }
  return NextResponse.next();
}

export const config = { matcher: ["/", "/metrics/:key"] };
