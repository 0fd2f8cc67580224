import { type APIRequestContext, expect, test } from "@playwright/test";
import { ensureAccount } from "../../support/api-client";
import { findForm } from "../../support/html-form";
import { BASE_URL, EDITOR_PASSWORD } from "../support";

/*
 * Hostile input against what only reads: query strings, path tricks, oversized URLs, export
 * parameters and the sign-in form. Every case must get a 4xx with a message that says what is
 * wrong, and none may get a 500. Reads change nothing; the sign-in cases check that no session
 * is handed out. The write side (the JSON API for quarters, the import, the API sign-in and its
 * brute-force limit) is in tests/e2e/write/hostile-api.spec.ts.
 */

interface Case {
  name: string;
  path: string;
  status: number | number[];
  /** Text the answer must contain: the explanation, not just a status code. */
  message: RegExp;
}

const long = (length: number) => "a".repeat(length);

const BRAND_PROBLEM = /must be lowercase letters, digits and dashes/;
const NOT_FOUND = /Not found|no such brand, metric or page/i;

const QUERY_CASES: Case[] = [
  ...[
    ["script tag", "<script>alert(1)</script>"],
    ["SQL text", "' OR 1=1 --"],
    ["SQL stacked query", "xiaomi'; DROP TABLE Observation; --"],
    ["path traversal", "../../etc/passwd"],
    ["encoded traversal", "..%2F..%2Fetc%2Fpasswd"],
    ["NUL byte", "xiaomi\u0000"],
    ["right-to-left override", "\u202eimoaix"],
    ["Japanese", "ブランド"],
    ["emoji", "📈"],
    ["upper case", "XIAOMI"],
    ["spaces inside", "xiao mi"],
    ["leading dash", "-xiaomi"],
    ["too long", long(41)],
    ["very long", long(6000)],
    ["template syntax", "{{7*7}}"],
    ["HTML entity", "&lt;b&gt;"],
    ["CRLF injection", "xiaomi\r\nSet-Cookie: pulse_session=x"],
  ].flatMap(([name, value]) => [
    {
      name: `overview brand: ${name}`,
      path: `/?brand=${encodeURIComponent(value ?? "")}`,
      status: 400,
      message: BRAND_PROBLEM,
    },
    {
      name: `metric page brand: ${name}`,
      path: `/metrics/revenue?brand=${encodeURIComponent(value ?? "")}`,
      status: 400,
      message: BRAND_PROBLEM,
    },
  ]),
  ...[
    ["unknown view", "view=pie", /must be one of bars, seasonal/],
    ["script view", "view=%3Cscript%3E", /must be one of bars, seasonal/],
    ["quarter 5", "from=2025Q5", /must be a quarter written like 2025Q3/],
    ["lower-case quarter", "from=2025q1", /must be a quarter written like 2025Q3/],
    ["year out of range", "to=1999Q4", /must be a quarter written like 2025Q3/],
    ["SQL in a quarter", "from=2025Q1'%20OR%20'1'='1", /must be a quarter written like 2025Q3/],
    ["date instead of quarter", "from=2025-03-31", /must be a quarter written like 2025Q3/],
    ["from after to", "from=2025Q3&to=2024Q1", /must not be after/],
    ["two malformed range ends", "from=x&to=y", /must be a quarter written like 2025Q3/],
    ["repeated brand", "brand=xiaomi&brand=other", /appears more than once/],
    ["repeated view", "view=bars&view=seasonal", /appears more than once/],
    ["array syntax", "from[]=2025Q1&from[]=2025Q2", /must be a quarter|appears more than once/],
  ].map(([name, query, message]) => ({
    name: `metric page ${name}`,
    path: `/metrics/revenue?${query}`,
    status: 400,
    message: message as RegExp,
  })),
  {
    name: "overview repeated brand",
    path: "/?brand=xiaomi&brand=xiaomi",
    status: 400,
    message: /appears more than once/,
  },
  {
    name: "compare page with two malformed range ends",
    path: "/compare?from=x&to=y",
    status: 400,
    message: /must be a quarter written like 2025Q3/,
  },
  {
    name: "export with two malformed range ends",
    path: "/api/export?from=x&to=y",
    status: 400,
    message: /must be a quarter written like 2025Q3/,
  },
  { name: "unknown brand", path: "/?brand=no-such-brand", status: 404, message: NOT_FOUND },
  {
    name: "unknown brand on a metric page",
    path: "/metrics/revenue?brand=no-such-brand",
    status: 404,
    message: NOT_FOUND,
  },
];

const PATH_CASES: Case[] = [
  ["metric key with a script tag", "/metrics/%3Cscript%3Ealert(1)%3C%2Fscript%3E"],
  ["metric key with SQL", "/metrics/revenue'%20OR%201=1--"],
  ["metric key with an encoded traversal", "/metrics/..%2F..%2Fetc%2Fpasswd"],
  ["metric key with a NUL byte", "/metrics/revenue%00"],
  ["metric key in capitals", "/metrics/REVENUE"],
  ["unknown metric", "/metrics/no_such_metric"],
  ["very long metric key", `/metrics/${long(3000)}`],
  ["metric key in Japanese", `/metrics/${encodeURIComponent("売上")}`],
  ["encoded traversal at the root", "/..%2f..%2fetc/passwd"],
  ["dot-dot segments", "/%2e%2e/%2e%2e/package.json"],
  ["the database file", "/data/app.db"],
  ["an environment file", "/.env"],
  ["the git directory", "/.git/config"],
  ["the server build", "/.next/server/app/page.js"],
  ["the build manifest of server actions", "/.next/server/server-reference-manifest.json"],
  ["package.json through static", "/_next/static/..%2F..%2Fpackage.json"],
  ["node_modules", "/node_modules/next/package.json"],
  ["the Prisma schema", "/prisma/schema.prisma"],
  ["a source file", "/lib/db.ts"],
  ["a PHP probe", "/wp-login.php"],
  ["an admin probe", "/admin"],
].map(([name, path]) => ({
  name: `path: ${name}`,
  path: path ?? "/",
  status: 404,
  message: NOT_FOUND,
}));

async function expectClearRefusal(request: APIRequestContext, entry: Case) {
  const response = await request.get(entry.path, { maxRedirects: 0 });
  const statuses = Array.isArray(entry.status) ? entry.status : [entry.status];
  const body = await response.text();
  expect(statuses, `${entry.path} answered ${response.status()}`).toContain(response.status());
  expect(body).toMatch(entry.message);
  // Whatever came in is never echoed as markup.
  expect(body).not.toContain("<script>alert(1)</script>");
  expect(response.headers()["set-cookie"] ?? "").not.toContain("pulse_session=x");
}

test.describe("hostile query strings and paths", () => {
  for (const entry of [...QUERY_CASES, ...PATH_CASES]) {
    test(`answers ${entry.status} with an explanation: ${entry.name}`, async ({ request }) => {
      await expectClearRefusal(request, entry);
    });
  }

  test("refuses an oversized URL with 431 and never a 500", async ({ request }) => {
    const response = await request.get(`/?brand=${long(20_000)}`);
    expect(response.status()).toBe(431);
  });

  test("refuses a POST with a made-up server action id with 400 and a message", async ({
    request,
  }) => {
    const response = await request.post("/login", {
      headers: { "next-action": "00deadbeef", "content-type": "text/plain" },
      data: "x",
    });
    expect(response.status()).toBe(400);
    expect(await response.text()).toMatch(/Invalid Server Action request/);
  });
});

test.describe("hostile export parameters", () => {
  const QUARTER = /must be a quarter written like 2025Q3/;
  const BRAND = /brand: must be lowercase letters, digits and dashes/;
  const EXPORT_CASES: [string, string, RegExp][] = [
    ["unknown format", "format=xml", /format: must be one of long, wide/],
    ["script as format", "format=%3Cscript%3E", /format: must be one of long, wide/],
    ["SQL in the brand", "format=long&brand=xiaomi'%20OR%201=1--", BRAND],
    ["traversal in the brand", "format=long&brand=..%2F..%2Fetc%2Fpasswd", BRAND],
    ["unknown brand", "format=long&brand=no-such-brand", /brand: has no brand "no-such-brand"/],
    ["repeated format", "format=long&format=wide", /format: appears more than once/],
    ["NUL in the brand", "format=long&brand=xiaomi%00", BRAND],
    ["very long brand", `format=long&brand=${long(5000)}`, BRAND],
    ["unknown parameter", "format=long&metric=no_such_metric", /metric: is not a parameter/],
    ["quarter out of range", "format=long&from=1999Q1", QUARTER],
    ["history=2", "history=2", /history: must be 1 \(yes\) or 0 \(no\)/],
    ["bom=yes", "bom=yes", /bom: must be 1 \(yes\) or 0 \(no\)/],
    ["from after to", "from=2025Q3&to=2024Q1", /from: must not be after `to`/],
    ["a metric listed twice", "metrics=revenue,revenue", /metrics: lists a metric more than once/],
    [
      "SQL in the metrics",
      "metrics=revenue'--",
      /metrics: must be lowercase letters, digits and underscores/,
    ],
    ["history of the wide shape", "format=wide&history=1", /history: applies only to format=long/],
    [
      "101 metrics",
      `metrics=${Array(101).fill("revenue").join(",")}`,
      /may list at most 100 metrics/,
    ],
    ["right-to-left override in the brand", "brand=%E2%80%AExiaomi", BRAND],
    ["CRLF injection in a quarter", "to=2025Q3%0D%0ASet-Cookie:x=1", QUARTER],
    ["emoji as a metric", "metrics=%F0%9F%93%88", /metrics: must be lowercase letters/],
    ["array syntax", "brand[]=xiaomi", /brand\[\]: is not a parameter/],
    ["unknown across", "format=wide&across=years", /across: must be one of metrics, quarters/],
    [
      "script as across",
      "format=wide&across=%3Cscript%3E",
      /across: must be one of metrics, quarters/,
    ],
    [
      "across on the long shape",
      "format=long&across=quarters",
      /across: applies only to format=wide/,
    ],
    ["across without a format", "across=quarters", /across: applies only to format=wide/],
    [
      "repeated across",
      "format=wide&across=quarters&across=metrics",
      /across: appears more than once/,
    ],
    [
      "across in capitals",
      "format=wide&across=QUARTERS",
      /across: must be one of metrics, quarters/,
    ],
  ];
  for (const [name, query, message] of EXPORT_CASES) {
    test(`answers 400 with the parameter and the problem: ${name}`, async ({ request }) => {
      const response = await request.get(`/api/export?${query}`);
      expect(response.status()).toBe(400);
      expect(response.headers()["content-type"]).toMatch(/^text\/plain/);
      expect(response.headers()["set-cookie"]).toBeUndefined();
      expect(await response.text()).toMatch(message);
    });
  }
});

/*
 * The sign-in form, posted as a browser without JavaScript posts it. Each test signs in from an
 * address of its own (x-forwarded-for), so the failure counter it drives up cannot lock out the
 * other specs' sign-ins.
 */
test.describe("hostile sign-in attempts", () => {
  let addressCounter = 0;
  // Unique within the run (the server's limiter counts per address): a clock-derived part added
  // to the counter could repeat an address that an earlier test had already locked out.
  const addressBase = Date.now() % 100;
  const newAddress = () => `198.51.100.${addressBase + ++addressCounter}`;

  async function postSignIn(
    request: APIRequestContext,
    address: string,
    fields: Record<string, string>,
  ) {
    const page = await request.get("/login", { headers: { "x-forwarded-for": address } });
    const form = findForm(await page.text(), page.url(), 'name="password"');
    const multipart: Record<string, string> = {};
    for (const [name, value] of form.hidden) multipart[name] = value;
    Object.assign(multipart, fields);
    const response = await request.post(form.action, {
      multipart,
      headers: { "x-forwarded-for": address, origin: new URL(page.url()).origin },
      maxRedirects: 0,
    });
    return {
      status: response.status(),
      body: await response.text(),
      location: response.headers().location,
      signedIn: (response.headers()["set-cookie"] ?? "").includes("pulse_session="),
    };
  }

  let accountCounter = 0;
  /** A fresh account name per attempt series, so the per-account counter starts at zero. */
  const newMallory = () => `mallory-${Date.now() % 100_000}-${++accountCounter}@e2e.test`;
  const WRONG = /This email and password do not match an active account\./;

  test("rate-limits a brute-force attempt, even when the right password finally comes", async ({
    request,
  }) => {
    const address = newAddress();
    const victim = await ensureAccount(BASE_URL, `Brute Victim ${Date.now() % 100_000}`);
    for (let attempt = 1; attempt <= 10; attempt++) {
      const result = await postSignIn(request, address, {
        email: victim,
        password: `guess-${attempt}`,
      });
      expect(result.status).toBeLessThan(500);
      expect(result.body).toMatch(WRONG);
      expect(result.signedIn).toBe(false);
    }
    const blocked = await postSignIn(request, address, {
      email: victim,
      password: EDITOR_PASSWORD,
    });
    expect(blocked.body).toMatch(/Too many failed sign-in attempts\. Try again in \d+ seconds\./);
    expect(blocked.signedIn).toBe(false);
    // Another account from another address is not affected.
    const other = await postSignIn(request, newAddress(), {
      email: await ensureAccount(BASE_URL, "Ada"),
      password: EDITOR_PASSWORD,
    });
    expect(other.status).toBe(303);
    expect(other.signedIn).toBe(true);
  });

  for (const next of [
    "/\t/evil.example",
    "/%09/evil.example",
    "//evil.example",
    "/\\evil.example",
    "https://evil.example/",
  ]) {
    test(`after sign-in, next=${JSON.stringify(next)} stays on this site`, async ({ request }) => {
      const result = await postSignIn(request, newAddress(), {
        email: await ensureAccount(BASE_URL, "Ada"),
        password: EDITOR_PASSWORD,
        next,
      });
      expect(result.status).toBe(303);
      const location = new URL(result.location ?? "", "http://127.0.0.1/");
      expect(location.host).toBe("127.0.0.1");
      expect(result.location?.startsWith("//")).toBe(false);
    });
  }

  const FIELD_CASES: [string, () => Record<string, string>, RegExp][] = [
    ["an empty email", () => ({ email: "", password: "x" }), /Email is required/],
    ["not an email", () => ({ email: "Mallory", password: "x" }), /must be an email address/],
    ["an email of 10,000 characters", () => ({ email: long(10_000), password: "x" }), /too long/],
    [
      "a password of 10,000 characters",
      () => ({ email: newMallory(), password: long(10_000) }),
      /Password is too long/,
    ],
    ["an empty password", () => ({ email: newMallory(), password: "" }), /Password is required/],
    ["SQL as the password", () => ({ email: newMallory(), password: "' OR '1'='1' --" }), WRONG],
    [
      "SQL as the email",
      () => ({ email: "x@y' OR '1'='1", password: "x" }),
      /must be an email address/,
    ],
    [
      "a script as the email",
      () => ({ email: "<script>alert(1)</script>@e2e.test", password: "x" }),
      WRONG,
    ],
    [
      "an open redirect as next",
      () => ({ email: newMallory(), password: "x", next: "https://evil.example/" }),
      WRONG,
    ],
  ];
  for (const [name, fields, message] of FIELD_CASES) {
    test(`refuses ${name} with a message and no session`, async ({ request }) => {
      const result = await postSignIn(request, newAddress(), fields());
      expect(result.status).toBeLessThan(500);
      expect(result.body).toMatch(message);
      expect(result.body).not.toContain("<script>alert(1)</script>");
      expect(result.signedIn).toBe(false);
    });
  }

  test("refuses a body over the form size limit with 413 and a message", async ({ request }) => {
    const result = await postSignIn(request, newAddress(), {
      email: newMallory(),
      password: long(3_000_000),
    });
    expect(result.status).toBe(413);
    expect(result.body).toMatch(/This form may send at most 1 MB\. Nothing was saved\./);
    expect(result.signedIn).toBe(false);
  });
});
