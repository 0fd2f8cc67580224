import { describe, expect, it } from "vitest";
import type { QuarterCode } from "@/lib/domain/quarter";
import { defaultQuarterToAdd, quarterFormMetrics } from "@/lib/domain/quarter-form-view";
import type { MetricDTO, PointDTO, SeriesDTO } from "@/lib/domain/types";

const METRIC: MetricDTO = {
  key: "revenue",
  label: "Total revenue",
  unit: "RMB bn",
  kind: "flow",
  higherIsBetter: true,
  definition: "Group revenue.",
};

function point(quarter: QuarterCode, value: number): PointDTO {
  return {
    quarter,
    value,
    decimals: 1,
    qualifier: "exact",
    source: { title: `Report ${quarter}`, url: null, publishedOn: null },
    quote: null,
    note: null,
    revision: 1,
    history: [],
  };
}

function series(...quarters: [QuarterCode, number][]): SeriesDTO {
  return { metric: METRIC, points: quarters.map(([q, v]) => point(q, v)), withdrawn: [] };
}

describe("defaultQuarterToAdd", () => {
  const may2026 = new Date("2026-05-15T00:00:00Z");

  it("offers the quarter after the latest one any metric has", () => {
    const other = { ...series(["2025Q2", 1]), metric: { ...METRIC, key: "mau" } };
    expect(defaultQuarterToAdd([series(["2025Q3", 1], ["2024Q1", 2]), other], may2026)).toBe(
      "2025Q4",
    );
  });

  it("never offers a quarter that has not started", () => {
    expect(defaultQuarterToAdd([series(["2026Q2", 1])], may2026)).toBe("2026Q2");
  });

  it("offers the last complete quarter when nothing is stored", () => {
    expect(defaultQuarterToAdd([series()], may2026)).toBe("2026Q1");
  });
});

describe("quarterFormMetrics", () => {
  it("gives each metric its latest figure and the figures stored by quarter", () => {
    const [view] = quarterFormMetrics([series(["2025Q3", 113.1], ["2024Q3", 92.5])]);
    expect(view?.latest).toEqual({
      quarter: "2025Q3",
      value: 113.1,
      decimals: 1,
      qualifier: "exact",
    });
    expect(view?.stored["2024Q3"]).toEqual({
      value: 92.5,
      decimals: 1,
      qualifier: "exact",
      sourceTitle: "Report 2024Q3",
    });
    expect(view?.stored["2025Q1"]).toBeUndefined();
  });
});
