import { describe, expect, it } from "vitest";
import { readDecimalText } from "@/lib/domain/decimal-reading";
import { validateMetricValue } from "@/lib/domain/metric-value-rules";

const STORES = {
  key: "retail_stores",
  label: "Xiaomi Home stores",
  unit: "stores",
  kind: "stock" as const,
};
const REVENUE = { key: "revenue", label: "Total revenue", unit: "RMB bn", kind: "flow" as const };

describe("readDecimalText", () => {
  it.each([
    ["1,050", "1050"],
    ["12,345,678", "12345678"],
    ["1,050.25", "1050.25"],
    ["-1,234.5", "-1234.5"],
  ])("reads %s, correctly grouped, as %s and says so", (text, plain) => {
    expect(readDecimalText(text)).toEqual({ ok: true, text: plain, readAs: plain });
  });

  it("leaves text without commas alone, with nothing to say back", () => {
    expect(readDecimalText(" 113.1 ")).toEqual({ ok: true, text: "113.1", readAs: null });
  });

  it.each([
    [
      "1,05",
      /ambiguous: a thousands comma is followed by exactly three digits \(1,050\), not 2; for decimals use a point \(1\.05\)/,
    ],
    ["113,1", /not 1; for decimals use a point \(113\.1\)/],
    ["1.050,5", /'\.' for thousands and ',' for decimals.*\(1050\.5\)/],
    ["1,0500", /ambiguous: .* not 4; for decimals use a point \(1\.0500\)/],
    ["1,05,000", /groups after the first must have exactly three digits/],
    ["1050,000", /groups after the first/],
    ["0,050", /groups after the first/],
    ["1,050,", /groups after the first/],
    ["1,050.5.1", /except as thousands separators/],
  ])("refuses the ambiguous %s with a specific reason", (text, message) => {
    const reading = readDecimalText(text);
    expect(reading.ok).toBe(false);
    expect(reading.ok ? "" : reading.message).toMatch(message);
  });
});

describe("validateMetricValue with thousands commas", () => {
  it("accepts 1,050 stores as 1050 with no decimals, and says how it was read", () => {
    expect(validateMetricValue(STORES, "1,050")).toEqual({
      ok: true,
      value: 1050,
      decimals: 0,
      readAs: "1050",
    });
  });

  it("keeps the stated decimals of a grouped value", () => {
    expect(validateMetricValue(REVENUE, "1,113.10")).toMatchObject({ value: 1113.1, decimals: 2 });
  });

  it("still applies the metric's bounds after reading the commas", () => {
    expect(validateMetricValue(STORES, "-1,050").ok).toBe(false);
  });
});
