import { describe, expect, it } from "vitest";
import type { QuarterCode } from "@/lib/domain/quarter";
import {
  type ChartRow,
  chartRows,
  OVERVIEW_TREND_CHARTS,
  overviewTrendWindow,
  packChartRows,
  packMiniChartRows,
  seasonalRows,
  seriesRows,
  summarizeSeries,
  unpackChartRows,
  unpackMiniChartRows,
} from "@/lib/domain/series-view";
import type { MetricDTO, PointDTO, SeriesDTO } from "@/lib/domain/types";

const revenue: MetricDTO = {
  key: "revenue",
  label: "Total revenue",
  unit: "RMB bn",
  kind: "flow",
  higherIsBetter: true,
  definition: "Group revenue",
};

function point(quarter: QuarterCode, value: number, extra: Partial<PointDTO> = {}): PointDTO {
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
    ...extra,
  };
}

const series = (points: PointDTO[]): SeriesDTO => ({ metric: revenue, points, withdrawn: [] });

describe("chart rows", () => {
  it("keeps a missing quarter on the axis with no value", () => {
    const rows = chartRows(series([point("2024Q1", 10), point("2024Q3", 12)]));
    expect(rows.map((row) => [row.quarter, row.value])).toEqual([
      ["2024Q1", 10],
      ["2024Q2", null],
      ["2024Q3", 12],
    ]);
  });

  it("labels the quarters in the reader's language, the app's one quarter style", () => {
    const rows = series([point("2024Q1", 10), point("2024Q2", 12)]);
    expect(chartRows(rows).map((row) => row.label)).toEqual(["Q1 2024", "Q2 2024"]);
    expect(chartRows(rows, null, null, "zh").map((row) => row.label)).toEqual([
      "2024年Q1",
      "2024年Q2",
    ]);
  });

  it("computes the first quarter's YoY of a range from the quarter before the range", () => {
    const rows = chartRows(series([point("2023Q1", 50), point("2024Q1", 60)]), "2024Q1", "2024Q1");
    expect(rows).toHaveLength(1);
    // 60 / 50 - 1 = 20%
    expect(rows[0]?.yoy).toBeCloseTo(20, 9);
  });

  it("marks restated quarters and carries the source title for the tooltip", () => {
    const restated = point("2024Q2", 8, {
      revision: 2,
      history: [
        {
          revision: 1,
          value: 7,
          decimals: 1,
          qualifier: "exact",
          source: null,
          createdAt: "2024-08-01T00:00:00.000Z",
          createdBy: "seed",
          supersededAt: "2024-09-01T00:00:00.000Z",
          supersededBy: "ada",
          note: null,
        },
      ],
    });
    const [row] = chartRows(series([restated]));
    expect(row).toMatchObject({ restated: true, sourceTitle: "Report 2024Q2", label: "Q2 2024" });
  });

  it("returns no rows for an empty series", () => {
    expect(chartRows(series([]))).toEqual([]);
  });
});

describe("card summary", () => {
  it("names the missing year-ago quarter when the latest has no YoY", () => {
    const summary = summarizeSeries(series([point("2024Q4", 5), point("2025Q1", 6)]));
    expect(summary.latest?.point.quarter).toBe("2025Q1");
    expect(summary.latest?.yoy).toBeNull();
    expect(summary.missingYearAgo).toBe("2024Q1");
  });

  it("draws the sparkline over the last twelve quarters with gaps as null", () => {
    const points = [point("2022Q1", 1), point("2024Q4", 2), point("2025Q2", 3)];
    const summary = summarizeSeries(series(points));
    expect(summary.sparkline[0]).toEqual({ quarter: "2024Q4", value: 2 });
    expect(summary.sparkline.map((spark) => spark.value)).toEqual([2, null, 3]);
  });

  it("has nothing to show for a metric without figures", () => {
    expect(summarizeSeries(series([]))).toEqual({
      latest: null,
      missingYearAgo: null,
      streak: null,
      sparkline: [],
    });
  });
});

describe("seasonal overlay", () => {
  it("puts each year's quarters on Q1..Q4 and leaves missing ones null", () => {
    const rows = chartRows(series([point("2023Q1", 1), point("2023Q4", 4), point("2024Q2", 6)]));
    const seasonal = seasonalRows(rows);
    expect(seasonal.years).toEqual([2023, 2024]);
    expect(seasonal.rows).toEqual([
      { quarterOfYear: 1, label: "Q1", y2023: 1, y2024: null },
      { quarterOfYear: 2, label: "Q2", y2023: null, y2024: 6 },
      { quarterOfYear: 3, label: "Q3", y2023: null, y2024: null },
      { quarterOfYear: 4, label: "Q4", y2023: 4, y2024: null },
    ]);
  });
});

describe("the overview's small-chart rows", () => {
  it("keep what the chart draws and says through packing, gaps as gaps, YoY to 4 decimals", () => {
    const rows = chartRows(
      series([
        point("2024Q1", 30),
        point("2024Q3", 33.3, { qualifier: "approximate" }),
        point("2025Q1", 41.2),
      ]),
    );
    const unpacked = unpackMiniChartRows(packMiniChartRows(rows));
    expect(unpacked.map((row) => row.quarter)).toEqual([
      "2024Q1",
      "2024Q2",
      "2024Q3",
      "2024Q4",
      "2025Q1",
    ]);
    expect(unpacked[1]).toMatchObject({ value: null, sourceTitle: null, yoy: null });
    expect(unpacked[2]).toMatchObject({
      value: 33.3,
      qualifier: "approximate",
      sourceTitle: "Report 2024Q3",
    });
    // 41.2 / 30 - 1 = 37.3333...%: kept as 37.3333.
    expect(unpacked[4]).toMatchObject({ value: 41.2, yoy: 37.3333, sourceTitle: "Report 2025Q1" });
  });
});

describe("the metric page's chart rows", () => {
  it("come back through packing as they were, gaps as gaps, a fiscal year's label and note kept", () => {
    const rows = chartRows(
      series([
        point("2023Q1", 20),
        point("2024Q1", 30, { qualifier: "approximate" }),
        point("2025Q1", 41.2),
      ]),
    );
    const unpacked = unpackChartRows(packChartRows(rows));
    expect(unpacked).toHaveLength(rows.length);
    expect(unpacked[1]).toMatchObject({
      quarter: "2023Q2",
      label: "Q2 2023",
      value: null,
      yoy: null,
    });
    // 41.2 / 30 - 1 = 37.3333...%, against two years back 41.2 / 20 - 1 = 106%.
    expect(unpacked.at(-1)).toEqual({ ...rows.at(-1), yoy: 37.3333, yoy2: 106 });
    expect(unpacked[4]).toEqual(rows[4]);
    const fiscalYear: ChartRow = {
      ...(rows[0] as ChartRow),
      label: "FY 2023",
      note: "Three quarters only",
    };
    expect(unpackChartRows(packChartRows([fiscalYear]))).toEqual([fiscalYear]);
  });
});

describe("the overview's trend charts", () => {
  const metrics = Array.from({ length: OVERVIEW_TREND_CHARTS + 3 }, (_, index) => `m${index}`);

  it("charts every metric of a brand that fits, and names none", () => {
    const fits = metrics.slice(0, OVERVIEW_TREND_CHARTS);
    expect(overviewTrendWindow(fits, false)).toEqual({ charted: fits, named: [] });
  });

  it("charts the first ones in catalog order and names the rest, unless all are asked for", () => {
    const window = overviewTrendWindow(metrics, false);
    expect(window.charted).toEqual(metrics.slice(0, OVERVIEW_TREND_CHARTS));
    expect(window.named).toEqual(metrics.slice(OVERVIEW_TREND_CHARTS));
    expect(overviewTrendWindow(metrics, true)).toEqual({ charted: metrics, named: [] });
  });
});

describe("a series' rows", () => {
  const points = [point("2024Q1", 10), point("2025Q1", 12), point("2024Q4", 11)];

  it("are built again from points that may still change", () => {
    const open = series([...points]);
    const first = seriesRows(open);
    expect(first.map((row) => row.point.quarter)).toEqual(["2024Q1", "2024Q4", "2025Q1"]);
    open.points.push(point("2025Q2", 13));
    expect(seriesRows(open).map((row) => row.point.quarter)).toContain("2025Q2");
  });

  it("are kept, frozen, for frozen points, and equal to the rows built afresh", () => {
    const frozen = series(Object.freeze([...points]) as PointDTO[]);
    const kept = seriesRows(frozen);
    expect(seriesRows({ ...frozen, metric: { ...revenue } })).toBe(kept);
    expect(Object.isFrozen(kept)).toBe(true);
    expect(kept).toEqual(seriesRows(series([...points])));
    expect(kept[2]?.yoy).toEqual(seriesRows(series([...points]))[2]?.yoy);
    // A metric of another kind over the same points is not answered with the flow's rows.
    const stock = seriesRows({ ...frozen, metric: { ...revenue, kind: "stock" } });
    expect(stock).not.toBe(kept);
  });
});
