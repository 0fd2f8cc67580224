import { describe, expect, it } from "vitest";
import {
  computeDerivedSeries,
  DERIVED_METRICS,
  derivedMetrics,
  getDerivedMetric,
} from "@/lib/domain/derived-metrics";
import { metric, point, series } from "../support/series-fixtures";

const revenue = metric("revenue", "flow", { label: "Total revenue", unit: "RMB bn" });
const mau = metric("mau", "stock", { label: "Global smartphone MAU", unit: "M users" });
const iot = metric("iot_devices", "stock", { label: "Connected IoT devices", unit: "M devices" });
const ev = metric("ev_segment_revenue", "flow", { label: "Smart EV revenue", unit: "RMB bn" });

function definition(key: string) {
  const found = getDerivedMetric(key);
  if (!found) throw new Error(`no derived metric ${key}`);
  return found;
}

describe("the derived metric catalog", () => {
  it("shows a formula, a unit and two inputs for every derived metric", () => {
    for (const entry of DERIVED_METRICS) {
      expect(entry.formula).toMatch(/÷/);
      expect(entry.unit).not.toBe("");
      expect(entry.numerator).not.toBe(entry.denominator);
    }
    expect(getDerivedMetric("nope")).toBeNull();
  });
});

describe("revenue per monthly active user", () => {
  it("is revenue (RMB bn) over MAU (M users) in RMB per user", () => {
    const result = computeDerivedSeries(definition("revenue_per_mau"), [
      series(revenue, { "2025Q3": 113.1 }),
      series(mau, { "2025Q3": 741.7 }),
    ]);
    // 113.1e9 / 741.7e6 = 152.49 RMB per user.
    expect(result.points[0]?.value).toBeCloseTo(152.4875, 3);
    expect(result.points[0]?.inputs.map((input) => input.metricKey)).toEqual(["revenue", "mau"]);
    expect(result.points[0]?.inputs[0].source.title).toBe("Report 2025Q3");
  });

  it("has no value, only a stated gap, in a quarter without MAU", () => {
    const result = computeDerivedSeries(definition("revenue_per_mau"), [
      series(revenue, { "2025Q2": 116, "2025Q3": 113.1 }),
      series(mau, { "2025Q3": 741.7 }),
    ]);
    expect(result.points.map((entry) => entry.quarter)).toEqual(["2025Q3"]);
    expect(result.gaps).toEqual([
      { quarter: "2025Q2", reason: "no Global smartphone MAU figure for this quarter" },
    ]);
  });

  it("says its label, formula and gaps in Chinese when asked, and English is unchanged", () => {
    const inputs = [
      series({ ...revenue, label: "总收入" }, { "2025Q2": 116, "2025Q3": 113.1 }),
      series({ ...mau, label: "全球智能手机月活跃用户" }, { "2025Q3": 0 }),
    ];
    const result = computeDerivedSeries(definition("revenue_per_mau"), inputs, "zh");
    expect(result.metric.label).toBe("每月活跃用户平均收入");
    expect(result.definition.formula).toBe(
      "总收入（十亿元）÷ 全球智能手机月活跃用户（百万用户）× 1,000",
    );
    expect(result.gaps).toEqual([
      { quarter: "2025Q2", reason: "本季度没有全球智能手机月活跃用户数据" },
      { quarter: "2025Q3", reason: "全球智能手机月活跃用户为零或负数" },
    ]);
    expect(getDerivedMetric("ev_revenue_share", "zh")?.label).toBe("智能电动汽车业务收入占比");
    expect(derivedMetrics("en")).toBe(DERIVED_METRICS);
    for (const entry of derivedMetrics("zh")) {
      expect(entry.label).not.toMatch(/[A-Za-z]/);
      expect(entry.formula).toMatch(/÷/);
    }
    expect(definition("revenue_per_mau").label).toBe("Revenue per monthly active user");
  });

  it("has no values at all for a brand without the input metric", () => {
    const result = computeDerivedSeries(definition("revenue_per_mau"), [
      series(revenue, { "2025Q2": 30.2, "2025Q3": 27.4 }),
    ]);
    expect(result.points).toEqual([]);
    expect(result.gaps.map((gap) => gap.quarter)).toEqual(["2025Q2", "2025Q3"]);
  });
});

describe("connected devices per user", () => {
  it("divides devices by users and marks an approximate input", () => {
    const result = computeDerivedSeries(definition("devices_per_user"), [
      { metric: iot, withdrawn: [], points: [point("2025Q3", 1000, { qualifier: "at_least" })] },
      series(mau, { "2025Q3": 800 }),
    ]);
    expect(result.points[0]).toMatchObject({ value: 1.25, qualifier: "approximate", decimals: 2 });
  });

  it("gives no value for a zero divisor rather than infinity", () => {
    const result = computeDerivedSeries(definition("devices_per_user"), [
      series(iot, { "2025Q3": 10 }),
      series(mau, { "2025Q3": 0 }),
    ]);
    expect(result.points).toEqual([]);
    expect(result.gaps[0]?.reason).toContain("zero or negative");
  });
});

describe("EV share of revenue", () => {
  it("is a percentage of the total, measured in points", () => {
    const result = computeDerivedSeries(definition("ev_revenue_share"), [
      series(revenue, { "2024Q3": 92.5065, "2025Q3": 113.1 }),
      series(ev, { "2024Q3": 9.7, "2025Q3": 29 }),
    ]);
    // 9.7 / 92.5065 = 10.49%; 29.0 / 113.1 = 25.64%.
    expect(result.points.map((entry) => entry.value)).toEqual([
      expect.closeTo(10.4858, 3),
      expect.closeTo(25.641, 3),
    ]);
    expect(result.metric).toMatchObject({ kind: "ratio", unit: "%" });
  });

  it("never counts a missing segment figure as zero", () => {
    const result = computeDerivedSeries(definition("ev_revenue_share"), [
      series(revenue, { "2024Q1": 75.5, "2024Q2": 88.9 }),
      series(ev, { "2024Q2": 6.4 }),
    ]);
    expect(result.points.map((entry) => entry.quarter)).toEqual(["2024Q2"]);
    expect(result.gaps.map((gap) => gap.quarter)).toEqual(["2024Q1"]);
  });
});
