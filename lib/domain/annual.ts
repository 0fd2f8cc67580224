/**
 * The fiscal-year view (fiscal year = calendar year for the brands stored). Flows are summed over
 * the year only when all four quarters exist; stocks take the year-end (Q4) level; ratios are not
 * aggregated, because a year's rate needs each quarter's weight, which is not stored.
 */
import { type Change, change, changeMagnitude } from "./kpi";
import type { Locale } from "./locale";
import { type QuarterCode, quarterCode } from "./quarter";
import type { ChartRow } from "./series-view";
import type { MetricKind, PointDTO, Qualifier, SeriesDTO, SourceDTO } from "./types";

export type AnnualStatus =
  /** A flow with all four quarters: the total is the fiscal year's. */
  | { kind: "total" }
  /** A flow missing at least one quarter: no total, and which quarters are missing. */
  | { kind: "incomplete"; missing: QuarterCode[] }
  /** A stock with a Q4 figure: the level at the fiscal year's end. */
  | { kind: "year_end" }
  /** A stock without a Q4 figure: no year-end value. */
  | { kind: "no_year_end"; missing: QuarterCode };

export interface AnnualRow {
  year: number;
  /** "FY 2024". */
  label: string;
  value: number | null;
  decimals: number;
  qualifier: Qualifier;
  status: AnnualStatus;
  /** The quarters of the year that have a figure. */
  quarters: QuarterCode[];
  /** Against the previous fiscal year's value; null when either year has none. */
  yoy: Change | null;
  /** The documents the value was computed from, once each. */
  sources: SourceDTO[];
}

export type AnnualView =
  | { aggregatable: true; rows: AnnualRow[] }
  | { aggregatable: false; reason: string };

export const RATIO_NOT_AGGREGATABLE =
  "A ratio for a whole year cannot be computed from its four quarterly ratios without each quarter's weight (for a margin, that quarter's revenue), which is not stored; so no fiscal-year figure is shown.";

const RATIO_NOT_AGGREGATABLE_ZH =
  "比率无法由四个季度的比率直接算出全年数值：需要各季度的权重（例如利润率需要该季度的收入），而系统未存储权重，因此不显示财年数值。";

/** "FY 2025"; in Chinese "2025财年". */
export function fiscalYearLabel(year: number, locale: Locale = "en"): string {
  return locale === "zh" ? `${year}财年` : `FY ${year}`;
}

function combinedQualifier(points: readonly PointDTO[]): Qualifier {
  if (points.some((point) => point.qualifier === "approximate")) return "approximate";
  if (points.some((point) => point.qualifier === "at_least")) return "at_least";
  return "exact";
}

function uniqueSources(points: readonly PointDTO[]): SourceDTO[] {
  const seen = new Map<string, SourceDTO>();
  for (const point of points) seen.set(`${point.source.title}\n${point.source.url}`, point.source);
  return [...seen.values()];
}

function yearRow(
  kind: MetricKind,
  year: number,
  byQuarter: Map<string, PointDTO>,
  locale: Locale,
): AnnualRow {
  const quarterCodes = [1, 2, 3, 4].map((quarter) => quarterCode(year, quarter));
  const present = quarterCodes.flatMap((code) => {
    const point = byQuarter.get(code);
    return point ? [point] : [];
  });
  const base = {
    year,
    label: fiscalYearLabel(year, locale),
    quarters: present.map((point) => point.quarter),
    yoy: null,
  };
  if (kind === "flow") {
    if (present.length < 4) {
      const missing = quarterCodes.filter((code) => !byQuarter.has(code));
      return {
        ...base,
        value: null,
        decimals: 0,
        qualifier: "exact",
        status: { kind: "incomplete", missing },
        sources: uniqueSources(present),
      };
    }
    return {
      ...base,
      value: present.reduce((sum, point) => sum + point.value, 0),
      // A sum is only as precise as its least precise term.
      decimals: Math.min(...present.map((point) => point.decimals)),
      qualifier: combinedQualifier(present),
      status: { kind: "total" },
      sources: uniqueSources(present),
    };
  }
  const q4Code = quarterCode(year, 4);
  const q4 = byQuarter.get(q4Code);
  if (!q4) {
    return {
      ...base,
      value: null,
      decimals: 0,
      qualifier: "exact",
      status: { kind: "no_year_end", missing: q4Code },
      sources: [],
    };
  }
  return {
    ...base,
    value: q4.value,
    decimals: q4.decimals,
    qualifier: q4.qualifier,
    status: { kind: "year_end" },
    sources: [q4.source],
  };
}

/**
 * One row per fiscal year from the series' first year to its last, oldest first, with the YoY
 * change against the year before when both have a value.
 */
export function annualView(series: SeriesDTO, locale: Locale = "en"): AnnualView {
  const { kind } = series.metric;
  if (kind === "ratio") {
    return {
      aggregatable: false,
      reason: locale === "zh" ? RATIO_NOT_AGGREGATABLE_ZH : RATIO_NOT_AGGREGATABLE,
    };
  }
  if (series.points.length === 0) return { aggregatable: true, rows: [] };
  const byQuarter = new Map<string, PointDTO>(series.points.map((point) => [point.quarter, point]));
  const years = series.points.map((point) => Number(point.quarter.slice(0, 4)));
  const first = Math.min(...years);
  const last = Math.max(...years);
  const rows: AnnualRow[] = [];
  for (let year = first; year <= last; year++) {
    const row = yearRow(kind, year, byQuarter, locale);
    const previous = rows.at(-1);
    if (row.value !== null && previous?.value != null) {
      row.yoy = change(
        kind,
        { quarter: quarterCode(year - 1, 4), value: previous.value, qualifier: previous.qualifier },
        { quarter: quarterCode(year, 4), value: row.value, qualifier: row.qualifier },
      );
    }
    rows.push(row);
  }
  return { aggregatable: true, rows };
}

/** A one-line account of a row's status, for tables and tooltips. */
export function annualStatusText(row: AnnualRow, locale: Locale = "en"): string {
  const { status } = row;
  if (locale === "zh") {
    switch (status.kind) {
      case "total":
        return "Q1至Q4合计";
      case "incomplete":
        return `不完整：缺少${status.missing.map((code) => `Q${code.slice(-1)}`).join("、")}数据`;
      case "year_end":
        return "年末水平（Q4）";
      case "no_year_end":
        return `无年末数值：缺少${row.year}年Q4数据`;
    }
  }
  switch (status.kind) {
    case "total":
      return "Sum of Q1 to Q4";
    case "incomplete":
      return `Incomplete: no ${status.missing.map((code) => `Q${code.slice(-1)}`).join(", ")} figure`;
    case "year_end":
      return "Year-end level (Q4)";
    case "no_year_end":
      return `No year-end value: no Q4 ${row.year} figure`;
  }
}

/**
 * Chart rows for the fiscal-year chart, in the same shape as the quarterly ones: one per year,
 * the axis labelled "FY 2024", a year without a value kept as an empty slot with the reason.
 */
export function annualChartRows(
  kind: MetricKind,
  rows: readonly AnnualRow[],
  locale: Locale = "en",
): ChartRow[] {
  return rows.map((row, index) => {
    const twoBack = rows[index - 2];
    const twoYears =
      row.value !== null && twoBack?.value != null
        ? change(
            kind,
            {
              quarter: quarterCode(row.year - 2, 4),
              value: twoBack.value,
              qualifier: twoBack.qualifier,
            },
            { quarter: quarterCode(row.year, 4), value: row.value, qualifier: row.qualifier },
          )
        : null;
    const complete = row.status.kind === "total" || row.status.kind === "year_end";
    return {
      quarter: quarterCode(row.year, 4),
      label: row.label,
      value: row.value,
      decimals: row.decimals,
      qualifier: row.value === null ? null : row.qualifier,
      yoy: row.yoy ? changeMagnitude(row.yoy) : null,
      yoyApproximate: row.yoy?.approximate ?? false,
      yoy2: twoYears ? changeMagnitude(twoYears) : null,
      yoy2Approximate: twoYears?.approximate ?? false,
      sourceTitle:
        row.sources.length === 1
          ? (row.sources[0]?.title ?? null)
          : row.sources.length > 1
            ? locale === "zh"
              ? `${row.sources.length} 份文件（见数据表）`
              : `${row.sources.length} documents (listed in the table)`
            : null,
      restated: false,
      ...(complete ? {} : { note: annualStatusText(row, locale) }),
    };
  });
}
