import { describe, expect, it } from "vitest";
import { exportHref, parseExportParams, searchParamsOf } from "@/lib/export-params";

const parse = (query: string) => parseExportParams(searchParamsOf(new URLSearchParams(query)));

describe("parseExportParams", () => {
  it("names two malformed range ends instead of throwing", () => {
    const parsed = parse("from=x&to=y");
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems.map((problem) => problem.param)).toEqual(["from", "to"]);
  });

  it("reads the documented example", () => {
    expect(parse("brand=xiaomi&metrics=revenue,mau&from=2023Q1&to=2025Q3&format=long")).toEqual({
      ok: true,
      value: {
        brand: "xiaomi",
        metrics: ["revenue", "mau"],
        from: "2023Q1",
        to: "2025Q3",
        format: "long",
        bom: false,
        history: false,
        across: "metrics",
        lang: "en",
      },
    });
  });

  it("names the columns in Chinese only when the URL asks with lang=zh", () => {
    const parsed = parse("brand=xiaomi&lang=zh");
    expect(parsed.ok && parsed.value.lang).toBe("zh");
    expect(exportHref({ brand: "xiaomi", format: "long", lang: "zh" })).toBe(
      "/api/export?brand=xiaomi&format=long&lang=zh",
    );
    expect(exportHref({ brand: "xiaomi", format: "long", lang: "en" })).toBe(
      "/api/export?brand=xiaomi&format=long",
    );
    expect(parse("lang=fr").ok).toBe(false);
  });

  it("defaults to every brand, every metric, every quarter, long, no BOM", () => {
    expect(parse("")).toEqual({
      ok: true,
      value: {
        brand: null,
        metrics: null,
        from: null,
        to: null,
        format: "long",
        bom: false,
        history: false,
        across: "metrics",
        lang: "en",
      },
    });
  });

  it.each([
    ["from=2023-Q1", "from", /quarter written like 2025Q3/],
    ["to=2025Q5", "to", /quarter written like 2025Q3/],
    ["from=2025Q3&to=2023Q1", "from", /must not be after `to`/],
    ["format=xlsx", "format", /must be one of long, wide/],
    ["bom=yes", "bom", /1 \(yes\) or 0 \(no\)/],
    ["metrics=revenue,revenue", "metrics", /more than once/],
    ["metrics=Revenue", "metrics", /lowercase/],
    ["brand=Xiaomi!", "brand", /lowercase/],
    ["format=wide&history=1", "history", /only to format=long/],
    ["metric=revenue", "metric", /not a parameter of this export/],
    ["brand=xiaomi&brand=other", "brand", /more than once/],
    ["format=wide&across=years", "across", /must be one of metrics, quarters/],
    ["across=quarters", "across", /only to format=wide/],
    ["format=wide&across=quarters&across=metrics", "across", /more than once/],
  ])("names the parameter for %s", (query, param, message) => {
    const parsed = parse(query);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.problems[0]?.param).toBe(param);
      expect(parsed.problems[0]?.message).toMatch(message);
    }
  });
});

describe("exportHref", () => {
  it("builds the link a page offers, which parses back to the same view", () => {
    const href = exportHref({
      brand: "xiaomi",
      metrics: ["revenue"],
      from: "2024Q1",
      to: null,
      bom: true,
    });
    expect(href).toBe("/api/export?brand=xiaomi&metrics=revenue&from=2024Q1&format=long&bom=1");
    const parsed = parse(href.split("?")[1] ?? "");
    expect(parsed).toMatchObject({
      ok: true,
      value: { brand: "xiaomi", metrics: ["revenue"], from: "2024Q1", to: null, bom: true },
    });
  });
});

describe("a wide file with quarters across", () => {
  it("is a link that parses back to the same file", () => {
    const href = exportHref({ brand: "xiaomi", format: "wide", across: "quarters" });
    expect(href).toBe("/api/export?brand=xiaomi&format=wide&across=quarters");
    expect(parse(href.split("?")[1] ?? "")).toMatchObject({
      ok: true,
      value: { format: "wide", across: "quarters" },
    });
  });

  it("is not asked for by a long link, whatever `across` says", () => {
    expect(exportHref({ format: "long", across: "quarters" })).toBe("/api/export?format=long");
  });
});
