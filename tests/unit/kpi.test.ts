import { describe, expect, it } from "vitest";
import {
  buildSeriesRows,
  type Change,
  change,
  changeMagnitude,
  decimalsOf,
  indexByQuarter,
  type SeriesRow,
  statedYoyAgrees,
  trailingTwelveMonths,
  type ValuePoint,
  withinRange,
  yearAgo,
  yoyChange,
  yoyStreak,
} from "@/lib/domain/kpi";
import type { QuarterCode } from "@/lib/domain/quarter";
import type { MetricKind, Qualifier } from "@/lib/domain/types";

function pt(quarter: QuarterCode, value: number, qualifier: Qualifier = "exact"): ValuePoint {
  return { quarter, value, qualifier };
}

/** Exact points from a quarter -> value table; quarters left out are gaps. */
function points(values: Partial<Record<QuarterCode, number>>): ValuePoint[] {
  return Object.entries(values).map(([quarter, value]) => pt(quarter as QuarterCode, value ?? 0));
}

function rowsOf(kind: MetricKind, values: Partial<Record<QuarterCode, number>>): SeriesRow[] {
  return buildSeriesRows(kind, points(values));
}

function rowAt<R extends SeriesRow>(rows: readonly R[], quarter: QuarterCode): R {
  const row = rows.find((candidate) => candidate.point.quarter === quarter);
  if (!row) throw new Error(`no row for ${quarter}`);
  return row;
}

describe("change", () => {
  it("gives the relative change of a flow: revenue 92.5065 -> 113.1 is +22.26%", () => {
    // 113.1 / 92.5065 - 1 = 0.222616789...; 113.1 - 92.5065 = 20.5935
    const delta = change("flow", pt("2024Q3", 92.5065), pt("2025Q3", 113.1));
    expect(delta).toEqual({
      kind: "relative",
      pct: expect.closeTo(22.261679, 5),
      abs: expect.closeTo(20.5935, 9),
      approximate: false,
    });
  });

  it("gives a relative change for stocks too", () => {
    // 741.7 / 700 - 1 = 0.059571428...
    const delta = change("stock", pt("2024Q2", 700), pt("2025Q2", 741.7));
    expect(delta).toEqual({
      kind: "relative",
      pct: expect.closeTo(5.957143, 5),
      abs: expect.closeTo(41.7, 9),
      approximate: false,
    });
  });

  it("gives a negative percentage for a decline", () => {
    expect(change("flow", pt("2024Q1", 100), pt("2025Q1", 80))).toEqual({
      kind: "relative",
      pct: -20,
      abs: -20,
      approximate: false,
    });
  });

  it("gives 0% when the value is unchanged", () => {
    expect(change("flow", pt("2024Q1", 50), pt("2025Q1", 50))).toEqual({
      kind: "relative",
      pct: 0,
      abs: 0,
      approximate: false,
    });
  });

  it("withholds the percentage of a zero base but still gives the absolute change", () => {
    expect(change("flow", pt("2024Q1", 0), pt("2025Q1", 5))).toEqual({
      kind: "relative",
      pct: null,
      abs: 5,
      approximate: false,
    });
  });

  it("withholds the percentage of a negative base (a swing from a loss)", () => {
    expect(change("flow", pt("2024Q1", -10), pt("2025Q1", 5))).toEqual({
      kind: "relative",
      pct: null,
      abs: 15,
      approximate: false,
    });
    expect(change("flow", pt("2024Q1", -10), pt("2025Q1", -20))).toEqual({
      kind: "relative",
      pct: null,
      abs: -10,
      approximate: false,
    });
  });

  it("gives a percentage below -100% when a positive base turns negative", () => {
    // (-5 - 10) / 10 = -1.5
    expect(change("flow", pt("2024Q1", 10), pt("2025Q1", -5))).toEqual({
      kind: "relative",
      pct: -150,
      abs: -15,
      approximate: false,
    });
  });

  it("gives a ratio's change in percentage points, not percent", () => {
    // 11.1% - 11.7% = -0.6 pp (a relative change would be -5.1%)
    const delta = change("ratio", pt("2024Q3", 11.7), pt("2025Q3", 11.1));
    expect(delta).toEqual({ kind: "points", pp: expect.closeTo(-0.6, 9), approximate: false });
    expect(delta).not.toHaveProperty("pct");
  });

  it("gives a ratio's change in points even from a zero base", () => {
    expect(change("ratio", pt("2024Q3", 0), pt("2025Q3", 2.5))).toEqual({
      kind: "points",
      pp: 2.5,
      approximate: false,
    });
  });

  it("is exact only when both values are exact", () => {
    expect(change("flow", pt("2024Q1", 100), pt("2025Q1", 110)).approximate).toBe(false);
  });

  it("propagates an approximate base as approximate: true", () => {
    const delta = change("stock", pt("2024Q1", 12000, "approximate"), pt("2025Q1", 15000));
    expect(delta).toEqual({ kind: "relative", pct: 25, abs: 3000, approximate: true });
  });

  it("propagates an approximate current value as approximate: true", () => {
    const delta = change("stock", pt("2024Q1", 12000), pt("2025Q1", 15000, "approximate"));
    expect(delta.approximate).toBe(true);
  });

  it('treats "at least" as approximate', () => {
    const delta = change("stock", pt("2024Q1", 12000, "at_least"), pt("2025Q1", 15000));
    expect(delta.approximate).toBe(true);
  });

  it("propagates approximate to a ratio's points change", () => {
    const delta = change("ratio", pt("2024Q1", 30, "approximate"), pt("2025Q1", 32));
    expect(delta).toEqual({ kind: "points", pp: 2, approximate: true });
  });
});

describe("changeMagnitude", () => {
  it("is the percentage of a relative change", () => {
    const delta: Change = { kind: "relative", pct: 22.3, abs: 20.6, approximate: false };
    expect(changeMagnitude(delta)).toBe(22.3);
  });

  it("is the points of a ratio change", () => {
    const delta: Change = { kind: "points", pp: -0.6, approximate: false };
    expect(changeMagnitude(delta)).toBe(-0.6);
  });

  it("is null when the percentage is withheld", () => {
    const delta: Change = { kind: "relative", pct: null, abs: 5, approximate: false };
    expect(changeMagnitude(delta)).toBeNull();
  });
});

describe("indexByQuarter", () => {
  it("looks points up by their quarter", () => {
    const a = pt("2024Q4", 1);
    const b = pt("2025Q1", 2);
    const byQuarter = indexByQuarter([a, b]);
    expect(byQuarter.size).toBe(2);
    expect(byQuarter.get("2024Q4")).toBe(a);
    expect(byQuarter.get("2025Q1")).toBe(b);
    expect(byQuarter.get("2025Q2")).toBeUndefined();
  });
});

describe("yearAgo", () => {
  const byQuarter = indexByQuarter(points({ "2023Q1": 70, "2024Q1": 80, "2024Q4": 95 }));

  it("finds the same quarter a year earlier across a year boundary", () => {
    expect(yearAgo(byQuarter, "2025Q1")?.value).toBe(80);
  });

  it("finds the same quarter several years earlier", () => {
    expect(yearAgo(byQuarter, "2025Q1", 2)?.value).toBe(70);
  });

  it("returns null when that quarter is missing", () => {
    expect(yearAgo(byQuarter, "2025Q2")).toBeNull();
    expect(yearAgo(byQuarter, "2025Q1", 3)).toBeNull();
  });
});

describe("yoyChange", () => {
  it("returns no YoY when the prior-year quarter is missing", () => {
    const series = points({ "2024Q1": 80, "2024Q3": 90, "2025Q2": 100 });
    const current = pt("2025Q2", 100);
    expect(yoyChange("flow", indexByQuarter(series), current)).toBeNull();
  });

  it("compares 2025Q1 with 2024Q1, not with the adjacent 2024Q4", () => {
    const series = points({ "2024Q1": 80, "2024Q4": 120, "2025Q1": 100 });
    // 100 / 80 - 1 = +25%; against 2024Q4 it would have been -16.7%
    expect(yoyChange("flow", indexByQuarter(series), pt("2025Q1", 100))).toEqual({
      kind: "relative",
      pct: 25,
      abs: 20,
      approximate: false,
    });
  });

  it("compares with several years earlier when asked", () => {
    const series = points({ "2023Q2": 50, "2024Q2": 80, "2025Q2": 100 });
    // 100 / 50 - 1 = +100%
    expect(yoyChange("flow", indexByQuarter(series), pt("2025Q2", 100), 2)).toEqual({
      kind: "relative",
      pct: 100,
      abs: 50,
      approximate: false,
    });
  });

  it("gives a ratio's YoY in points", () => {
    const series = points({ "2024Q3": 11.7, "2025Q3": 11.1 });
    expect(yoyChange("ratio", indexByQuarter(series), pt("2025Q3", 11.1))).toEqual({
      kind: "points",
      pp: expect.closeTo(-0.6, 9),
      approximate: false,
    });
  });
});

describe("trailingTwelveMonths", () => {
  const byQuarter = indexByQuarter(
    points({ "2024Q2": 10, "2024Q3": 20, "2024Q4": 30, "2025Q1": 40, "2025Q2": 50 }),
  );

  it("sums the four quarters ending at the given quarter for a flow", () => {
    expect(trailingTwelveMonths("flow", byQuarter, "2025Q1")).toBe(100); // 10 + 20 + 30 + 40
    expect(trailingTwelveMonths("flow", byQuarter, "2025Q2")).toBe(140); // 20 + 30 + 40 + 50
  });

  it("gives nothing when one of the four quarters is missing", () => {
    // 2024Q1 is missing from the window 2024Q1-2024Q4
    expect(trailingTwelveMonths("flow", byQuarter, "2024Q4")).toBeNull();
    // the quarter itself is missing
    expect(trailingTwelveMonths("flow", byQuarter, "2025Q3")).toBeNull();
  });

  it("gives nothing when a quarter in the middle of the window is missing", () => {
    const gappy = indexByQuarter(points({ "2024Q2": 10, "2024Q3": 20, "2025Q1": 40 }));
    expect(trailingTwelveMonths("flow", gappy, "2025Q1")).toBeNull();
  });

  it("gives nothing for a stock", () => {
    expect(trailingTwelveMonths("stock", byQuarter, "2025Q1")).toBeNull();
  });

  it("gives nothing for a ratio", () => {
    expect(trailingTwelveMonths("ratio", byQuarter, "2025Q1")).toBeNull();
  });

  it("sums negative quarters as they are", () => {
    const losses = indexByQuarter(
      points({ "2024Q1": -5, "2024Q2": 3, "2024Q3": -2.5, "2024Q4": 1 }),
    );
    expect(trailingTwelveMonths("flow", losses, "2024Q4")).toBe(-3.5);
  });
});

describe("buildSeriesRows", () => {
  const revenue = points({
    "2025Q3": 113.1,
    "2024Q1": 90,
    "2024Q3": 92.5065,
    "2023Q4": 80,
    "2025Q1": 99,
    "2024Q2": 92,
    "2025Q2": 105,
    "2024Q4": 100,
  });
  const rows = buildSeriesRows("flow", revenue);

  it("orders rows chronologically whatever the input order", () => {
    expect(rows.map((row) => row.point.quarter)).toEqual([
      "2023Q4",
      "2024Q1",
      "2024Q2",
      "2024Q3",
      "2024Q4",
      "2025Q1",
      "2025Q2",
      "2025Q3",
    ]);
  });

  it("keeps the original point objects", () => {
    const original = revenue.find((point) => point.quarter === "2025Q3");
    expect(rowAt(rows, "2025Q3").point).toBe(original);
  });

  it("gives the first quarter no YoY, QoQ or TTM", () => {
    expect(rowAt(rows, "2023Q4")).toMatchObject({ yoy: null, qoq: null, ttm: null });
  });

  it("computes YoY, QoQ and TTM for the latest quarter", () => {
    const row = rowAt(rows, "2025Q3");
    // YoY: 113.1 / 92.5065 - 1 = +22.2617%
    expect(row.yoy).toEqual({
      kind: "relative",
      pct: expect.closeTo(22.261679, 5),
      abs: expect.closeTo(20.5935, 9),
      approximate: false,
    });
    // QoQ: 113.1 / 105 - 1 = 8.1 / 105 = +7.7143%
    expect(row.qoq).toEqual({
      kind: "relative",
      pct: expect.closeTo(7.714286, 5),
      abs: expect.closeTo(8.1, 9),
      approximate: false,
    });
    // TTM: 100 + 99 + 105 + 113.1
    expect(row.ttm).toBeCloseTo(417.1, 9);
  });

  it("compares Q1 with Q4 of the previous year for QoQ", () => {
    // 90 / 80 - 1 = +12.5%
    expect(rowAt(rows, "2024Q1").qoq).toEqual({
      kind: "relative",
      pct: 12.5,
      abs: 10,
      approximate: false,
    });
  });

  it("compares Q1 with Q1 of the previous year for YoY", () => {
    // 99 / 90 - 1 = +10%
    expect(rowAt(rows, "2025Q1").yoy).toEqual({
      kind: "relative",
      pct: expect.closeTo(10, 9),
      abs: 9,
      approximate: false,
    });
  });

  it("gives TTM only once four consecutive quarters exist", () => {
    expect(rowAt(rows, "2024Q1").ttm).toBeNull(); // 2023Q2 and 2023Q3 missing
    expect(rowAt(rows, "2024Q2").ttm).toBeNull(); // 2023Q3 missing
    expect(rowAt(rows, "2024Q3").ttm).toBeCloseTo(354.5065, 9); // 80 + 90 + 92 + 92.5065
    expect(rowAt(rows, "2024Q4").ttm).toBeCloseTo(374.5065, 9); // 90 + 92 + 92.5065 + 100
  });

  it("treats a missing quarter as a gap, never as zero", () => {
    const gappy = rowsOf("flow", {
      "2024Q1": 10,
      "2024Q2": 11,
      "2024Q4": 13,
      "2025Q1": 14,
      "2025Q2": 15,
      "2025Q3": 16,
    });
    expect(gappy.map((row) => row.point.quarter)).not.toContain("2024Q3");
    // QoQ after the gap: 2024Q3 is missing
    expect(rowAt(gappy, "2024Q4").qoq).toBeNull();
    // YoY after the gap: 2024Q3 is missing
    expect(rowAt(gappy, "2025Q3").yoy).toBeNull();
    // Every four-quarter window up to 2025Q2 contains 2024Q3
    expect(rowAt(gappy, "2025Q1").ttm).toBeNull();
    expect(rowAt(gappy, "2025Q2").ttm).toBeNull();
    // The window 2024Q4-2025Q3 is complete again: 13 + 14 + 15 + 16
    expect(rowAt(gappy, "2025Q3").ttm).toBe(58);
    // YoY where the year-ago quarter exists: 15 / 11 - 1 = +36.36%
    expect(rowAt(gappy, "2025Q2").yoy).toEqual({
      kind: "relative",
      pct: expect.closeTo(36.363636, 5),
      abs: 4,
      approximate: false,
    });
  });

  it("gives a ratio series changes in points and no TTM", () => {
    const margin = rowsOf("ratio", {
      "2024Q2": 12,
      "2024Q3": 11.7,
      "2024Q4": 12.4,
      "2025Q1": 11.9,
      "2025Q2": 11.5,
      "2025Q3": 11.1,
    });
    const row = rowAt(margin, "2025Q3");
    expect(row.yoy).toEqual({ kind: "points", pp: expect.closeTo(-0.6, 9), approximate: false });
    expect(row.qoq).toEqual({ kind: "points", pp: expect.closeTo(-0.4, 9), approximate: false });
    expect(margin.every((r) => r.ttm === null)).toBe(true);
  });

  it("gives a stock series no TTM", () => {
    const users = rowsOf("stock", { "2024Q4": 700, "2025Q1": 710, "2025Q2": 720, "2025Q3": 741.7 });
    expect(rowAt(users, "2025Q3").ttm).toBeNull();
    expect(rowAt(users, "2025Q3").qoq).toMatchObject({ kind: "relative", approximate: false });
  });

  it("marks changes touching an approximate value as approximate", () => {
    const stores = buildSeriesRows("stock", [
      pt("2024Q2", 12000, "at_least"),
      pt("2024Q3", 13000),
      pt("2025Q2", 15000, "approximate"),
      pt("2025Q3", 16000),
    ]);
    expect(rowAt(stores, "2024Q3").qoq?.approximate).toBe(true); // from an "at least"
    expect(rowAt(stores, "2025Q2").yoy?.approximate).toBe(true); // both inexact
    expect(rowAt(stores, "2025Q3").yoy?.approximate).toBe(false); // 13000 -> 16000, both exact
    expect(rowAt(stores, "2025Q3").qoq?.approximate).toBe(true); // from an approximate
  });

  it("returns no rows for no points", () => {
    expect(buildSeriesRows("flow", [])).toEqual([]);
  });
});

describe("yoyStreak", () => {
  it("counts the quarters of growth ending at the latest quarter", () => {
    const rows = rowsOf("flow", {
      "2023Q1": 100,
      "2023Q2": 100,
      "2023Q3": 100,
      "2023Q4": 100,
      "2024Q1": 110,
      "2024Q2": 120,
      "2024Q3": 130,
      "2024Q4": 140,
    });
    expect(yoyStreak(rows)).toEqual({ direction: "growth", quarters: 4 });
  });

  it("counts a decline streak", () => {
    const rows = rowsOf("flow", {
      "2023Q1": 100,
      "2023Q2": 100,
      "2023Q3": 100,
      "2023Q4": 100,
      "2024Q1": 90,
      "2024Q2": 80,
      "2024Q3": 70,
      "2024Q4": 60,
    });
    expect(yoyStreak(rows)).toEqual({ direction: "decline", quarters: 4 });
  });

  it("ends the streak where the direction changes", () => {
    const rows = rowsOf("flow", {
      "2023Q1": 100,
      "2023Q2": 100,
      "2023Q3": 100,
      "2023Q4": 100,
      "2024Q1": 90,
      "2024Q2": 90,
      "2024Q3": 90,
      "2024Q4": 90,
      "2025Q1": 95,
      "2025Q2": 95,
    });
    // 2025Q1 and 2025Q2 grew on 90; all of 2024 declined on 100
    expect(yoyStreak(rows)).toEqual({ direction: "growth", quarters: 2 });
  });

  it("ends the streak at a quarter whose YoY is exactly zero", () => {
    const rows = rowsOf("flow", {
      "2023Q1": 100,
      "2023Q2": 100,
      "2023Q3": 100,
      "2023Q4": 100,
      "2024Q1": 110,
      "2024Q2": 100,
      "2024Q3": 110,
      "2024Q4": 110,
    });
    expect(yoyStreak(rows)).toEqual({ direction: "growth", quarters: 2 });
  });

  it("has no streak when the latest YoY is zero", () => {
    const rows = rowsOf("flow", {
      "2023Q1": 100,
      "2023Q2": 100,
      "2024Q1": 110,
      "2024Q2": 100,
    });
    expect(yoyStreak(rows)).toBeNull();
  });

  it("ends the streak at a missing quarter even though the rows around it grew", () => {
    const rows = rowsOf("flow", {
      "2023Q1": 100,
      "2023Q2": 100,
      "2023Q3": 100,
      "2023Q4": 100,
      "2024Q1": 110,
      "2024Q2": 110,
      // 2024Q3 missing
      "2024Q4": 110,
      "2025Q1": 120,
      "2025Q2": 120,
    });
    // 2025Q2, 2025Q1 and 2024Q4 grew; 2024Q2 and 2024Q1 grew too but lie beyond the gap
    expect(yoyStreak(rows)).toEqual({ direction: "growth", quarters: 3 });
  });

  it("ends the streak at a quarter whose year-ago quarter is missing", () => {
    const rows = rowsOf("flow", {
      "2023Q1": 100,
      "2023Q2": 100,
      // 2023Q3 missing
      "2023Q4": 100,
      "2024Q1": 110,
      "2024Q2": 110,
      "2024Q3": 110,
      "2024Q4": 110,
    });
    expect(yoyStreak(rows)).toEqual({ direction: "growth", quarters: 1 });
  });

  it("ends the streak at a quarter whose YoY percentage is withheld (zero base)", () => {
    const rows = rowsOf("flow", {
      "2023Q1": 100,
      "2023Q2": 100,
      "2023Q3": 0,
      "2023Q4": 100,
      "2024Q1": 110,
      "2024Q2": 110,
      "2024Q3": 110,
      "2024Q4": 110,
    });
    expect(yoyStreak(rows)).toEqual({ direction: "growth", quarters: 1 });
  });

  it("has no streak when the latest quarter has no YoY", () => {
    const rows = rowsOf("flow", {
      "2023Q1": 100,
      "2024Q1": 110,
      "2024Q2": 120,
    });
    expect(yoyStreak(rows)).toBeNull();
  });

  it("has no streak for a series shorter than a year", () => {
    expect(yoyStreak(rowsOf("flow", { "2025Q1": 1, "2025Q2": 2, "2025Q3": 3 }))).toBeNull();
  });

  it("has no streak for no rows", () => {
    expect(yoyStreak([])).toBeNull();
  });

  it("follows the sign of the points change for a ratio", () => {
    const rows = rowsOf("ratio", {
      "2023Q1": 10,
      "2023Q2": 10,
      "2023Q3": 10,
      "2023Q4": 10,
      "2024Q1": 10.5,
      "2024Q2": 9.8,
      "2024Q3": 11,
      "2024Q4": 12,
    });
    // +1 pp, +2 pp, then -0.2 pp
    expect(yoyStreak(rows)).toEqual({ direction: "growth", quarters: 2 });
  });
});

describe("withinRange", () => {
  const quarters: QuarterCode[] = [
    "2024Q1",
    "2024Q2",
    "2024Q3",
    "2024Q4",
    "2025Q1",
    "2025Q2",
    "2025Q3",
    "2025Q4",
  ];
  const rows = quarters.map((quarter) => ({ point: { quarter } }));
  const quartersOf = (selected: readonly { point: { quarter: QuarterCode } }[]) =>
    selected.map((row) => row.point.quarter);

  it("keeps rows between the bounds, both included, across a year boundary", () => {
    expect(quartersOf(withinRange(rows, "2024Q3", "2025Q1"))).toEqual([
      "2024Q3",
      "2024Q4",
      "2025Q1",
    ]);
  });

  it("keeps everything up to the end when there is no lower bound", () => {
    expect(quartersOf(withinRange(rows, null, "2024Q2"))).toEqual(["2024Q1", "2024Q2"]);
  });

  it("keeps everything from the start when there is no upper bound", () => {
    expect(quartersOf(withinRange(rows, "2025Q3", null))).toEqual(["2025Q3", "2025Q4"]);
  });

  it("keeps every row when neither bound is given", () => {
    expect(withinRange(rows, null, null)).toEqual(rows);
  });

  it("accepts bounds outside the data", () => {
    expect(withinRange(rows, "2020Q1", "2030Q4")).toHaveLength(8);
  });

  it("keeps nothing when from is after to", () => {
    expect(withinRange(rows, "2025Q2", "2025Q1")).toEqual([]);
  });

  it("keeps the original row objects", () => {
    const [first] = withinRange(rows, "2024Q1", "2024Q1");
    expect(first).toBe(rows[0]);
  });
});

describe("statedYoyAgrees", () => {
  const revenue = { value: 113.1, decimals: 1, base: 92.5065, baseDecimals: 4 };

  it("agrees with revenue 113.1 vs 92.5065 stated as +22.3%", () => {
    // true YoY in [113.05 / 92.50655 - 1, 113.15 / 92.50645 - 1] = [22.2076%, 22.3158%]
    const result = statedYoyAgrees({ ...revenue, statedPct: 22.3, statedDecimals: 1 });
    expect(result.agrees).toBe(true);
    expect(result.lowPct).toBeCloseTo(22.207563, 5);
    expect(result.highPct).toBeCloseTo(22.315795, 5);
  });

  it("disagrees with the same revenue stated as +25%", () => {
    expect(statedYoyAgrees({ ...revenue, statedPct: 25, statedDecimals: 0 }).agrees).toBe(false);
  });

  it("disagrees when the stated figure is just outside the interval", () => {
    // 22.4 stands for [22.35, 22.45], above 22.3158
    expect(statedYoyAgrees({ ...revenue, statedPct: 22.4, statedDecimals: 1 }).agrees).toBe(false);
    // 22.1 stands for [22.05, 22.15], below 22.2076
    expect(statedYoyAgrees({ ...revenue, statedPct: 22.1, statedDecimals: 1 }).agrees).toBe(false);
  });

  it("agrees with a more precisely stated figure inside the interval", () => {
    expect(statedYoyAgrees({ ...revenue, statedPct: 22.26, statedDecimals: 2 }).agrees).toBe(true);
  });

  it("agrees with 21.3 vs 6.4 stated as +234% thanks to input rounding", () => {
    // 21.3 / 6.4 - 1 = 232.8% exactly, but the true YoY lies in
    // [21.25 / 6.45 - 1, 21.35 / 6.35 - 1] = [229.457%, 236.220%]
    const input = { value: 21.3, decimals: 1, base: 6.4, baseDecimals: 1, statedDecimals: 0 };
    const result = statedYoyAgrees({ ...input, statedPct: 234 });
    expect(result.agrees).toBe(true);
    expect(result.lowPct).toBeCloseTo(229.457364, 5);
    expect(result.highPct).toBeCloseTo(236.220472, 5);
    // 229 stands for [228.5, 229.5], which touches 229.457
    expect(statedYoyAgrees({ ...input, statedPct: 229 }).agrees).toBe(true);
    // 228 stands for [227.5, 228.5], which does not
    expect(statedYoyAgrees({ ...input, statedPct: 228 }).agrees).toBe(false);
    expect(statedYoyAgrees({ ...input, statedPct: 240 }).agrees).toBe(false);
  });

  it("agrees with 18000 vs 15000 stated as +20%", () => {
    // [17999.5 / 15000.5 - 1, 18000.5 / 14999.5 - 1] = [19.9927%, 20.0073%]
    const input = { value: 18000, decimals: 0, base: 15000, baseDecimals: 0, statedDecimals: 0 };
    const result = statedYoyAgrees({ ...input, statedPct: 20 });
    expect(result.agrees).toBe(true);
    expect(result.lowPct).toBeCloseTo(19.992667, 5);
    expect(result.highPct).toBeCloseTo(20.007334, 5);
    expect(statedYoyAgrees({ ...input, statedPct: 21 }).agrees).toBe(false);
  });

  it("handles a stated decline", () => {
    // [79.5 / 100.5 - 1, 80.5 / 99.5 - 1] = [-20.896%, -19.095%]
    const input = { value: 80, decimals: 0, base: 100, baseDecimals: 0, statedDecimals: 0 };
    expect(statedYoyAgrees({ ...input, statedPct: -20 }).agrees).toBe(true);
    expect(statedYoyAgrees({ ...input, statedPct: 20 }).agrees).toBe(false);
    expect(statedYoyAgrees({ ...input, statedPct: -22 }).agrees).toBe(false);
  });

  it("cannot check a base that may be zero or negative, so it does not flag it", () => {
    // 0.4 written with no decimals could be anything from -0.1 to 0.9
    const nearZero = statedYoyAgrees({
      value: 5,
      decimals: 0,
      base: 0.4,
      baseDecimals: 0,
      statedPct: 999,
      statedDecimals: 0,
    });
    expect(nearZero.agrees).toBe(true);
    expect(nearZero.lowPct).toBeNaN();
    expect(nearZero.highPct).toBeNaN();

    const negative = statedYoyAgrees({
      value: 5,
      decimals: 0,
      base: -3,
      baseDecimals: 0,
      statedPct: 50,
      statedDecimals: 0,
    });
    expect(negative.agrees).toBe(true);
  });
});

describe("decimalsOf", () => {
  it("counts the digits after the decimal point as written", () => {
    expect(decimalsOf("113.1")).toBe(1);
    expect(decimalsOf("92.5065")).toBe(4);
    expect(decimalsOf("-0.25")).toBe(2);
  });

  it("counts trailing zeros", () => {
    expect(decimalsOf("6.0")).toBe(1);
    expect(decimalsOf("6.50")).toBe(2);
  });

  it("gives 0 for an integer literal", () => {
    expect(decimalsOf("15000")).toBe(0);
    expect(decimalsOf("0")).toBe(0);
  });

  it("gives 0 for a literal ending in a bare point", () => {
    expect(decimalsOf("15.")).toBe(0);
  });
});
