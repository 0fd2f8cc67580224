import { describe, expect, it } from "vitest";
import { significantDigits, validateMetricValue } from "@/lib/domain/metric-value-rules";
import type { MetricDTO } from "@/lib/domain/types";

const metric = (unit: string, label = "Metric", key = "m"): MetricDTO => ({
  key,
  label,
  unit,
  kind: "flow",
  higherIsBetter: true,
  definition: "",
});

describe("validateMetricValue, shared by the quarter form and the CSV import", () => {
  it("returns the value and the decimals the literal states", () => {
    expect(validateMetricValue(metric("RMB bn"), "113.1")).toEqual({
      ok: true,
      value: 113.1,
      decimals: 1,
      readAs: null,
    });
    expect(validateMetricValue(metric("RMB bn"), "6.0")).toEqual({
      ok: true,
      value: 6,
      decimals: 1,
      readAs: null,
    });
    expect(validateMetricValue(metric("stores"), " 15000 ")).toEqual({
      ok: true,
      value: 15000,
      decimals: 0,
      readAs: null,
    });
  });

  it("accepts a loss for a profit-like metric but not a negative revenue", () => {
    const profit = metric("RMB bn", "Adjusted net profit", "adjusted_net_profit");
    expect(validateMetricValue(profit, "-1.5")).toMatchObject({ ok: true, value: -1.5 });
    const revenue = validateMetricValue(metric("RMB bn", "Total revenue", "revenue"), "-1.5");
    expect(revenue).toMatchObject({ ok: false, message: expect.stringMatching(/negative/) });
  });

  it("refuses a negative count", () => {
    const count = validateMetricValue(metric("M users", "Global MAU"), "-1");
    expect(count).toEqual({
      ok: false,
      message: "must not be negative (a M users figure cannot be below 0)",
    });
  });

  it("keeps percentages within -100 and 100", () => {
    expect(validateMetricValue(metric("%"), "-100")).toMatchObject({ ok: true });
    expect(validateMetricValue(metric("%"), "100.01")).toMatchObject({
      ok: false,
      message: "must be at most 100 (%)",
    });
  });

  it("refuses values beyond what the unit can plausibly hold", () => {
    // 10 trillion of money per quarter, in billions: 10,000.
    expect(validateMetricValue(metric("RMB bn"), "10000")).toMatchObject({ ok: true });
    expect(validateMetricValue(metric("RMB bn"), "10000.1")).toMatchObject({
      ok: false,
      message: "must be at most 10,000 (RMB bn)",
    });
    // 10 billion people, in millions: 10,000.
    expect(validateMetricValue(metric("M users"), "10001")).toMatchObject({ ok: false });
  });

  it("wants whole numbers for a count without a scale", () => {
    expect(validateMetricValue(metric("stores"), "15000.5")).toEqual({
      ok: false,
      message: "must be a whole number of stores",
    });
  });

  it.each(["1,23", "1 234", "1e5", "1e309", "0x10", ".5", "5.", "+5", "NaN", "Infinity", "", "01"])(
    "refuses %j, which is not a plain decimal literal",
    (literal) => {
      expect(validateMetricValue(metric("RMB bn"), literal).ok).toBe(false);
    },
  );

  it("refuses more significant digits than a stored number keeps", () => {
    // Thousands of RMB leave room for 16 digits within the bound (10 bn) and 6 decimals.
    expect(validateMetricValue(metric("RMB k"), "123456789.123456")).toMatchObject({ ok: true });
    expect(validateMetricValue(metric("RMB k"), "1234567890.123456")).toMatchObject({
      ok: false,
      message: expect.stringMatching(/15 significant digits/),
    });
  });

  it("stores minus zero as zero", () => {
    const result = validateMetricValue(metric("RMB bn"), "-0.0");
    expect(result.ok && Object.is(result.value, 0)).toBe(true);
  });

  it("counts significant digits without sign, point or leading zeros", () => {
    expect(significantDigits("-0.00120")).toBe(3);
    expect(significantDigits("113.1")).toBe(4);
    expect(significantDigits("0")).toBe(1);
  });
});
