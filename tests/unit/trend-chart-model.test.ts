import { describe, expect, it } from "vitest";
import type { EventMarker } from "@/lib/domain/events";
import { chartRows } from "@/lib/domain/series-view";
import { trendChartModel } from "@/lib/view-models/trend-chart";
import { metric, point, quarterly, series } from "../support/series-fixtures";

const deliveries = series(
  metric("ev_deliveries", "flow", { label: "Deliveries", unit: "k units" }),
  quarterly("2024Q1", [10, 12, 14, 16, 20, 24]),
);
const margin = series(
  metric("gross_margin", "ratio", { label: "Gross margin", unit: "%" }),
  quarterly("2024Q1", [20, 21, 22, 23, 22, 24]),
);

function marker(label: string): EventMarker {
  return { label, events: [] };
}

function model(input: Partial<Parameters<typeof trendChartModel>[0]> = {}) {
  return trendChartModel({
    rows: chartRows(deliveries),
    metric: deliveries.metric,
    events: [],
    comparePeriods: [1],
    ...input,
  });
}

describe("trend chart model", () => {
  it("names the chart by metric, unit, span and marks, and points to the table", () => {
    expect(model().name).toBe(
      "Deliveries in k units, Q1 2024 to Q2 2025, as bars with the growth in percent as a line. The data table below has every figure.",
    );
  });

  it("draws a ratio as a line with its change in points, and leaves the change out of the name without change lines", () => {
    const ratio = model({ rows: chartRows(margin), metric: margin.metric, comparePeriods: [] });
    expect(ratio.values.mark).toBe("line");
    expect(ratio.changeLabel).toBe("YoY change (pp)");
    expect(ratio.name).toBe(
      "Gross margin in %, Q1 2024 to Q2 2025, as a line. The data table below has every figure.",
    );
  });

  it("says the name and the change lines in Chinese, with the unit in Chinese words", () => {
    const zh = model({ locale: "zh", comparePeriods: [1, 2] });
    expect(zh.name).toBe(
      "Deliveries（千台），Q1 2024至Q2 2025，柱状图，增长率（%）以折线表示。下方数据表列有全部数据。",
    );
    expect(zh.changeLabel).toBe("同比增长（%）");
    const ratio = model({ rows: chartRows(margin), metric: margin.metric, locale: "zh" });
    expect(ratio.twoYearLabel).toBe("较两年前变动（个百分点）");
  });

  it("drops markers whose label is not one of the chart's quarters", () => {
    const result = model({ events: [marker("Q3 2024"), marker("Q1 2030")] });
    expect(result.markers.map((entry) => entry.label)).toEqual(["Q3 2024"]);
    expect([...result.markersByLabel.keys()]).toEqual(["Q3 2024"]);
  });

  it("sizes the change axis only on the lines it shows", () => {
    // Over 2026 deliveries grew 10% on a year earlier and 120% on two years earlier.
    const growth = series(
      deliveries.metric,
      quarterly("2024Q1", [10, 10, 10, 10, 20, 20, 20, 20, 22, 22]),
    );
    const rows = chartRows(growth, "2026Q1", "2026Q2");
    const oneYear = model({ rows, comparePeriods: [1] });
    const twoYears = model({ rows, comparePeriods: [2] });
    expect([oneYear.showOneYear, oneYear.showTwoYears]).toEqual([true, false]);
    expect([twoYears.showOneYear, twoYears.showTwoYears]).toEqual([false, true]);
    expect(twoYears.changes.max).toBeGreaterThanOrEqual(120);
    expect(oneYear.changes.max).toBeLessThan(120);
  });

  it("says when a figure is approximate", () => {
    expect(model().hasApproximate).toBe(false);
    const approximate = {
      ...deliveries,
      points: [...deliveries.points, point("2025Q3", 30, { qualifier: "approximate" })],
    };
    expect(model({ rows: chartRows(approximate) }).hasApproximate).toBe(true);
  });
});
