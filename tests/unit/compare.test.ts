import { describe, expect, it } from "vitest";
import {
  type CompareSeries,
  compareTable,
  decideMode,
  defaultIndexBase,
} from "@/lib/domain/compare";
import type { QuarterCode } from "@/lib/domain/quarter";
import type { MetricKind } from "@/lib/domain/types";

function cs(
  id: string,
  unit: string,
  values: Partial<Record<QuarterCode, number>>,
  kind: MetricKind = "flow",
): CompareSeries {
  return {
    id,
    label: id,
    unit,
    kind,
    points: Object.entries(values).map(([quarter, value]) => ({
      quarter: quarter as QuarterCode,
      value: value as number,
      decimals: 1,
      qualifier: "exact",
    })),
  };
}

const xiaomi = cs("xiaomi:ev_deliveries", "vehicles", {
  "2024Q2": 27307,
  "2024Q3": 39790,
  "2025Q2": 81302,
  "2025Q3": 108796,
});
const li = cs("li-auto:ev_deliveries", "vehicles", {
  "2024Q1": 80400,
  "2024Q2": 108581,
  "2024Q3": 152831,
  "2025Q1": 92864,
  "2025Q2": 111074,
  "2025Q3": 93211,
});
const revenue = cs("li-auto:revenue", "RMB bn", { "2024Q3": 42.9, "2025Q3": 27.4 });

describe("choosing how to draw", () => {
  it("draws absolute values when every series has the same unit", () => {
    expect(decideMode(null, [xiaomi, li])).toEqual({ mode: "absolute", reason: null });
    expect(decideMode("index", [xiaomi, li])).toEqual({ mode: "index", reason: null });
  });

  it("refuses absolute values for different units, draws YoY and says why", () => {
    const decision = decideMode("absolute", [li, revenue]);
    expect(decision.mode).toBe("yoy");
    expect(decision.reason).toContain("different units (vehicles, RMB bn)");
    expect(decideMode(null, [li, revenue])).toEqual({ mode: "yoy", reason: null });
  });

  it("indexes instead of mixing a ratio's point changes with percentage changes", () => {
    const share = cs("xiaomi:ev_revenue_share", "%", { "2024Q3": 10.5, "2025Q3": 25.6 }, "ratio");
    const decision = decideMode("yoy", [share, revenue]);
    expect(decision.mode).toBe("index");
    expect(decision.reason).toContain("percentage points");
  });
});

describe("the comparison table", () => {
  it("spans every quarter either series has and keeps missing quarters as gaps", () => {
    const table = compareTable([xiaomi, li], "absolute");
    expect(table.rows.map((row) => row.quarter)).toEqual([
      "2024Q1",
      "2024Q2",
      "2024Q3",
      "2024Q4",
      "2025Q1",
      "2025Q2",
      "2025Q3",
    ]);
    expect(table.rows[0]?.values).toEqual({
      "xiaomi:ev_deliveries": null,
      "li-auto:ev_deliveries": 80400,
    });
    expect(table.rows[3]?.values).toEqual({
      "xiaomi:ev_deliveries": null,
      "li-auto:ev_deliveries": null,
    });
    expect(table.axisLabel).toBe("vehicles");
  });

  it("gives YoY only where the same quarter a year earlier exists", () => {
    const table = compareTable([xiaomi, li], "yoy");
    const q3 = table.rows.find((row) => row.quarter === "2025Q3")?.values;
    // 108,796 / 39,790 - 1 = +173.4%; 93,211 / 152,831 - 1 = -39.0%.
    expect(q3?.["xiaomi:ev_deliveries"]).toBeCloseTo(173.425, 2);
    expect(q3?.["li-auto:ev_deliveries"]).toBeCloseTo(-39.011, 2);
    const q1 = table.rows.find((row) => row.quarter === "2025Q1")?.values;
    expect(q1?.["xiaomi:ev_deliveries"]).toBeNull();
    expect(table.axisLabel).toBe("YoY change (%)");
  });

  it("indexes each series to 100 at the first quarter both have", () => {
    expect(defaultIndexBase([xiaomi, li])).toBe("2024Q2");
    const table = compareTable([xiaomi, li], "index");
    expect(table.base).toBe("2024Q2");
    const q3 = table.rows.find((row) => row.quarter === "2025Q3")?.values;
    // 108,796 / 27,307 × 100 = 398.4; 93,211 / 108,581 × 100 = 85.8.
    expect(q3?.["xiaomi:ev_deliveries"]).toBeCloseTo(398.418, 2);
    expect(q3?.["li-auto:ev_deliveries"]).toBeCloseTo(85.845, 2);
    expect(table.axisLabel).toBe("Index (Q2 2024 = 100)");
  });

  it("leaves out a series without a value at the chosen base, and says so", () => {
    const table = compareTable([xiaomi, li], "index", { base: "2024Q1" });
    expect(table.notes).toEqual([
      {
        seriesId: "xiaomi:ev_deliveries",
        note: "no value in Q1 2024, the base quarter, so it cannot be indexed",
      },
    ]);
    expect(table.rows.every((row) => row.values["xiaomi:ev_deliveries"] === null)).toBe(true);
    expect(table.rows[0]?.values["li-auto:ev_deliveries"]).toBe(100);
  });

  it("says its quarters, notes, axis and mode reason in Chinese when asked, the same numbers", () => {
    const table = compareTable([xiaomi, li], "index", { base: "2024Q1", locale: "zh" });
    expect(table.rows[0]?.label).toBe("2024年Q1");
    expect(table.axisLabel).toBe("指数（2024年Q1 = 100）");
    expect(table.notes[0]?.note).toBe("基准季度2024年Q1没有数值，无法换算为指数");
    expect(table.rows[0]?.values["li-auto:ev_deliveries"]).toBe(100);
    const ratio = cs("xiaomi:gross_margin", "%", { "2024Q3": 20.1, "2025Q3": 22.3 }, "ratio");
    expect(compareTable([ratio], "yoy", { locale: "zh" }).axisLabel).toBe("同比变化（个百分点）");
    expect(compareTable([ratio], "yoy").axisLabel).toBe("YoY change (pp)");
    expect(decideMode("absolute", [li, revenue], "zh").reason).toMatch(
      /^绝对值会把不同单位（.+、.+）放在同一条坐标轴上，因此改为显示同比变化。$/,
    );
  });

  it("cuts the span to the requested range", () => {
    const table = compareTable([xiaomi, li], "absolute", { from: "2025Q1", to: "2025Q2" });
    expect(table.rows.map((row) => row.quarter)).toEqual(["2025Q1", "2025Q2"]);
  });
});

describe("approximate figures on the compare chart", () => {
  const withApproximate: CompareSeries = {
    ...xiaomi,
    points: [
      ...xiaomi.points,
      { quarter: "2024Q4", value: 70000, decimals: 0, qualifier: "approximate" },
    ],
  };

  it("marks the quarter whose figure is approximate, and only that one", () => {
    const table = compareTable([withApproximate], "absolute");
    const q4 = table.rows.find((row) => row.quarter === "2024Q4");
    const q3 = table.rows.find((row) => row.quarter === "2024Q3");
    expect(q4?.approximate).toEqual(["xiaomi:ev_deliveries"]);
    expect(q3?.approximate).toEqual([]);
  });

  it("marks no quarter where the series has no value", () => {
    const table = compareTable([withApproximate], "yoy");
    // 2024Q4 has no year-earlier figure, so no YoY value and nothing to draw hollow.
    expect(table.rows.find((row) => row.quarter === "2024Q4")?.approximate).toEqual([]);
  });
});
