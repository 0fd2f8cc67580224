/**
 * Shapes a metric's series for the views: card summaries, chart rows with gaps kept as gaps,
 * the seasonal overlay and the data table. Pure, so server components call it and tests pin it.
 */
import { derivedFrom } from "./frozen-memo";
import {
  buildSeriesRows,
  type Change,
  changeMagnitude,
  indexByQuarter,
  type SeriesRow,
  type Streak,
  withinRange,
  yoyChange,
  yoyStreak,
} from "./kpi";
import type { Locale } from "./locale";
import {
  parseQuarter,
  type QuarterCode,
  quarterFromIndex,
  quarterIndex,
  quarterLabel,
} from "./quarter";
import type { PointDTO, SeriesDTO } from "./types";

export type PointRow = SeriesRow<PointDTO>;

export interface MetricSummary {
  latest: PointRow | null;
  /** The year-ago quarter whose absence leaves `latest.yoy` empty, for saying so. */
  missingYearAgo: QuarterCode | null;
  streak: Streak | null;
  sparkline: SparkPoint[];
}

export interface SparkPoint {
  quarter: QuarterCode;
  value: number | null;
}

/** One row per quarter in the span: a missing quarter has null values, never zero. */
export interface ChartRow {
  quarter: QuarterCode;
  label: string;
  value: number | null;
  decimals: number;
  qualifier: PointDTO["qualifier"] | null;
  /** YoY percent for flows and stocks, percentage points for ratios; null when unknown. */
  yoy: number | null;
  yoyApproximate: boolean;
  /** The change against the same quarter two years earlier, same units as `yoy`. */
  yoy2: number | null;
  yoy2Approximate: boolean;
  sourceTitle: string | null;
  restated: boolean;
  /** Said in the tooltip instead of the usual lines (e.g. why a fiscal year has no total). */
  note?: string;
}

/**
 * What the overview's small chart draws and writes in its titles. The chart is a client
 * component, so these rows are its RSC payload, thirty charts of twenty quarters on a large
 * brand's overview: the label is derived from the quarter, the two-year change (not drawn) is
 * left out, and each row travels as a tuple (`packMiniChartRows`), since the property names
 * repeated on every row were half of the payload.
 */
export type MiniChartRow = Pick<
  ChartRow,
  | "quarter"
  | "value"
  | "decimals"
  | "qualifier"
  | "yoy"
  | "yoyApproximate"
  | "sourceTitle"
  | "restated"
>;

export type PackedMiniChartRow = readonly [
  quarter: QuarterCode,
  value: number | null,
  decimals: number,
  qualifier: ChartRow["qualifier"],
  yoy: number | null,
  yoyApproximate: boolean,
  sourceTitle: string | null,
  restated: boolean,
];

// Four decimals, as the claims keep computed percentages: the chart shows one.
const fourDecimals = (change: number | null) =>
  change === null ? null : Math.round(change * 1e4) / 1e4;

export function packMiniChartRows(rows: readonly ChartRow[]): PackedMiniChartRow[] {
  return rows.map((row) => [
    row.quarter,
    row.value,
    row.decimals,
    row.qualifier,
    fourDecimals(row.yoy),
    row.yoyApproximate,
    row.sourceTitle,
    row.restated,
  ]);
}

export function unpackMiniChartRows(rows: readonly PackedMiniChartRow[]): MiniChartRow[] {
  return rows.map(
    ([quarter, value, decimals, qualifier, yoy, yoyApproximate, sourceTitle, restated]) => ({
      quarter,
      value,
      decimals,
      qualifier,
      yoy,
      yoyApproximate,
      sourceTitle,
      restated,
    }),
  );
}

/**
 * The metric page's chart rows as they travel to the client chart: a tuple per quarter, since the
 * property names repeated on 80 rows were over half of the chart's RSC payload (issue 12). The
 * label is left out when it is the quarter's own (`quarterLabel`), kept for a fiscal year's row.
 */
export type PackedChartRow = readonly [
  quarter: QuarterCode,
  value: number | null,
  decimals: number,
  qualifier: ChartRow["qualifier"],
  yoy: number | null,
  yoyApproximate: boolean,
  yoy2: number | null,
  yoy2Approximate: boolean,
  sourceTitle: string | null,
  restated: boolean,
  label: string | null,
  note: string | null,
];

export function packChartRows(rows: readonly ChartRow[]): PackedChartRow[] {
  return rows.map((row) => [
    row.quarter,
    row.value,
    row.decimals,
    row.qualifier,
    fourDecimals(row.yoy),
    row.yoyApproximate,
    fourDecimals(row.yoy2),
    row.yoy2Approximate,
    row.sourceTitle,
    row.restated,
    row.label === quarterLabel(row.quarter) ? null : row.label,
    row.note ?? null,
  ]);
}

export function unpackChartRows(rows: readonly PackedChartRow[]): ChartRow[] {
  return rows.map(
    ([
      quarter,
      value,
      decimals,
      qualifier,
      yoy,
      yoyApproximate,
      yoy2,
      yoy2Approximate,
      sourceTitle,
      restated,
      label,
      note,
    ]) => ({
      quarter,
      label: label ?? quarterLabel(quarter),
      value,
      decimals,
      qualifier,
      yoy,
      yoyApproximate,
      yoy2,
      yoy2Approximate,
      sourceTitle,
      restated,
      ...(note === null ? {} : { note }),
    }),
  );
}

export const SPARKLINE_QUARTERS = 12;

/**
 * The overview's trend charts show the last five years: enough to read a trend and its turns at
 * a glance, and a page of thirty charts stays light. The metric page shows the whole history.
 */
export const OVERVIEW_QUARTERS = 20;

/**
 * How many trend charts the overview draws before its "all N" link. Every real brand tracks
 * fewer (the catalog has 13 metrics); a brand of thirty drew thirty charts, each with a titled
 * bar per quarter, rendered twice (HTML and RSC payload): 60% of a 590 KB page whose size alone
 * kept the cached overview's p95 above 100 ms (bench/NOTES.md, issue 12).
 */
export const OVERVIEW_TREND_CHARTS = 16;

/**
 * The series the overview charts, in catalog order, and those it only names with a link to their
 * pages: none when all are asked for (`trends=all`) or when they fit.
 */
export function overviewTrendWindow<T>(
  series: readonly T[],
  all: boolean,
): { charted: readonly T[]; named: readonly T[] } {
  if (all || series.length <= OVERVIEW_TREND_CHARTS) return { charted: series, named: [] };
  return {
    charted: series.slice(0, OVERVIEW_TREND_CHARTS),
    named: series.slice(OVERVIEW_TREND_CHARTS),
  };
}

/** The first quarter of the overview's window for a series, or null when it has no figures. */
export function overviewWindowStart(series: SeriesDTO): QuarterCode | null {
  const last = series.points.reduce<QuarterCode | null>(
    (latest, point) => (latest === null || point.quarter > latest ? point.quarter : latest),
    null,
  );
  return last ? quarterFromIndex(quarterIndex(last) - OVERVIEW_QUARTERS + 1) : null;
}

/** Rows of a series; kept beside its points when they are the read memo's (frozen-memo.ts). */
export function seriesRows(series: SeriesDTO): readonly PointRow[] {
  return derivedFrom(series.points, series.metric.kind, (points) =>
    buildSeriesRows(series.metric.kind, points),
  );
}

export function summarizeSeries(series: SeriesDTO): MetricSummary {
  const rows = seriesRows(series);
  const latest = rows.at(-1) ?? null;
  const missingYearAgo =
    latest && latest.yoy === null ? quarterFromIndex(quarterIndex(latest.point.quarter) - 4) : null;
  const sparkline: SparkPoint[] = [];
  if (latest) {
    const end = quarterIndex(latest.point.quarter);
    const byQuarter = new Map(rows.map((row) => [row.point.quarter, row.point.value]));
    for (let index = end - SPARKLINE_QUARTERS + 1; index <= end; index++) {
      const quarter = quarterFromIndex(index);
      sparkline.push({ quarter, value: byQuarter.get(quarter) ?? null });
    }
    while (sparkline.length > 0 && sparkline[0]?.value === null) sparkline.shift();
  }
  return { latest, missingYearAgo, streak: yoyStreak(rows), sparkline };
}

function chartRow(
  quarter: QuarterCode,
  row: PointRow | undefined,
  twoYears: Change | null,
  locale: Locale,
): ChartRow {
  const yoy: Change | null = row?.yoy ?? null;
  return {
    quarter,
    label: quarterLabel(quarter, locale),
    value: row?.point.value ?? null,
    decimals: row?.point.decimals ?? 0,
    qualifier: row?.point.qualifier ?? null,
    yoy: yoy ? changeMagnitude(yoy) : null,
    yoyApproximate: yoy?.approximate ?? false,
    yoy2: twoYears ? changeMagnitude(twoYears) : null,
    yoy2Approximate: twoYears?.approximate ?? false,
    sourceTitle: row?.point.source.title ?? null,
    restated: (row?.point.history.length ?? 0) > 0,
  };
}

/**
 * Chart rows over the range (or the series' own span), one per quarter so that gaps show as
 * gaps on the axis. YoY is computed on the whole series first, so the first quarter of a range
 * still compares with the year before it. The labels (the axis ticks, the tooltips' headings and
 * the key the event markers sit on) are in the reader's language.
 */
export function chartRows(
  series: SeriesDTO,
  from: QuarterCode | null = null,
  to: QuarterCode | null = null,
  locale: Locale = "en",
): ChartRow[] {
  const rows = withinRange(seriesRows(series), from, to);
  const first = rows[0];
  const last = rows.at(-1);
  if (!first || !last) return [];
  const start = from ? quarterIndex(from) : quarterIndex(first.point.quarter);
  const end = to ? quarterIndex(to) : quarterIndex(last.point.quarter);
  const byQuarter = new Map(rows.map((row) => [row.point.quarter, row]));
  const allPoints = indexByQuarter(series.points);
  const result: ChartRow[] = [];
  for (let index = start; index <= end; index++) {
    const quarter = quarterFromIndex(index);
    const row = byQuarter.get(quarter);
    const twoYears = row ? yoyChange(series.metric.kind, allPoints, row.point, 2) : null;
    result.push(chartRow(quarter, row, twoYears, locale));
  }
  return result;
}

export interface SeasonalRow {
  quarterOfYear: 1 | 2 | 3 | 4;
  label: string;
  [year: `y${number}`]: number | null;
}

/** Q1..Q4 on the x axis, one value per fiscal year: the same quarter compared across years. */
export function seasonalRows(rows: readonly ChartRow[]): { rows: SeasonalRow[]; years: number[] } {
  const years = [...new Set(rows.map((row) => parseQuarter(row.quarter).year))].sort();
  const seasonal: SeasonalRow[] = ([1, 2, 3, 4] as const).map((quarterOfYear) => {
    const entry: SeasonalRow = { quarterOfYear, label: `Q${quarterOfYear}` };
    for (const year of years) entry[`y${year}`] = null;
    return entry;
  });
  for (const row of rows) {
    const { year, quarter } = parseQuarter(row.quarter);
    const entry = seasonal[quarter - 1];
    if (entry && row.value !== null) entry[`y${year}`] = row.value;
  }
  return { rows: seasonal, years };
}

/** Each quarter's change against the same quarter `years` earlier (null where that is missing). */
export function changesVsYearsAgo(
  series: SeriesDTO,
  years: number,
): Map<QuarterCode, Change | null> {
  const byQuarter = indexByQuarter(series.points);
  return new Map(
    series.points.map((point) => [
      point.quarter,
      yoyChange(series.metric.kind, byQuarter, point, years),
    ]),
  );
}
