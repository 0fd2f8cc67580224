import { describe, expect, it } from "vitest";
import {
  type AnnualRow,
  annualStatusText,
  annualView,
  RATIO_NOT_AGGREGATABLE,
} from "@/lib/domain/annual";
import { metric, point, quarterly, series } from "../support/series-fixtures";

function rowsOf(view: ReturnType<typeof annualView>) {
  if (!view.aggregatable) throw new Error("expected an aggregatable view");
  return view.rows;
}

function rowAt(rows: AnnualRow[], index: number): AnnualRow {
  const row = rows[index];
  if (!row) throw new Error(`no row ${index}`);
  return row;
}

describe("fiscal-year totals of a flow", () => {
  const revenue = metric("revenue", "flow", { unit: "RMB bn" });

  it("names the years and a gap's reason in Chinese when asked", () => {
    const rows = rowsOf(
      annualView(series(revenue, quarterly("2023Q1", [10, 20, 30, 40, 15, 25])), "zh"),
    );
    expect(rows.map((row) => row.label)).toEqual(["2023财年", "2024财年"]);
    expect(annualStatusText(rowAt(rows, 0), "zh")).toBe("Q1至Q4合计");
    expect(annualStatusText(rowAt(rows, 1), "zh")).toBe("不完整：缺少Q3、Q4数据");
    expect(annualStatusText(rowAt(rows, 1))).toBe("Incomplete: no Q3, Q4 figure");
  });

  it("sums a year only when all four quarters exist", () => {
    const rows = rowsOf(
      annualView(series(revenue, quarterly("2023Q1", [10, 20, 30, 40, 15, 25, 35, 45]))),
    );
    expect(rows.map((row) => [row.label, row.value])).toEqual([
      ["FY 2023", 100],
      ["FY 2024", 120],
    ]);
    expect(rows[1]?.status).toEqual({ kind: "total" });
    expect(annualStatusText(rowAt(rows, 1))).toBe("Sum of Q1 to Q4");
  });

  it("marks a year with a missing quarter incomplete, names the quarter and gives no total", () => {
    const values = quarterly("2023Q1", [10, 20, 30, 40, 15, 25, 35]);
    delete values["2023Q2"];
    const rows = rowsOf(annualView(series(revenue, values)));
    expect(rows[0]).toMatchObject({
      year: 2023,
      value: null,
      status: { kind: "incomplete", missing: ["2023Q2"] },
      quarters: ["2023Q1", "2023Q3", "2023Q4"],
    });
    expect(rows[1]?.status).toEqual({ kind: "incomplete", missing: ["2024Q4"] });
    expect(annualStatusText(rowAt(rows, 1))).toBe("Incomplete: no Q4 figure");
  });

  it("gives YoY between complete years and none next to an incomplete one", () => {
    const values = quarterly("2022Q1", [10, 20, 30, 40, 15, 25, 35, 45, 20, 30, 40, 50]);
    delete values["2023Q3"];
    const complete = rowsOf(
      annualView(series(revenue, quarterly("2022Q1", [10, 20, 30, 40, 15, 25, 35, 45]))),
    );
    // 120 / 100 - 1 = +20%.
    expect(complete[1]?.yoy).toEqual({ kind: "relative", pct: 20, abs: 20, approximate: false });
    const gapped = rowsOf(annualView(series(revenue, values)));
    expect(gapped.map((row) => row.yoy)).toEqual([null, null, null]);
  });

  it("keeps the least precise quarter's decimals and marks an approximate input", () => {
    const rows = rowsOf(
      annualView({
        metric: revenue,
        withdrawn: [],
        points: [
          point("2024Q1", 1.25, { decimals: 2 }),
          point("2024Q2", 2, { decimals: 0 }),
          point("2024Q3", 3.5, { decimals: 1, qualifier: "approximate" }),
          point("2024Q4", 4.125, { decimals: 3 }),
        ],
      }),
    );
    expect(rows[0]).toMatchObject({ value: 10.875, decimals: 0, qualifier: "approximate" });
  });
});

describe("year-end values of a stock", () => {
  const mau = metric("mau", "stock", { unit: "M users" });

  it("takes the Q4 level as the year's value, with YoY against the previous Q4", () => {
    const rows = rowsOf(
      annualView(series(mau, quarterly("2023Q1", [500, 510, 520, 530, 540, 550, 560, 583]))),
    );
    expect(rows.map((row) => row.value)).toEqual([530, 583]);
    expect(rows[1]?.status).toEqual({ kind: "year_end" });
    // 583 / 530 - 1 = +10%.
    expect(rows[1]?.yoy?.kind === "relative" ? rows[1].yoy.pct : null).toBeCloseTo(10, 9);
  });

  it("gives no year-end value without a Q4 figure, whatever the other quarters say", () => {
    const rows = rowsOf(
      annualView(series(mau, quarterly("2024Q1", [500, 510, 520, 530, 540, 550]))),
    );
    expect(rows[1]).toMatchObject({
      year: 2025,
      value: null,
      status: { kind: "no_year_end", missing: "2025Q4" },
      yoy: null,
    });
    expect(annualStatusText(rowAt(rows, 1))).toBe("No year-end value: no Q4 2025 figure");
  });
});

describe("ratios", () => {
  it("are not aggregated, and the view says why", () => {
    const margin = metric("margin", "ratio", { unit: "%" });
    const view = annualView(series(margin, quarterly("2024Q1", [10, 11, 12, 13])));
    expect(view).toEqual({ aggregatable: false, reason: RATIO_NOT_AGGREGATABLE });
    expect(RATIO_NOT_AGGREGATABLE).toContain("weight");
  });

  it("say why in Chinese when asked", () => {
    const margin = metric("margin", "ratio", { unit: "%" });
    const view = annualView(series(margin, quarterly("2024Q1", [10, 11, 12, 13])), "zh");
    if (view.aggregatable) throw new Error("expected a ratio to be refused");
    expect(view.reason).toContain("权重");
    expect(view.reason).not.toMatch(/[A-Za-z]/);
  });
});

describe("empty series", () => {
  it("have no rows", () => {
    expect(annualView(series(metric("revenue", "flow"), {}))).toEqual({
      aggregatable: true,
      rows: [],
    });
  });
});
