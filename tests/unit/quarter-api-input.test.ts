import { describe, expect, it } from "vitest";
import { parseQuarterApiBody } from "@/lib/domain/quarter-api-input";
import {
  createQuarterInputSchema,
  type FormMetric,
  quarterFieldErrors,
  quarterFieldNames,
} from "@/lib/domain/quarter-input";

const METRICS: FormMetric[] = [
  { key: "revenue", label: "Total revenue", unit: "RMB bn", kind: "flow" },
  { key: "mau", label: "Global smartphone MAU", unit: "M users", kind: "stock" },
  { key: "margin", label: "Smartphone gross margin", unit: "%", kind: "ratio" },
  { key: "retail_stores", label: "Xiaomi Home stores", unit: "stores", kind: "stock" },
];

const NOW = new Date("2026-05-15T12:00:00Z");

function body(patch: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    brand: "xiaomi",
    year: 2025,
    quarter: "Q4",
    values: { revenue: "120.5" },
    source: { title: "Xiaomi Q4 2025 results" },
    ...patch,
  };
}

function errorsOf(raw: unknown): Record<string, string> {
  const parsed = parseQuarterApiBody(raw, METRICS, NOW);
  return parsed.ok ? {} : parsed.fieldErrors;
}

describe("POST /api/quarters body", () => {
  it("reads a valid body as the same input the form's schema gives for the same fields", () => {
    const parsed = parseQuarterApiBody(
      body({
        values: { revenue: "120.50", mau: "741.7" },
        qualifiers: { mau: "approximate" },
        source: { title: "Results", url: "https://example.com/q4", date: "2026-03-20" },
        note: "first entry",
        confirm: ["token-a"],
      }),
      METRICS,
      NOW,
    );
    const form: Record<string, string> = {};
    for (const name of quarterFieldNames(METRICS)) form[name] = "";
    Object.assign(form, {
      brand: "xiaomi",
      year: "2025",
      quarter: "Q4",
      value_revenue: "120.50",
      value_mau: "741.7",
      qualifier_mau: "approximate",
      sourceTitle: "Results",
      sourceUrl: "https://example.com/q4",
      sourcePublishedOn: "2026-03-20",
      note: "first entry",
    });
    const fromForm = createQuarterInputSchema(METRICS, NOW).parse(form);
    expect(parsed).toEqual({
      ok: true,
      input: fromForm,
      confirmedTokens: ["token-a"],
      readings: {},
    });
    // The decimals travel with the text: "120.50" keeps two.
    expect(parsed.ok && parsed.input.figures[0]).toMatchObject({ value: 120.5, decimals: 2 });
  });

  it("reports the form's own message for each bad value, keyed by where it is in the JSON", () => {
    const raw = body({
      quarter: "Q5",
      values: { revenue: "-1", mau: "0x10", retail_stores: "1,05", margin: "1e309" },
      source: { title: "", url: "javascript:alert(1)" },
    });
    const form: Record<string, string> = {};
    for (const name of quarterFieldNames(METRICS)) form[name] = "";
    Object.assign(form, {
      brand: "xiaomi",
      year: "2025",
      quarter: "Q5",
      value_revenue: "-1",
      value_mau: "0x10",
      value_retail_stores: "1,05",
      value_margin: "1e309",
      sourceTitle: "",
      sourceUrl: "javascript:alert(1)",
    });
    const result = createQuarterInputSchema(METRICS, NOW).safeParse(form);
    expect(result.success).toBe(false);
    const formErrors = result.success ? {} : quarterFieldErrors(result.error, METRICS);
    expect(errorsOf(raw)).toEqual({
      quarter: formErrors.quarter,
      "values.revenue": formErrors.value_revenue,
      "values.mau": formErrors.value_mau,
      "values.retail_stores": formErrors.value_retail_stores,
      "values.margin": formErrors.value_margin,
      "source.title": formErrors.sourceTitle,
      "source.url": formErrors.sourceUrl,
    });
    expect(Object.values(errorsOf(raw)).every((message) => message.length > 10)).toBe(true);
  });

  it("refuses a value sent as a JSON number, which cannot keep its decimals", () => {
    expect(errorsOf(body({ values: { revenue: 6.0 } }))["values.revenue"]).toMatch(
      /must be a string like "113\.1": a JSON number cannot keep the decimals/,
    );
  });

  it("accepts the year and quarter as numbers or as text", () => {
    for (const [year, quarter] of [
      [2025, 4],
      ["2025", "4"],
      ["2025", "q4"],
    ]) {
      const parsed = parseQuarterApiBody(body({ year, quarter }), METRICS, NOW);
      expect(parsed.ok && parsed.input.quarter).toBe("2025Q4");
    }
  });

  it("names unknown metrics, qualifiers without a value and fields that do not exist", () => {
    expect(
      errorsOf(
        body({
          values: { revenue: "1", no_such: "2" },
          qualifiers: { mau: "approximate" },
          extra: true,
        }),
      ),
    ).toEqual({
      "values.no_such": 'There is no metric "no_such" in the catalog.',
      "qualifiers.mau": "qualifiers.mau has no value in values to qualify.",
      extra: "extra is not a field of this request.",
    });
  });

  it("does not let a __proto__ key vanish: it is named as an unknown metric", () => {
    const raw = JSON.parse(
      '{"brand":"xiaomi","year":2025,"quarter":4,"values":{"__proto__":"1"},"source":{"title":"t"}}',
    );
    expect(errorsOf(raw)).toEqual({
      "values.__proto__": 'There is no metric "__proto__" in the catalog.',
    });
  });

  it("says which required field is missing and which has the wrong type", () => {
    expect(errorsOf({})).toMatchObject({
      brand: expect.stringMatching(/^brand is required/),
      year: expect.stringMatching(/^year must be a string or a number/),
      values: expect.stringMatching(/^values must be an object of metric keys/),
      source: expect.stringMatching(/^source must be an object/),
    });
    expect(errorsOf(body({ source: { title: 5 } }))).toEqual({
      "source.title": "source.title must be a string (the source's title).",
    });
    expect(errorsOf(body({ confirm: "all" }))).toEqual({
      confirm: "confirm must be a list of the confirmation tokens a 409 answer gave.",
    });
  });

  it("refuses a body that is not an object as a whole", () => {
    for (const raw of [null, [], "text", 42]) {
      expect(errorsOf(raw)).toEqual({
        body: "The body must be a JSON object with brand, year, quarter, values and source.",
      });
    }
  });
});
