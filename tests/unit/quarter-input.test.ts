import { describe, expect, it } from "vitest";
import {
  createQuarterInputSchema,
  type FormMetric,
  type QuarterFormValues,
  quarterFieldErrors,
  quarterFieldNames,
  quarterFormValues,
} from "@/lib/domain/quarter-input";

/** The catalog's kinds of unit: money, a profit, a share, millions of people, plain counts. */
const METRICS: FormMetric[] = [
  { key: "revenue", label: "Total revenue", unit: "RMB bn", kind: "flow" },
  { key: "adjusted_net_profit", label: "Adjusted net profit", unit: "RMB bn", kind: "flow" },
  { key: "mau", label: "Global smartphone MAU", unit: "M users", kind: "stock" },
  { key: "smartphone_shipments", label: "Smartphone shipments", unit: "M units", kind: "flow" },
  { key: "margin", label: "Smartphone gross margin", unit: "%", kind: "ratio" },
  { key: "retail_stores", label: "Xiaomi Home stores", unit: "stores", kind: "stock" },
];

/** Mid-May 2026: Q2 2026 has started, Q3 2026 has not. */
const NOW = new Date("2026-05-15T12:00:00Z");
const schema = createQuarterInputSchema(METRICS, NOW);

/** A valid submission: Q4 2025 revenue with a titled source. */
function form(patch: QuarterFormValues = {}): QuarterFormValues {
  const values: QuarterFormValues = {};
  for (const name of quarterFieldNames(METRICS)) values[name] = "";
  return {
    ...values,
    brand: "xiaomi",
    year: "2025",
    quarter: "4",
    value_revenue: "120.5",
    sourceTitle: "Xiaomi Q4 2025 results",
    ...patch,
  };
}

function errorsOf(patch: QuarterFormValues): Record<string, string> {
  const result = schema.safeParse(form(patch));
  return result.success ? {} : quarterFieldErrors(result.error, METRICS);
}

const NO_VALUES: QuarterFormValues = { value_revenue: "" };

const BAD_INPUTS: [case_: string, patch: QuarterFormValues, field: string, message: string][] = [
  // The quarter
  ["an empty year", { year: "" }, "year", "Fiscal year is required."],
  ["a year before 2000", { year: "1999" }, "year", "Fiscal year must be 2000 or later."],
  ["a two-digit year", { year: "25" }, "year", "Fiscal year must be a four-digit year like 2025."],
  [
    "a year with decimals",
    { year: "2025.0" },
    "year",
    "Fiscal year must be a four-digit year like 2025.",
  ],
  [
    "a year in full-width digits",
    { year: "２０２５" },
    "year",
    "Fiscal year must be a four-digit year like 2025.",
  ],
  [
    "a future year",
    { year: "2027", quarter: "1" },
    "year",
    "Fiscal year must not be in the future (Q1 2027 has not started; the latest is Q2 2026).",
  ],
  [
    "a quarter of this year that has not started",
    { year: "2026", quarter: "3" },
    "quarter",
    "Quarter must not be in the future (Q3 2026 has not started; the latest is Q2 2026).",
  ],
  ["quarter 5", { quarter: "5" }, "quarter", "Quarter must be Q1, Q2, Q3 or Q4."],
  ["quarter 0", { quarter: "0" }, "quarter", "Quarter must be Q1, Q2, Q3 or Q4."],
  ["no quarter", { quarter: "" }, "quarter", "Quarter is required."],
  [
    "a brand that is not a slug",
    { brand: "Xiaomi!" },
    "brand",
    "Brand must be lowercase letters, digits and dashes (at most 40).",
  ],
  // Values: not plain decimals
  [
    "an overflowing exponent",
    { value_revenue: "1e309" },
    "value_revenue",
    "Total revenue must be written out in full, without an exponent (1.2e9 is not accepted).",
  ],
  [
    "a small exponent",
    { value_revenue: "1.2E3" },
    "value_revenue",
    "Total revenue must be written out in full, without an exponent (1.2e9 is not accepted).",
  ],
  [
    "hexadecimal",
    { value_revenue: "0x10" },
    "value_revenue",
    "Total revenue must be a decimal number (no hexadecimal, octal or binary like 0x10).",
  ],
  [
    "an ambiguous comma",
    { value_revenue: "1,05" },
    "value_revenue",
    "Total revenue is ambiguous: a thousands comma is followed by exactly three digits (1,050), not 2; for decimals use a point (1.05).",
  ],
  [
    "a decimal comma",
    { value_revenue: "113,1" },
    "value_revenue",
    "Total revenue is ambiguous: a thousands comma is followed by exactly three digits (1,050), not 1; for decimals use a point (113.1).",
  ],
  ["NaN", { value_revenue: "NaN" }, "value_revenue", "Total revenue must be a finite number."],
  [
    "Infinity",
    { value_revenue: "Infinity" },
    "value_revenue",
    "Total revenue must be a finite number.",
  ],
  [
    "-Infinity",
    { value_revenue: "-Infinity" },
    "value_revenue",
    "Total revenue must be a finite number.",
  ],
  [
    "full-width digits",
    { value_revenue: "１１３.１" },
    "value_revenue",
    "Total revenue must use the digits 0-9 (not full-width or other scripts' digits).",
  ],
  [
    "Arabic-Indic digits",
    { value_revenue: "١١٣" },
    "value_revenue",
    "Total revenue must use the digits 0-9 (not full-width or other scripts' digits).",
  ],
  [
    "a currency sign",
    { value_revenue: "¥113.1" },
    "value_revenue",
    "Total revenue must contain only the digits 0-9, a leading minus sign and a decimal point.",
  ],
  [
    "a space inside",
    { value_revenue: "1 000" },
    "value_revenue",
    "Total revenue must not contain spaces or digit separators.",
  ],
  [
    "an underscore separator",
    { value_revenue: "1_000" },
    "value_revenue",
    "Total revenue must not contain spaces or digit separators.",
  ],
  [
    "a leading plus",
    { value_revenue: "+5" },
    "value_revenue",
    "Total revenue must not start with '+' (positive is the default).",
  ],
  [
    "two decimal points",
    { value_revenue: "1.2.3" },
    "value_revenue",
    "Total revenue must have at most one decimal point.",
  ],
  [
    "no digit before the point",
    { value_revenue: ".5" },
    "value_revenue",
    "Total revenue needs digits on both sides of the decimal point (0.5, not .5 or 5.).",
  ],
  [
    "no digit after the point",
    { value_revenue: "5." },
    "value_revenue",
    "Total revenue needs digits on both sides of the decimal point (0.5, not .5 or 5.).",
  ],
  [
    "leading zeros",
    { value_revenue: "007" },
    "value_revenue",
    "Total revenue must not have leading zeros (7, not 007).",
  ],
  [
    "a script tag",
    { value_revenue: "<script>alert(1)</script>" },
    "value_revenue",
    "Total revenue must be a plain decimal number like 113.1 (digits, one optional '.', no separators).",
  ],
  [
    "SQL-looking text",
    { value_revenue: "1;DROP TABLE Observation" },
    "value_revenue",
    "Total revenue must be a plain decimal number like 113.1 (digits, one optional '.', no separators).",
  ],
  [
    "a very long number",
    { value_revenue: "1".repeat(41) },
    "value_revenue",
    "Total revenue must be at most 40 characters.",
  ],
  [
    "seven decimals",
    { value_revenue: "0.1234567" },
    "value_revenue",
    "Total revenue must have at most 6 digits after the decimal point.",
  ],
  // Values: outside the metric's rule
  [
    "a huge amount of money",
    { value_revenue: "20000" },
    "value_revenue",
    "Total revenue must be at most 10,000 (RMB bn).",
  ],
  [
    "a negative revenue",
    { value_revenue: "-5" },
    "value_revenue",
    "Total revenue must not be negative (a RMB bn figure cannot be below 0).",
  ],
  [
    "a loss beyond any company's",
    { value_adjusted_net_profit: "-10001" },
    "value_adjusted_net_profit",
    "Adjusted net profit must be at least -10,000 (RMB bn).",
  ],
  [
    "more users than people",
    { value_mau: "10000.1" },
    "value_mau",
    "Global smartphone MAU must be at most 10,000 (M users).",
  ],
  [
    "negative shipments",
    { value_smartphone_shipments: "-0.1" },
    "value_smartphone_shipments",
    "Smartphone shipments must not be negative (a M units figure cannot be below 0).",
  ],
  [
    "a margin above 100%",
    { value_margin: "100.5" },
    "value_margin",
    "Smartphone gross margin must be at most 100 (%).",
  ],
  [
    "a margin below -100%",
    { value_margin: "-101" },
    "value_margin",
    "Smartphone gross margin must be at least -100 (%).",
  ],
  [
    "half a store",
    { value_retail_stores: "12000.5" },
    "value_retail_stores",
    "Xiaomi Home stores must be a whole number of stores.",
  ],
  [
    "a negative count of stores",
    { value_retail_stores: "-3" },
    "value_retail_stores",
    "Xiaomi Home stores must not be negative (a stores figure cannot be below 0).",
  ],
  [
    "an unknown qualifier",
    { qualifier_revenue: "roughly" },
    "qualifier_revenue",
    "The qualifier of Total revenue must be one of exact, approximate, at_least.",
  ],
  // No figure at all
  ["no value at all", NO_VALUES, "values", "At least one metric value is required."],
  [
    "only whitespace as a value",
    { value_revenue: "   \t " },
    "values",
    "At least one metric value is required.",
  ],
  // The source and the note
  ["an empty source title", { sourceTitle: "" }, "sourceTitle", "Source title is required."],
  [
    "a whitespace source title",
    { sourceTitle: "  \n " },
    "sourceTitle",
    "Source title is required.",
  ],
  [
    "a very long source title",
    { sourceTitle: "x".repeat(301) },
    "sourceTitle",
    "Source title must be at most 300 characters.",
  ],
  [
    "a NUL character in the title",
    { sourceTitle: "Results\u0000" },
    "sourceTitle",
    "Source title must not contain control characters or text-direction overrides.",
  ],
  [
    "a right-to-left override in the title",
    { sourceTitle: "Results \u202egnp.exe" },
    "sourceTitle",
    "Source title must not contain control characters or text-direction overrides.",
  ],
  [
    "a javascript: URL",
    { sourceUrl: "javascript:alert(1)" },
    "sourceUrl",
    "Source URL must be a full http:// or https:// address.",
  ],
  [
    "an ftp URL",
    { sourceUrl: "ftp://example.com/report.pdf" },
    "sourceUrl",
    "Source URL must be a full http:// or https:// address.",
  ],
  [
    "a URL without scheme",
    { sourceUrl: "example.com/report" },
    "sourceUrl",
    "Source URL must be a full http:// or https:// address.",
  ],
  [
    "a very long URL",
    { sourceUrl: `https://example.com/${"a".repeat(2000)}` },
    "sourceUrl",
    "Source URL must be at most 2000 characters.",
  ],
  [
    "an impossible date",
    { sourcePublishedOn: "2026-02-30" },
    "sourcePublishedOn",
    "Publication date is not a real calendar date.",
  ],
  [
    "a date in another format",
    { sourcePublishedOn: "24/03/2026" },
    "sourcePublishedOn",
    "Publication date must be a date written YYYY-MM-DD, or YYYY-MM when only the month is known.",
  ],
  [
    "a publication date after today",
    { sourcePublishedOn: "2026-06-01" },
    "sourcePublishedOn",
    "Publication date must not be after today (2026-05-15).",
  ],
  [
    "a publication month after this one",
    { sourcePublishedOn: "2026-06" },
    "sourcePublishedOn",
    "Publication date must not be after today (2026-05-15).",
  ],
  ["a very long note", { note: "n".repeat(1001) }, "note", "Note must be at most 1000 characters."],
  [
    "a bell character in the note",
    { note: "ding\u0007" },
    "note",
    "Note must not contain control characters or text-direction overrides.",
  ],
];

describe("the quarter form schema refuses bad input with a specific message", () => {
  it("has a case for each rule", () => {
    expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(40);
  });

  it.each(BAD_INPUTS)("%s", (_case, patch, field, message) => {
    const errors = errorsOf(patch);
    expect(errors[field]).toBe(message);
    // The message is the only one: nothing else about the otherwise valid form is reported.
    expect(Object.keys(errors)).toEqual([field]);
  });

  it("reports every invalid field at once, cross-field checks included", () => {
    const errors = errorsOf({
      year: "2030",
      value_revenue: "1e309",
      value_margin: "150",
      sourceTitle: "",
      sourceUrl: "javascript:void(0)",
    });
    expect(Object.keys(errors).sort()).toEqual(
      ["sourceTitle", "sourceUrl", "value_margin", "value_revenue", "year"].sort(),
    );
  });

  it("reports a missing figure together with the other problems", () => {
    expect(Object.keys(errorsOf({ ...NO_VALUES, sourceTitle: "", quarter: "9" })).sort()).toEqual([
      "quarter",
      "sourceTitle",
      "values",
    ]);
  });
});

describe("the quarter form schema accepts and normalises good input", () => {
  it("turns the form into a quarter code, figures with their typed precision and a source", () => {
    const result = schema.parse(
      form({
        value_revenue: " 113.10 ",
        value_mau: "741.7",
        qualifier_mau: "approximate",
        value_retail_stores: "18000",
        qualifier_retail_stores: "at_least",
        sourceUrl: " https://example.com/q4 ",
        sourcePublishedOn: "2026-03",
        note: "  First entry\nfrom the annual report  ",
      }),
    );
    expect(result).toEqual({
      brand: "xiaomi",
      quarter: "2025Q4",
      figures: [
        { metricKey: "revenue", value: 113.1, decimals: 2, qualifier: "exact" },
        { metricKey: "mau", value: 741.7, decimals: 1, qualifier: "approximate" },
        { metricKey: "retail_stores", value: 18000, decimals: 0, qualifier: "at_least" },
      ],
      source: {
        title: "Xiaomi Q4 2025 results",
        url: "https://example.com/q4",
        publishedOn: "2026-03",
      },
      note: "First entry\nfrom the annual report",
    });
  });

  it("reads -0 as 0, keeping its decimals (a zero has no sign, and counts may be zero)", () => {
    const result = schema.parse(form({ value_revenue: "-0", value_retail_stores: "-0.0" }));
    const [revenue, stores] = result.figures;
    expect(Object.is(revenue?.value, 0)).toBe(true);
    expect(revenue?.decimals).toBe(0);
    expect(Object.is(stores?.value, 0)).toBe(true);
    expect(stores?.decimals).toBe(1);
  });

  it("allows a loss for a profit metric and a negative margin", () => {
    const result = schema.parse(
      form({ value_adjusted_net_profit: "-1.5", value_margin: "-5.2", value_revenue: "" }),
    );
    expect(result.figures.map((entry) => entry.value)).toEqual([-1.5, -5.2]);
  });

  it("keeps markup, SQL-looking text and any script in text fields verbatim: they are data", () => {
    const titles = [
      "<script>alert('x')</script>",
      "Robert'); DROP TABLE Source;--",
      "小米集团 2025年第三季度业绩公告",
      "Résultats T4 — « Xiaomi » 📱",
    ];
    for (const title of titles) {
      expect(schema.parse(form({ sourceTitle: title })).source.title).toBe(title);
    }
  });

  it("accepts the first quarter of 2000 and the quarter in progress, not later ones", () => {
    expect(schema.parse(form({ year: "2000", quarter: "1" })).quarter).toBe("2000Q1");
    expect(schema.parse(form({ year: "2026", quarter: "2" })).quarter).toBe("2026Q2");
    expect(schema.parse(form({ year: "2025", quarter: "Q3" })).quarter).toBe("2025Q3");
  });

  it("treats an empty qualifier as exact and empty optional source fields as absent", () => {
    const result = schema.parse(form({ qualifier_revenue: "", sourceUrl: "  ", note: "" }));
    expect(result.figures[0]?.qualifier).toBe("exact");
    expect(result.source.url).toBeNull();
    expect(result.note).toBeNull();
  });
});

describe("reading the form's fields from a post", () => {
  it("takes only the form's own fields, files as empty, and caps what it echoes back", () => {
    const data = new FormData();
    data.set("value_revenue", "1".repeat(10_000));
    data.set("sourceTitle", new File(["x"], "x.txt"));
    data.set("value_not_in_catalog", "5");
    data.set("$ACTION_ID_abc", "");
    const values = quarterFormValues(data, METRICS);
    expect(values.value_revenue).toHaveLength(4_000);
    expect(values.sourceTitle).toBe("");
    expect(values.year).toBe("");
    expect(Object.keys(values).sort()).toEqual(quarterFieldNames(METRICS).sort());
  });
});

describe("quarterFieldErrors", () => {
  it("lists the errors in the order the fields appear on the form", () => {
    const errors = errorsOf({
      note: "\u0007",
      sourceTitle: "",
      value_retail_stores: "-1",
      value_revenue: "x",
      year: "1999",
    });
    expect(Object.keys(errors)).toEqual([
      "year",
      "value_revenue",
      "value_retail_stores",
      "sourceTitle",
      "note",
    ]);
  });
});
