import { expect, test } from "@playwright/test";
import { LONG_COLUMNS } from "@/lib/csv/export-format";
import {
  type ApiAnswer,
  apiRequest,
  apiSignIn,
  ensureAccount,
  type QuarterBody,
} from "../../support/api-client";
import { findForm } from "../../support/html-form";
import { EDITOR_PASSWORD } from "../support";

/*
 * Hostile input against the write side: the JSON API's quarter endpoint (the quarter form's
 * rules), the CSV import endpoints and the API sign-in. Every case must get a 4xx whose `error`
 * explains it, and must write nothing: the number of stored revisions (every revision, through
 * the history export) is the same after it as before. No case may get a 5xx.
 *
 * This spec owns Xiaomi's retail_stores in 2001 (the two cases that are accepted write there).
 * Sign-ins come from addresses of their own (x-forwarded-for), so the brute-force case cannot
 * lock other specs out.
 */

const BASE = `http://127.0.0.1:${process.env.E2E_PORT}`;
let addressCounter = 0;
const newAddress = () => `203.0.113.${(Date.now() % 150) + ++addressCounter}`;
let cookie = "";

test.beforeAll(async () => {
  cookie = await apiSignIn(BASE, "Hostile Tester", EDITOR_PASSWORD, {
    "x-forwarded-for": newAddress(),
  });
});

/** Every stored revision, current or not, of every brand: what any write would change. */
async function storedRevisions(): Promise<number> {
  const response = await fetch(`${BASE}/api/export?history=1`);
  expect(response.status).toBe(200);
  return (await response.text()).split("\r\n").length;
}

const VALID: QuarterBody = {
  brand: "xiaomi",
  year: 2001,
  quarter: "Q1",
  values: { retail_stores: "100" },
  source: { title: "Hostile corpus control", url: "https://example.com/control" },
};

function quarterJson(patch: Record<string, unknown>): () => Promise<ApiAnswer> {
  return () => apiRequest(BASE, "/api/quarters", { cookie, json: { ...VALID, ...patch } });
}

function withValue(value: unknown, metric = "retail_stores"): () => Promise<ApiAnswer> {
  return quarterJson({ values: { [metric]: value } });
}

function withSource(patch: Record<string, unknown>): () => Promise<ApiAnswer> {
  return quarterJson({ source: { ...VALID.source, ...patch } });
}

function rawQuarter(body: BodyInit, contentType?: string, headers: Record<string, string> = {}) {
  return () => apiRequest(BASE, "/api/quarters", { cookie, body, contentType, headers });
}

interface Case {
  name: string;
  send: () => Promise<ApiAnswer>;
  status: number;
  /** Where the explanation must be: the `error`, one of `fieldErrors`, or `problems`. */
  message: RegExp;
}

const long = (length: number) => "a".repeat(length);

const QUARTER_CASES: Case[] = [
  {
    name: "no session",
    send: () => apiRequest(BASE, "/api/quarters", { json: VALID }),
    status: 401,
    message: /Sign in first/,
  },
  {
    name: "text/plain body",
    send: rawQuarter(JSON.stringify(VALID), "text/plain"),
    status: 415,
    message: /must be sent as Content-Type: application\/json, not text\/plain/,
  },
  {
    name: "a form post (urlencoded)",
    send: rawQuarter("brand=xiaomi&year=2001", "application/x-www-form-urlencoded"),
    status: 415,
    message: /application\/json, not application\/x-www-form-urlencoded/,
  },
  {
    name: "multipart form data",
    send: rawQuarter("--x\r\n\r\n--x--", "multipart/form-data; boundary=x"),
    status: 415,
    message: /not multipart\/form-data/,
  },
  {
    name: "no content type",
    send: () =>
      fetch(`${BASE}/api/quarters`, {
        method: "POST",
        headers: { cookie },
        body: new Blob([JSON.stringify(VALID)]),
      }).then(async (response) => ({
        status: response.status,
        body: await response.json(),
        headers: response.headers,
      })),
    status: 415,
    message: /none was given/,
  },
  {
    name: "a charset other than UTF-8",
    send: rawQuarter(JSON.stringify(VALID), "application/json; charset=latin1"),
    status: 415,
    message: /must be UTF-8, not charset=latin1/,
  },
  {
    name: "malformed JSON",
    send: rawQuarter('{"brand": "xiaomi", "year":', "application/json"),
    status: 400,
    message: /not valid JSON/,
  },
  {
    name: "an empty body",
    send: rawQuarter("", "application/json"),
    status: 400,
    message: /empty/,
  },
  {
    name: "a JSON array",
    send: rawQuarter("[1,2,3]", "application/json"),
    status: 400,
    message: /must be a JSON object with brand, year, quarter, values and source/,
  },
  {
    name: "a JSON string",
    send: rawQuarter('"xiaomi"', "application/json"),
    status: 400,
    message: /must be a JSON object/,
  },
  {
    name: "deeply nested JSON",
    send: rawQuarter(`${"[".repeat(20_000)}${"]".repeat(20_000)}`, "application/json"),
    status: 400,
    message: /must be a JSON object|not valid JSON/,
  },
  {
    name: "invalid UTF-8 bytes",
    send: rawQuarter(
      new Blob([Buffer.from('{"brand":"xiaomi'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]),
      "application/json",
    ),
    status: 400,
    message: /not valid UTF-8/,
  },
  {
    name: "a body over 64 KB",
    send: quarterJson({ note: long(70_000) }),
    status: 413,
    message: /this endpoint takes at most 64 KB/,
  },
  {
    name: "a body of 2 MB",
    send: quarterJson({ note: long(2_000_000) }),
    status: 413,
    message: /The body is \d\.\d MB; this endpoint takes at most 64 KB/,
  },
  {
    name: "an oversized body sent in chunks, without a length",
    send: () => {
      const chunk = new TextEncoder().encode(long(16_384));
      let sent = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent++ < 10) controller.enqueue(chunk);
          else controller.close();
        },
      });
      return fetch(`${BASE}/api/quarters`, {
        method: "POST",
        headers: { cookie, "content-type": "application/json" },
        body: stream,
        duplex: "half",
      } as RequestInit).then(async (response) => ({
        status: response.status,
        body: await response.json(),
        headers: response.headers,
      }));
    },
    status: 413,
    message: /more than 64 KB/,
  },
  {
    name: "another site's Origin",
    send: rawQuarter(JSON.stringify(VALID), "application/json", {
      origin: "https://evil.example",
    }),
    status: 403,
    message: /Cross-site requests are refused/,
  },
  {
    name: "an opaque Origin (null)",
    send: rawQuarter(JSON.stringify(VALID), "application/json", { origin: "null" }),
    status: 403,
    message: /Cross-site requests are refused/,
  },
  {
    name: "GET",
    send: () => apiRequest(BASE, "/api/quarters", { method: "GET", cookie }),
    status: 405,
    message: /GET is not accepted here; use POST/,
  },
  {
    name: "DELETE",
    send: () => apiRequest(BASE, "/api/quarters", { method: "DELETE", cookie }),
    status: 405,
    message: /use POST/,
  },
  // Numbers and other values
  {
    name: "1e309 as text",
    send: withValue("1e309"),
    status: 400,
    message: /without an exponent/,
  },
  {
    name: "a JSON number (1e309 parses as Infinity)",
    send: rawQuarter(JSON.stringify(VALID).replace('"100"', "1e309"), "application/json"),
    status: 400,
    message: /must be a string like "113\.1": a JSON number cannot keep the decimals/,
  },
  { name: "0x10", send: withValue("0x10"), status: 400, message: /no hexadecimal/ },
  {
    name: "1,05",
    send: withValue("1,05"),
    status: 400,
    message: /is ambiguous: a thousands comma/,
  },
  { name: "1.050,5", send: withValue("1.050,5"), status: 400, message: /'\.' for thousands/ },
  {
    name: "Arabic-Indic digits",
    send: withValue("١٢٣"),
    status: 400,
    message: /must use the digits 0-9/,
  },
  {
    name: "full-width digits",
    send: withValue("１２３"),
    status: 400,
    message: /must use the digits 0-9/,
  },
  { name: "NaN", send: withValue("NaN"), status: 400, message: /must be a finite number/ },
  { name: "-Infinity", send: withValue("-Infinity"), status: 400, message: /finite/ },
  {
    name: "a negative count",
    send: withValue("-5"),
    status: 400,
    message: /Xiaomi Home stores must not be negative/,
  },
  {
    name: "negative revenue",
    send: withValue("-0.5", "revenue"),
    status: 400,
    message: /Total revenue must not be negative/,
  },
  {
    name: "a fraction of a store",
    send: withValue("12.5"),
    status: 400,
    message: /whole number/,
  },
  { name: "41 digits", send: withValue("1".repeat(41)), status: 400, message: /at most 40/ },
  {
    name: "a script as a value",
    send: withValue("<script>alert(1)</script>"),
    status: 400,
    message: /plain decimal/,
  },
  {
    name: "SQL as a value",
    send: withValue("1; DROP TABLE Observation; --"),
    status: 400,
    message: /Xiaomi Home stores/,
  },
  {
    name: "a combining mark on a digit",
    send: withValue("1\u0301"),
    status: 400,
    message: /Xiaomi Home stores must/,
  },
  {
    name: "an emoji as a value",
    send: withValue("📈"),
    status: 400,
    message: /Xiaomi Home stores must/,
  },
  {
    name: "a right-to-left override in a value",
    send: withValue("\u202e001"),
    status: 400,
    message: /Xiaomi Home stores must/,
  },
  // Brand, metric, quarter
  {
    name: "a script as the brand",
    send: quarterJson({ brand: "<script>alert(1)</script>" }),
    status: 400,
    message: /Brand must be lowercase letters, digits and dashes/,
  },
  {
    name: "SQL as the brand",
    send: quarterJson({ brand: "xiaomi' OR 1=1 --" }),
    status: 400,
    message: /Brand must be lowercase/,
  },
  {
    name: "a path as the brand",
    send: quarterJson({ brand: "../../etc/passwd" }),
    status: 400,
    message: /Brand must be lowercase/,
  },
  {
    name: "an emoji as the brand",
    send: quarterJson({ brand: "📈" }),
    status: 400,
    message: /Brand must be lowercase/,
  },
  {
    name: "an unknown brand",
    send: quarterJson({ brand: "no-such-brand" }),
    status: 400,
    message: /There is no brand "no-such-brand" in the catalog/,
  },
  {
    name: "an unknown metric",
    send: quarterJson({ values: { no_such_metric: "1" } }),
    status: 400,
    message: /There is no metric "no_such_metric" in the catalog/,
  },
  {
    name: "__proto__ as a metric",
    send: rawQuarter(
      JSON.stringify(VALID).replace('"retail_stores"', '"__proto__"'),
      "application/json",
    ),
    status: 400,
    message: /There is no metric "__proto__"/,
  },
  {
    name: "constructor as a metric",
    send: quarterJson({ values: { constructor: "1" } }),
    status: 400,
    message: /There is no metric "constructor"/,
  },
  {
    name: "no values",
    send: quarterJson({ values: {} }),
    status: 400,
    message: /At least one metric value is required/,
  },
  {
    name: "the year 1999",
    send: quarterJson({ year: 1999 }),
    status: 400,
    message: /Fiscal year must be 2000 or later/,
  },
  {
    name: "a fractional year",
    send: quarterJson({ year: 2001.5 }),
    status: 400,
    message: /Fiscal year must be a four-digit year/,
  },
  {
    name: "quarter 5",
    send: quarterJson({ quarter: 5 }),
    status: 400,
    message: /Quarter must be Q1, Q2, Q3 or Q4/,
  },
  {
    name: "a quarter in the future",
    send: quarterJson({ year: 2098 }),
    status: 400,
    message: /must not be in the future/,
  },
  {
    name: "a qualifier that does not exist",
    send: quarterJson({ qualifiers: { retail_stores: "definitely" } }),
    status: 400,
    message: /The qualifier of Xiaomi Home stores must be one of exact, approximate, at_least/,
  },
  {
    name: "a field that does not exist",
    send: quarterJson({ isCurrent: true }),
    status: 400,
    message: /isCurrent is not a field of this request/,
  },
  {
    name: "confirm that is not a list",
    send: quarterJson({ confirm: "yes" }),
    status: 400,
    message: /confirm must be a list/,
  },
  // The source and the note
  {
    name: "no source title",
    send: withSource({ title: "" }),
    status: 400,
    message: /Source title is required/,
  },
  {
    name: "a right-to-left override in the source title",
    send: withSource({ title: "Results \u202egnp.exe" }),
    status: 400,
    message: /must not contain control characters or text-direction overrides/,
  },
  {
    name: "a NUL in the source title",
    send: withSource({ title: "Results\u0000" }),
    status: 400,
    message: /control characters/,
  },
  {
    name: "a javascript: URL",
    send: withSource({ url: "javascript:alert(1)" }),
    status: 400,
    message: /Source URL must be a full http:\/\/ or https:\/\/ address/,
  },
  {
    name: "a file: URL",
    send: withSource({ url: "file:///etc/passwd" }),
    status: 400,
    message: /Source URL must be a full http/,
  },
  {
    name: "February 30th",
    send: withSource({ date: "2001-02-30" }),
    status: 400,
    message: /is not a real calendar date/,
  },
  {
    name: "a publication date in the future",
    send: withSource({ date: "2098-01-01" }),
    status: 400,
    message: /must not be after today/,
  },
  {
    name: "a note of 1,001 characters",
    send: quarterJson({ note: long(1001) }),
    status: 400,
    message: /Note must be at most 1000 characters/,
  },
  {
    name: "a note with an escape sequence",
    send: quarterJson({ note: "ok \u001b[31mred" }),
    status: 400,
    message: /control characters/,
  },
  // Confirmations
  {
    name: "a restatement sent without confirming it",
    send: () =>
      apiRequest(BASE, "/api/quarters", {
        cookie,
        json: {
          ...VALID,
          year: 2025,
          quarter: 3,
          values: { revenue: "113.2" },
          source: { title: "Hostile restatement" },
        },
      }),
    status: 409,
    message: /need confirming/,
  },
  {
    name: "a restatement with a made-up confirmation token",
    send: () =>
      apiRequest(BASE, "/api/quarters", {
        cookie,
        json: {
          ...VALID,
          year: 2025,
          quarter: 3,
          values: { revenue: "113.2" },
          source: { title: "Hostile restatement" },
          confirm: ["2025Q3|restatement|revenue|999|0|exact"],
        },
      }),
    status: 409,
    message: /need confirming/,
  },
];

let malloryCounter = 0;
/** A fresh address per wrong guess, so the per-account counter never reaches its limit here. */
const mallory = () => `mallory-${Date.now() % 100_000}-${++malloryCounter}@e2e.test`;

const SESSION_CASES: Case[] = [
  ...(
    [
      [
        "text/plain",
        { body: '{"email":"a@b.c","password":"b"}', contentType: "text/plain" },
        415,
        /application\/json/,
      ],
      [
        "malformed JSON",
        { body: '{"email":', contentType: "application/json" },
        400,
        /not valid JSON/,
      ],
      ["no password", { json: { email: mallory() } }, 400, /Password is required/],
      [
        "a number as the email",
        { json: { email: 7, password: "x" } },
        400,
        /Email must be a JSON string/,
      ],
      [
        "the old body with a name",
        { json: { name: "Mallory", password: "x" } },
        400,
        /not a field of this request/,
      ],
      [
        "a wrong password",
        { json: { email: mallory(), password: "guess" } },
        401,
        /do not match an active account/,
      ],
      [
        "an unknown email",
        { json: { email: mallory(), password: "guess-guess-guess" } },
        401,
        /do not match an active account/,
      ],
      [
        "an extra field",
        { json: { email: mallory(), password: "x", admin: true } },
        400,
        /not a field of this request/,
      ],
      [
        "not an email",
        { json: { email: "Mallory", password: "x" } },
        400,
        /must be an email address/,
      ],
      [
        "an email of 10,000 characters",
        { json: { email: long(10_000), password: "x" } },
        400,
        /Email is too long/,
      ],
      [
        "a password of 10,000 characters",
        { json: { email: mallory(), password: long(10_000) } },
        400,
        /Password is too long/,
      ],
      [
        "a body over 16 KB",
        { json: { email: mallory(), password: long(20_000) } },
        413,
        /at most 16 KB/,
      ],
      [
        "SQL as the password",
        { json: { email: mallory(), password: "' OR '1'='1' --" } },
        401,
        /do not match an active account/,
      ],
      [
        "another site's Origin",
        { json: { email: mallory(), password: "x" }, headers: { origin: "https://evil.example" } },
        403,
        /Cross-site/,
      ],
      ["GET", { method: "GET" }, 405, /use POST, DELETE/],
    ] as [string, Parameters<typeof apiRequest>[2], number, RegExp][]
  ).map(([name, init, status, message]) => ({
    name: `sign-in: ${name}`,
    send: () =>
      apiRequest(BASE, "/api/session", {
        ...init,
        headers: { "x-forwarded-for": newAddress(), ...init?.headers },
      }),
    status,
    message,
  })),
];

const HEADER = LONG_COLUMNS.join(",");
const csvLine = (cells: Partial<Record<string, string>>) => {
  const row: Record<string, string> = {
    brand: "xiaomi",
    metric: "retail_stores",
    metric_label: "",
    unit: "stores",
    quarter: "2001Q3",
    value: "100",
    qualifier: "exact",
    source_title: "Hostile import",
    ...cells,
  };
  return LONG_COLUMNS.map((column) => row[column] ?? "").join(",");
};
const csvFile = (...lines: string[]) => `${HEADER}\r\n${lines.join("\r\n")}\r\n`;

function upload(body: BodyInit, contentType = "text/csv", withSession = true, query = "") {
  return () =>
    apiRequest(BASE, `/api/imports${query}`, {
      cookie: withSession ? cookie : undefined,
      body,
      contentType,
    });
}

/**
 * A file whose rows are refused one by one is previewed (201, each rejection with its row,
 * column and reason) and kept as a pending import; its confirmation is what is refused.
 */
function uploadThenConfirm(line: string, rejected: RegExp): Case {
  return {
    name: "",
    send: async () => {
      const preview = await upload(csvFile(line))();
      expect(preview.status).toBe(201);
      const summary = preview.body as {
        id: number;
        planChecksum: string;
        rejected: { row: number; column: string; reason: string }[];
      };
      expect(summary.rejected).toHaveLength(1);
      expect(summary.rejected[0]?.row).toBe(2);
      expect(`${summary.rejected[0]?.column}: ${summary.rejected[0]?.reason}`).toMatch(rejected);
      return apiRequest(BASE, `/api/imports/${summary.id}/confirm`, {
        cookie,
        json: { planChecksum: summary.planChecksum },
      });
    },
    status: 409,
    message: /rejected row\(s\), and an import with rejected rows cannot be confirmed/,
  };
}

const IMPORT_CASES: Case[] = [
  {
    name: "no session",
    send: upload(csvFile(csvLine({})), "text/csv", false),
    status: 401,
    message: /Sign in first/,
  },
  {
    name: "text/plain",
    send: upload(csvFile(csvLine({})), "text/plain"),
    status: 415,
    message: /text\/csv, not text\/plain/,
  },
  {
    name: "JSON",
    send: upload("{}", "application/json"),
    status: 415,
    message: /text\/csv, not application\/json/,
  },
  {
    name: "an upload form",
    send: upload("--x--", "multipart/form-data; boundary=x"),
    status: 415,
    message: /not multipart/,
  },
  { name: "an empty file", send: upload(""), status: 400, message: /The file is empty/ },
  {
    name: "a file over 5 MB",
    send: upload(`${HEADER}\r\n${csvLine({}).padEnd(6 * 1024 * 1024, " ")}`),
    status: 413,
    message: /an import takes at most 5\.0 MB/,
  },
  {
    name: "UTF-16",
    send: upload(new Blob([Buffer.from(`\ufeff${csvFile(csvLine({}))}`, "utf16le")])),
    status: 400,
    message: /NUL byte|UTF-16|not valid UTF-8/,
  },
  {
    name: "Windows-1252 bytes",
    send: upload(
      new Blob([Buffer.from(`${HEADER}\r\n`), Buffer.from([0x93, 0x94]), Buffer.from("\r\n")]),
    ),
    status: 400,
    message: /not valid UTF-8/,
  },
  {
    name: "a wrong header",
    send: upload("brand,metric,value\r\nxiaomi,revenue,1\r\n"),
    status: 400,
    message: /The header row has missing columns/,
  },
  { name: "a header and no rows", send: upload(`${HEADER}\r\n`), status: 400, message: /no rows/ },
  {
    name: "an unclosed quote",
    send: upload(csvFile(csvLine({ source_title: '"Never closed' }))),
    status: 400,
    message: /not well-formed CSV/,
  },
  {
    name: "a NUL in a cell",
    send: upload(csvFile(csvLine({ note: "a\u0000b" }))),
    status: 400,
    message: /NUL byte/,
  },
  {
    name: "a file name with a text-direction override",
    send: upload(
      csvFile(csvLine({})),
      "text/csv",
      true,
      `?name=${encodeURIComponent("\u202evsc.exe")}`,
    ),
    status: 400,
    message: /The name parameter must not contain control characters or text-direction overrides/,
  },
  {
    ...uploadThenConfirm(csvLine({ value: "=1+1" }), /value: .*plain decimal/),
    name: "a formula as a value",
  },
  {
    ...uploadThenConfirm(
      csvLine({ value: '"=HYPERLINK(""http://evil.example"",""x"")"' }),
      /value/,
    ),
    name: "a HYPERLINK formula as a value",
  },
  {
    ...uploadThenConfirm(csvLine({ brand: "=cmd|' /C calc'!A0" }), /brand/),
    name: "a DDE formula as the brand",
  },
  {
    ...uploadThenConfirm(csvLine({ metric: "<script>alert(1)</script>" }), /metric/),
    name: "a script as the metric",
  },
  {
    ...uploadThenConfirm(csvLine({ quarter: "2001Q3' OR '1'='1" }), /quarter/),
    name: "SQL as the quarter",
  },
  { ...uploadThenConfirm(csvLine({ value: "1e309" }), /value: .*exponent/), name: "1e309" },
  { ...uploadThenConfirm(csvLine({ value: "0x10" }), /value: .*hexadecimal/), name: "0x10" },
  { ...uploadThenConfirm(csvLine({ value: '"1,0500"' }), /value: .*ambiguous/), name: "1,0500" },
  { ...uploadThenConfirm(csvLine({ unit: "M stores" }), /unit/), name: "another unit" },
  { ...uploadThenConfirm(csvLine({ value: "-3" }), /value: .*negative/), name: "a negative count" },
  // The confirmation endpoint
  {
    name: "confirm: a path with an encoded traversal",
    send: () =>
      apiRequest(BASE, "/api/imports/..%2F..%2Fetc/confirm", {
        cookie,
        json: { planChecksum: "0".repeat(64) },
      }),
    status: 404,
    message: /There is no import "\.\.\/\.\.\/etc"/,
  },
  {
    name: "confirm: a path with dot segments",
    send: () => apiRequest(BASE, "/api/imports/../../etc", { cookie, json: {} }),
    status: 404,
    message: /Not found|no such brand, metric or page/i,
  },
  {
    name: "confirm: a letter id",
    send: () =>
      apiRequest(BASE, "/api/imports/abc/confirm", {
        cookie,
        json: { planChecksum: "0".repeat(64) },
      }),
    status: 404,
    message: /There is no import "abc"/,
  },
  {
    name: "confirm: id 0",
    send: () =>
      apiRequest(BASE, "/api/imports/0/confirm", {
        cookie,
        json: { planChecksum: "0".repeat(64) },
      }),
    status: 404,
    message: /There is no import "0"/,
  },
  {
    name: "confirm: an id nobody uploaded",
    send: () =>
      apiRequest(BASE, "/api/imports/99999999/confirm", {
        cookie,
        json: { planChecksum: "0".repeat(64) },
      }),
    status: 404,
    message: /There is no import "99999999"/,
  },
  {
    name: "confirm: a checksum that is not one",
    send: () =>
      apiRequest(BASE, "/api/imports/1/confirm", { cookie, json: { planChecksum: "' OR 1=1" } }),
    status: 400,
    message: /planChecksum must be the 64 hexadecimal digits/,
  },
  {
    name: "confirm: text/plain",
    send: () =>
      apiRequest(BASE, "/api/imports/1/confirm", { cookie, body: "{}", contentType: "text/plain" }),
    status: 415,
    message: /application\/json/,
  },
  {
    name: "confirm: an extra field",
    send: () =>
      apiRequest(BASE, "/api/imports/1/confirm", {
        cookie,
        json: { planChecksum: "0".repeat(64), force: true },
      }),
    status: 400,
    message: /may hold only planChecksum and unusualChangesChecked, not "force"/,
  },
  {
    name: "confirm: no session",
    send: () =>
      apiRequest(BASE, "/api/imports/1/confirm", { json: { planChecksum: "0".repeat(64) } }),
    status: 401,
    message: /Sign in first/,
  },
  {
    name: "preview of an id that is not a number",
    send: () => apiRequest(BASE, "/api/imports/%3Cscript%3E", { method: "GET", cookie }),
    status: 404,
    message: /There is no import "<script>"/,
  },
];

function explanation(answer: ApiAnswer): string {
  if (typeof answer.body === "string") return answer.body;
  const body = (answer.body ?? {}) as {
    error?: string;
    fieldErrors?: Record<string, string>;
    problems?: string[];
  };
  return [
    body.error ?? "",
    ...Object.values(body.fieldErrors ?? {}),
    ...(body.problems ?? []),
  ].join("\n");
}

test.describe("hostile writes: every case a 4xx that says why, nothing written", () => {
  for (const [group, cases] of [
    ["quarter API", QUARTER_CASES],
    ["session API", SESSION_CASES],
    ["import API", IMPORT_CASES],
  ] as const) {
    for (const entry of cases) {
      test(`${group}: ${entry.name}`, async () => {
        const before = await storedRevisions();
        const answer = await entry.send();
        expect(answer.status, explanation(answer)).toBe(entry.status);
        const text = explanation(answer);
        expect(text).toMatch(entry.message);
        expect(text.length).toBeGreaterThan(15);
        expect(answer.headers.get("set-cookie") ?? "").not.toContain("pulse_session=");
        // JSON error bodies carry the error code of lib/errors.ts.
        if (typeof answer.body === "object" && answer.body !== null) {
          expect((answer.body as { code?: unknown }).code).toMatch(/^[a-z_]+$/);
        }
        expect(await storedRevisions()).toBe(before);
      });
    }
  }

  test("a 409 for a restatement names the stored value, its source and the token to confirm", async () => {
    const restatement = QUARTER_CASES.find((entry) => entry.name.startsWith("a restatement sent"));
    if (!restatement) throw new Error("the restatement case is missing");
    const answer = await restatement.send();
    expect(answer.status).toBe(409);
    const { confirmations } = answer.body as {
      confirmations: { kind: string; token: string; message: string }[];
    };
    expect(confirmations).toHaveLength(1);
    expect(confirmations[0]?.kind).toBe("restatement");
    expect(confirmations[0]?.token).toBe("2025Q3|restatement|revenue|113.2|1|exact");
    expect(confirmations[0]?.message).toMatch(
      /^Total revenue, Q3 2025: restatement\. The stored figure is RMB [\d.]+ bn from "[^"]+"/,
    );
  });
});

test.describe("the same body, without the hostile part, is accepted", () => {
  test("the corpus's valid body saves (so each refusal above is about its own change)", async () => {
    const before = await storedRevisions();
    const answer = await apiRequest(BASE, "/api/quarters", { cookie, json: VALID });
    expect(answer.status, explanation(answer)).toBe(201);
    expect(await storedRevisions()).toBe(before + 1);
  });

  test("-0 is read as 0 and stored as 0", async () => {
    const answer = await apiRequest(BASE, "/api/quarters", {
      cookie,
      json: { ...VALID, quarter: "Q2", values: { retail_stores: "-0" } },
    });
    expect(answer.status, explanation(answer)).toBe(201);
    const csv = await (
      await fetch(`${BASE}/api/export?brand=xiaomi&metrics=retail_stores&from=2001Q2&to=2001Q2`)
    ).text();
    expect(csv.split("\r\n")[1]).toMatch(/^xiaomi,retail_stores,[^,]*,stores,2001Q2,0,exact,/);
  });
});

test.describe("brute force through the API", () => {
  test("after 10 wrong passwords the account gets 429 with Retry-After, even with the right password and from another address, and the login form refuses it too", async ({
    request,
  }) => {
    const victim = await ensureAccount(BASE, `API Victim ${Date.now() % 100_000}`);
    const attempt = (password: string, address = newAddress()) =>
      apiRequest(BASE, "/api/session", {
        json: { email: victim, password },
        headers: { "x-forwarded-for": address },
      });
    for (let count = 1; count <= 10; count++) {
      const answer = await attempt(`guess-${count}`);
      expect(answer.status).toBe(401);
    }
    const blocked = await attempt(EDITOR_PASSWORD);
    expect(blocked.status).toBe(429);
    expect((blocked.body as { code?: string }).code).toBe("rate_limited");
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(explanation(blocked)).toMatch(
      /Too many failed sign-in attempts\. Try again in \d+ seconds\./,
    );
    expect(blocked.headers.get("set-cookie") ?? "").not.toContain("pulse_session=");

    // One limiter for both ways in: the form refuses the same account.
    const address = newAddress();
    const page = await request.get("/login", { headers: { "x-forwarded-for": address } });
    const form = findForm(await page.text(), page.url(), 'name="password"');
    const multipart: Record<string, string> = Object.fromEntries(form.hidden);
    Object.assign(multipart, { email: victim, password: EDITOR_PASSWORD });
    const viaForm = await request.post(form.action, {
      multipart,
      headers: { "x-forwarded-for": address, origin: new URL(page.url()).origin },
      maxRedirects: 0,
    });
    expect(await viaForm.text()).toMatch(/Too many failed sign-in attempts/);
    expect(viaForm.headers()["set-cookie"] ?? "").not.toContain("pulse_session=");

    // Another account signs in.
    expect(
      await apiSignIn(BASE, "Ada", EDITOR_PASSWORD, { "x-forwarded-for": newAddress() }),
    ).toMatch(/^pulse_session=/);
  });

  test("DELETE /api/session signs out: the cookie is cleared and the session ends on the server", async () => {
    const own = await apiSignIn(BASE, "Leaving", EDITOR_PASSWORD, {
      "x-forwarded-for": newAddress(),
    });
    const answer = await apiRequest(BASE, "/api/session", { method: "DELETE", cookie: own });
    expect(answer.status).toBe(204);
    expect(answer.headers.get("set-cookie") ?? "").toMatch(
      /pulse_session=;.*Expires=Thu, 01 Jan 1970/,
    );
    // The old cookie, replayed, writes nothing.
    const replay = await apiRequest(BASE, "/api/quarters", { cookie: own, json: VALID });
    expect(replay.status).toBe(401);
  });
});

test.describe("who may write through the API", () => {
  test("a viewer's direct post gets 403 with the code, and nothing changes", async () => {
    const viewer = await apiSignIn(BASE, "API Viewer", EDITOR_PASSWORD, {}, "viewer");
    const before = await storedRevisions();
    const answer = await apiRequest(BASE, "/api/quarters", { cookie: viewer, json: VALID });
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ code: "forbidden" });
    const upload = await apiRequest(BASE, "/api/imports", {
      cookie: viewer,
      body: "brand\r\n",
      contentType: "text/csv",
    });
    expect(upload.status).toBe(403);
    expect(await storedRevisions()).toBe(before);
  });

  test("an anonymous upload is refused before its body is read", async () => {
    // Small enough to sit in the socket's buffers: the server answers and closes without reading
    // it, and a larger body would make the client's write fail (EPIPE) before it reads the answer.
    const answer = await apiRequest(BASE, "/api/imports", {
      body: "x".repeat(32 * 1024),
      contentType: "text/csv",
    });
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ code: "unauthenticated" });
  });
});
