/**
 * Random query strings for every page and API route, as a new user (or a crawler, or a typo)
 * would send them: known parameter names and junk, values empty, unicode, very long, repeated,
 * and every malformed form of a quarter, several at once. Shared by the bounded Playwright run
 * (tests/e2e/read/url-fuzz.spec.ts) and the long run (`npm run fuzz:urls`).
 *
 * The property: every answer is 2xx, 3xx or 4xx, and a 4xx carries a message (a non-empty
 * body). A 5xx is a bug, whatever the URL.
 */
import fc from "fast-check";

/** Every path the app serves, with a real and a made-up value for each dynamic segment. */
export const FUZZ_PATHS = [
  "/",
  "/compare",
  "/metrics/revenue",
  "/metrics/mau",
  "/metrics/revenue_per_user",
  "/metrics/no_such_metric",
  "/metrics/revenue/withdraw",
  "/events/new",
  "/events/1/edit",
  "/events/1/delete",
  "/events/x/edit",
  "/import",
  "/import/1",
  "/import/abc",
  "/login",
  "/quarters/new",
  "/api/export",
  "/api/imports",
  "/api/imports/1",
  "/api/imports/abc",
  "/api/imports/1/confirm",
  "/api/quarters",
  "/api/session",
] as const;

/** Every query parameter some page or route reads (lib/url-state.ts, lib/export-params.ts, pages). */
export const KNOWN_PARAMS = [
  "brand",
  "brands",
  "view",
  "from",
  "to",
  "events",
  "compare",
  "rows",
  "metrics",
  "mode",
  "base",
  "quarter",
  "saved",
  "at",
  "withdrawn",
  "format",
  "bom",
  "history",
  "name",
  "next",
  "problem",
] as const;

/** Malformed quarters, each a way a person or a program gets `2025Q3` wrong. */
export const MALFORMED_QUARTERS = [
  "x",
  "2025Q5",
  "2025Q0",
  "2025q1",
  "1999Q4",
  "2100Q1",
  "0000Q1",
  "9999Q4",
  "2025-Q1",
  "Q1 2025",
  "Q1-2025",
  "25Q1",
  "2025Q",
  "Q3",
  "2025",
  "2025Q01",
  "2025Q1.5",
  "20250Q1",
  "-2025Q1",
  " 2025Q1 ",
  "2025Q1x",
  "2025Q1,2025Q2",
  "２０２５Q1",
  "2025Ｑ1",
  "2025Q1\u0000",
  "2025-03-31",
  "NaN",
  "Infinity",
  "[object Object]",
];

const GOOD_VALUES = [
  "xiaomi",
  "li-auto",
  "revenue",
  "mau",
  "ev_deliveries",
  "revenue_per_user",
  "xiaomi,li-auto",
  "revenue,mau",
  "2023Q1",
  "2025Q3",
  "2026Q1",
  "bars",
  "seasonal",
  "annual",
  "on",
  "off",
  "all",
  "1y",
  "2y",
  "1y,2y",
  "absolute",
  "yoy",
  "index",
  "long",
  "wide",
  "0",
  "1",
  "/",
  "/compare",
];

/** Text a URL may carry that no parser expects: markup, SQL, control and bidi characters. */
const JUNK_VALUES = [
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  "../../etc/passwd",
  "\u202eimoaix",
  "\r\nSet-Cookie: x=y",
  "📈",
  "ブランド",
  "{{7*7}}",
  "-1",
  "1e308",
  "999999999999999999999999",
  ",",
  ",,,",
  " ",
  "true",
  "null",
  "undefined",
  "__proto__",
  "constructor",
  "//evil.example",
  "javascript:alert(1)",
];

/** Parameter names that no page reads, including prototype keys and bracket syntax. */
const JUNK_PARAMS = ["", "x", "__proto__", "constructor", "from[]", "brand[0]", "a.b", "📈", "%"];

const valueArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.constant("") },
  { weight: 4, arbitrary: fc.constantFrom(...GOOD_VALUES) },
  { weight: 4, arbitrary: fc.constantFrom(...MALFORMED_QUARTERS) },
  { weight: 2, arbitrary: fc.constantFrom(...JUNK_VALUES) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 20 }) },
  // Very long (the whole URL is kept under Node's 16 KB header limit: see MAX_QUERY_LENGTH).
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom("a", "2025Q1,", "x", "é"), fc.integer({ min: 200, max: 1500 }))
      .map(([unit, times]) => unit.repeat(times)),
  },
);

const keyArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...KNOWN_PARAMS) },
  { weight: 1, arbitrary: fc.constantFrom(...JUNK_PARAMS) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 12 }) },
);

/** Raw pieces spliced in unencoded: malformed percent escapes and separators. */
const RAW_FRAGMENTS = ["%", "%zz", "%E0%A4%A", "%00", "=", "&", "&&", "+", ";", "%2", "%C0%AF"];

const pairArb = fc.tuple(keyArb, valueArb);

/**
 * Node refuses a request head over 16 KB before the app sees it (server/serve.ts answers it with
 * a 431 and a sentence); the random URLs stay under it to spend the runs on what the app parses.
 */
const MAX_QUERY_LENGTH = 12_000;

const queryArb: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(pairArb, { minLength: 0, maxLength: 6 }),
    // Repeating one pair exercises "appears more than once" and the compare page's lists.
    fc.boolean(),
    fc.option(fc.constantFrom(...RAW_FRAGMENTS), { freq: 5 }),
  )
  .map(([pairs, repeatFirst, raw]) => {
    const all = repeatFirst && pairs[0] ? [pairs[0], ...pairs] : pairs;
    const parts = all.map(([key, value]) => `${encode(key)}=${encode(value)}`);
    if (raw !== null) parts.push(raw);
    while (parts.join("&").length > MAX_QUERY_LENGTH) parts.pop();
    return parts.join("&");
  });

/** encodeURIComponent throws on a lone surrogate, which fast-check's strings may hold. */
function encode(text: string): string {
  return encodeURIComponent(text.replace(/[\uD800-\uDFFF]/g, "\uFFFD"));
}

export interface FuzzRequest {
  path: string;
  method: "GET" | "HEAD";
  /** Send the request as a signed-in editor (the pages behind sign-in render then). */
  signedIn: boolean;
}

export const fuzzRequestArb: fc.Arbitrary<FuzzRequest> = fc.record({
  path: fc
    .tuple(fc.constantFrom(...FUZZ_PATHS), queryArb)
    .map(([path, query]) => (query === "" ? path : `${path}?${query}`)),
  method: fc.constantFrom<"GET" | "HEAD">("GET", "GET", "GET", "HEAD"),
  signedIn: fc.boolean(),
});

export interface FuzzAnswer {
  status: number;
  body: string;
}

/** Null when the answer keeps the promise; otherwise what is wrong with it. */
export function fuzzAnswerProblem(request: FuzzRequest, answer: FuzzAnswer): string | null {
  if (answer.status >= 500) return `${answer.status}: ${answer.body.slice(0, 300)}`;
  if (answer.status < 200) return `unexpected status ${answer.status}`;
  // A HEAD answer has no body by definition; its GET twin is checked for the message.
  if (answer.status >= 400 && request.method === "GET" && visibleText(answer.body) === "") {
    return `${answer.status} without a message`;
  }
  return null;
}

function visibleText(body: string): string {
  return body
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<[^>]*>/g, "")
    .trim();
}

export type Send = (request: FuzzRequest) => Promise<FuzzAnswer>;

export interface FuzzFailure {
  request: FuzzRequest;
  problem: string;
}

/**
 * Sends `runs` random requests one after another; returns every failure (not just the first,
 * so one run reports all the distinct 500s). `seed` makes a run repeatable.
 */
export async function fuzzUrls(
  send: Send,
  options: { runs: number; seed?: number; onProgress?: (done: number) => void },
): Promise<FuzzFailure[]> {
  const failures: FuzzFailure[] = [];
  const samples = fc.sample(fuzzRequestArb, { numRuns: options.runs, seed: options.seed });
  let done = 0;
  for (const request of samples) {
    const problem = fuzzAnswerProblem(request, await send(request));
    if (problem) failures.push({ request, problem });
    done++;
    options.onProgress?.(done);
  }
  return failures;
}
