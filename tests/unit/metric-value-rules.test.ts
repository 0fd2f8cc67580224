import { describe, expect, it } from "vitest";
import {
  significantDigits,
  unitClass,
  validateMetricValue,
  valueBounds,
} from "@/lib/domain/metric-value-rules";
import type { MetricDTO } from "@/lib/domain/types";

const metric = (unit: string, label = "Metric"): MetricDTO => ({
  key: "m",
  label,
  unit,
  kind: "flow",
  higherIsBetter: true,
  definition: "",
});

describe("validateMetricValue", () => {
  it("returns the value and the decimals the literal states", () => {
    expect(validateMetricValue(metric("RMB bn"), "113.1")).toEqual({
      ok: true,
      value: 113.1,
      decimals: 1,
    });
    expect(validateMetricValue(metric("RMB bn"), "6.0")).toEqual({
      ok: true,
      value: 6,
      decimals: 1,
    });
    expect(validateMetricValue(metric("stores"), " 15000 ")).toEqual({
      ok: true,
      value: 15000,
      decimals: 0,
    });
  });

  it("accepts a negative amount of money (a loss) but not a negative count", () => {
    expect(validateMetricValue(metric("RMB bn"), "-1.5")).toMatchObject({ ok: true, value: -1.5 });
    const count = validateMetricValue(metric("M users", "Global MAU"), "-1");
    expect(count).toEqual({
      ok: false,
      message: "must not be negative: Global MAU is a count (M users)",
    });
  });

  it("keeps percentages within -100 and 100", () => {
    expect(validateMetricValue(metric("%"), "-100")).toMatchObject({ ok: true });
    expect(validateMetricValue(metric("%"), "100.01")).toMatchObject({
      ok: false,
      message: "must be a percentage from -100 to 100",
    });
  });

  it("refuses values beyond a generous bound for the unit's scale", () => {
    expect(validateMetricValue(metric("RMB bn"), "1000000")).toMatchObject({ ok: true });
    expect(validateMetricValue(metric("RMB bn"), "1000001")).toMatchObject({
      ok: false,
      message: expect.stringMatching(/check the unit/),
    });
    expect(validateMetricValue(metric("M users"), "1000001")).toMatchObject({ ok: false });
    expect(validateMetricValue(metric("vehicles"), "999999999999")).toMatchObject({ ok: true });
  });

  it.each(["1,234", "1 234", "1e5", "0x10", ".5", "5.", "+5", "NaN", "Infinity", "", "01"])(
    "refuses %j, which is not a plain decimal literal",
    (literal) => {
      expect(validateMetricValue(metric("RMB bn"), literal).ok).toBe(false);
    },
  );

  it("refuses more significant digits than a stored number keeps", () => {
    expect(validateMetricValue(metric("stores"), "123456789.123456")).toMatchObject({ ok: true });
    expect(validateMetricValue(metric("stores"), "1234567890.123456")).toMatchObject({
      ok: false,
      message: expect.stringMatching(/15 significant digits/),
    });
  });

  it("stores minus zero as zero", () => {
    const result = validateMetricValue(metric("RMB bn"), "-0.0");
    expect(result.ok && Object.is(result.value, 0)).toBe(true);
  });
});

describe("unit classes and bounds", () => {
  it("reads money, percentages and counts from the unit", () => {
    expect(unitClass("RMB bn")).toBe("money");
    expect(unitClass("USD")).toBe("money");
    expect(unitClass("%")).toBe("percent");
    expect(unitClass("M units")).toBe("count");
    expect(unitClass("stores")).toBe("count");
  });

  it("scales the bound by the unit's multiplier", () => {
    expect(valueBounds("RMB bn")).toEqual({ min: -1e6, max: 1e6 });
    expect(valueBounds("M devices")).toEqual({ min: 0, max: 1e6 });
    expect(valueBounds("stores")).toEqual({ min: 0, max: 1e12 });
  });

  it("counts significant digits without sign, point or leading zeros", () => {
    expect(significantDigits("-0.00120")).toBe(3);
    expect(significantDigits("113.1")).toBe(4);
    expect(significantDigits("0")).toBe(1);
  });
});
