import { type APIRequestContext, expect, test } from "@playwright/test";
import { apiSignIn } from "../../support/api-client";
import {
  FUZZ_PATHS,
  type FuzzAnswer,
  type FuzzRequest,
  fuzzAnswerProblem,
  fuzzUrls,
} from "../../support/url-fuzz";
import { EDITOR_PASSWORD } from "../support";

/*
 * No URL answers 5xx: a bounded property-based run over every page and API route (random
 * parameters, values and methods, signed in or not; tests/support/url-fuzz.ts). The long run is
 * `npm run fuzz:urls` against a running server. HTTP only, no browser page, so it stays fast.
 */

const RUNS = Number(process.env.URL_FUZZ_RUNS ?? 300);
// A fixed seed by default, so a failure here fails again the same way; URL_FUZZ_SEED varies it.
const SEED = Number(process.env.URL_FUZZ_SEED ?? 13);

function sender(request: APIRequestContext, cookie: string) {
  return async (fuzz: FuzzRequest): Promise<FuzzAnswer> => {
    const response = await request.fetch(fuzz.path, {
      method: fuzz.method,
      headers: fuzz.signedIn ? { cookie } : {},
      maxRedirects: 0,
      failOnStatusCode: false,
    });
    return { status: response.status(), body: fuzz.method === "HEAD" ? "" : await response.text() };
  };
}

test("random query strings on every page and API route answer 2xx, 3xx or 4xx with a message", async ({
  request,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const cookie = await apiSignIn(baseURL ?? "", "URL Fuzzer", EDITOR_PASSWORD);
  const failures = await fuzzUrls(sender(request, cookie), { runs: RUNS, seed: SEED });
  const report = failures.map(
    ({ request: fuzz, problem }) =>
      `${fuzz.method} ${fuzz.path.slice(0, 200)}${fuzz.signedIn ? " (signed in)" : ""} -> ${problem.slice(0, 200)}`,
  );
  expect(report, `seed ${SEED}`).toEqual([]);
});

test("HEAD on every path answers like its GET, never 5xx", async ({ request }) => {
  for (const path of FUZZ_PATHS) {
    const head = await request.fetch(path, { method: "HEAD", maxRedirects: 0 });
    const get = await request.fetch(path, { method: "GET", maxRedirects: 0 });
    expect(head.status(), path).toBeLessThan(500);
    expect(head.status(), path).toBe(get.status());
  }
});

test("a POST of junk to every API route is refused with a 4xx and a message", async ({
  request,
  baseURL,
}) => {
  const cookie = await apiSignIn(baseURL ?? "", "Junk Poster", EDITOR_PASSWORD);
  const bodies: { contentType: string; data: string }[] = [
    { contentType: "application/json", data: "{not json" },
    { contentType: "application/json", data: '{"__proto__":{"x":1},"values":[]}' },
    { contentType: "application/json", data: "null" },
    { contentType: "text/csv", data: '\u0000\u0001garbage,\n"unclosed' },
    { contentType: "text/plain", data: "junk" },
    { contentType: "application/x-www-form-urlencoded", data: "a=1&b=%zz" },
  ];
  const routes = FUZZ_PATHS.filter((path) => path.startsWith("/api/"));
  for (const path of routes) {
    for (const body of bodies) {
      for (const signedIn of [false, true]) {
        const fuzz: FuzzRequest = { path, method: "GET", signedIn };
        const response = await request.fetch(path, {
          method: "POST",
          headers: { "content-type": body.contentType, ...(signedIn ? { cookie } : {}) },
          data: body.data,
          maxRedirects: 0,
        });
        const answer = { status: response.status(), body: await response.text() };
        const label = `POST ${path} ${body.contentType} ${signedIn ? "signed in" : "anonymous"}`;
        expect(fuzzAnswerProblem(fuzz, answer), label).toBeNull();
        expect(answer.status, label).toBeGreaterThanOrEqual(400);
      }
    }
  }
});
