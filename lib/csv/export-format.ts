/**
 * The two CSV shapes of an export, as pure functions from stored rows to records of cells:
 * `long` (one row per brand, metric and quarter, with its evidence) and `wide` (one row per
 * quarter, one column per metric). Rows arrive ordered and in batches; each formatter keeps only
 * the series it is working on, so memory stays flat however large the export.
 */
import { decimalDifference, roundPercent } from "@/lib/domain/decimal-math";
import { roundTo } from "@/lib/domain/format";
import { change, trailingTwelveMonths, type ValuePoint } from "@/lib/domain/kpi";
import {
  type QuarterCode,
  quarterEndDate,
  quarterFromIndex,
  quarterIndex,
} from "@/lib/domain/quarter";
import type { MetricDTO, Qualifier } from "@/lib/domain/types";
import { escapeTextCell, formatBooleanCell, formatMeasureCell, formatValueCell } from "./cells";

export const EXPORT_FORMATS = ["long", "wide"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What runs across the columns of a wide file: a metric each (the default), or a quarter each. */
export const WIDE_ACROSS = ["metrics", "quarters"] as const;
export type WideAcross = (typeof WIDE_ACROSS)[number];

/** The long shape's columns, in order. An import requires exactly these (or with HISTORY_COLUMNS). */
export const LONG_COLUMNS = [
  "brand",
  "metric",
  "metric_label",
  "unit",
  "quarter",
  "value",
  "qualifier",
  "yoy_pct",
  "yoy_pp",
  "source_title",
  "source_url",
  "source_date",
  "restated",
  "quote",
  "note",
] as const;

/** Added by `history=1`: every revision of a figure, oldest first, the last one current. */
export const HISTORY_COLUMNS = ["revision", "status"] as const;

/**
 * The last columns of every long export (after HISTORY_COLUMNS too, so no earlier column moves):
 * the QoQ and trailing-twelve-month figures the metric page shows, and the day the period ends.
 * Computed from the values, so an import accepts a file with or without them and ignores them.
 */
export const PERIOD_COLUMNS = ["qoq_pct", "qoq_pp", "ttm", "period_end"] as const;

export type LongColumn =
  | (typeof LONG_COLUMNS)[number]
  | (typeof HISTORY_COLUMNS)[number]
  | (typeof PERIOD_COLUMNS)[number];

export const REVISION_STATUSES = ["current", "superseded"] as const;
export type RevisionStatus = (typeof REVISION_STATUSES)[number];

/** One stored revision of a figure with its source, as the export query reads it. */
export interface ExportObservation {
  brand: string;
  metric: string;
  quarter: QuarterCode;
  revision: number;
  isCurrent: boolean;
  value: number | null;
  decimals: number;
  qualifier: Qualifier;
  sourceTitle: string | null;
  sourceUrl: string | null;
  sourceDate: string | null;
  quote: string | null;
  note: string | null;
}

/** A current figure for the wide shape. */
export interface WideObservation {
  brand: string;
  metric: string;
  quarter: QuarterCode;
  value: number;
  decimals: number;
  qualifier: Qualifier;
}

/** shiftQuarter(code, -4) without parsing: this runs once per exported row. */
function sameQuarterYearBefore(code: QuarterCode): QuarterCode {
  return `${Number(code.slice(0, 4)) - 1}${code.slice(4)}` as QuarterCode;
}

export function longHeader(history: boolean): string[] {
  return history
    ? [...LONG_COLUMNS, ...HISTORY_COLUMNS, ...PERIOD_COLUMNS]
    : [...LONG_COLUMNS, ...PERIOD_COLUMNS];
}

/** The quarter before, without parsing (the formatter's hot path): 2025Q1 -> 2024Q4. */
function quarterBefore(code: QuarterCode): QuarterCode {
  return code.endsWith("Q1")
    ? (`${Number(code.slice(0, 4)) - 1}Q4` as QuarterCode)
    : (`${code.slice(0, 5)}${Number(code.slice(5)) - 1}` as QuarterCode);
}

export type StatedPoint = ValuePoint & { decimals: number };

/**
 * A change as two cells, percent and points, as the page computes it (`change`). No float noise
 * in what people read: a percentage at PERCENT_DECIMALS, a pp difference of two stated decimals
 * as the exact decimal it is (11.1 − 11.7 = -0.6).
 */
export function changeCells(
  kind: MetricDTO["kind"],
  base: StatedPoint | undefined,
  point: StatedPoint | null,
): [string, string] {
  if (!point || !base) return ["", ""];
  const delta = change(kind, base, point);
  return [
    formatMeasureCell(
      delta.kind === "relative" && delta.pct !== null ? roundPercent(delta.pct) : null,
    ),
    formatMeasureCell(
      delta.kind === "points"
        ? decimalDifference(point.value, point.decimals, base.value, base.decimals)
        : null,
    ),
  ];
}

/**
 * The trailing-twelve-month sum the page shows (flows only, all four quarters present, else
 * empty), written as the exact decimal the stated figures add up to.
 */
function ttmCell(
  kind: MetricDTO["kind"],
  series: Map<QuarterCode, StatedPoint>,
  point: StatedPoint | null,
): string {
  if (!point || kind !== "flow") return "";
  const sum = trailingTwelveMonths(kind, series, point.quarter);
  if (sum === null) return "";
  let decimals = point.decimals;
  for (let quarter = point.quarter, back = 1; back < 4; back++) {
    quarter = quarterBefore(quarter);
    decimals = Math.max(decimals, series.get(quarter)?.decimals ?? 0);
  }
  return formatValueCell(roundTo(sum, decimals), decimals);
}

/**
 * The last day of a quarter. No brand stores a fiscal calendar of its own (both fiscal years are
 * calendar years), so this is the calendar quarter's end; a brand calendar would be applied here.
 */
const periodEnds = new Map<QuarterCode, string>();
function periodEndCell(quarter: QuarterCode): string {
  let end = periodEnds.get(quarter);
  if (end === undefined) {
    end = quarterEndDate(quarter);
    if (periodEnds.size < 10_000) periodEnds.set(quarter, end);
  }
  return end;
}

function text(value: string | null): string {
  return value === null ? "" : escapeTextCell(value);
}

/**
 * Turns ordered revisions (brand, metric, quarter, revision) into long records. YoY compares a
 * current figure with the current figure of the same quarter a year earlier; rows before `from`
 * are read only to give the first quarters of the range their YoY, and are not written.
 *
 * This runs once per exported row (a million on a large export), so what is the same for a whole
 * series (the brand, metric, label and unit cells) is worked out when the series starts, and the
 * only state kept is the series in progress: its current figures by quarter, for YoY.
 */
export function createLongFormatter(options: {
  metrics: ReadonlyMap<string, MetricDTO>;
  from: QuarterCode | null;
  history: boolean;
}): (row: ExportObservation) => string[] | null {
  let brand: string | null = null;
  let metricKey: string | null = null;
  let kind: MetricDTO["kind"] = "flow";
  let seriesCells: string[] = [];
  let current = new Map<QuarterCode, StatedPoint>();
  return (row) => {
    if (row.metric !== metricKey || row.brand !== brand) {
      const metric = options.metrics.get(row.metric);
      if (!metric) throw new Error(`Metric ${row.metric} is not in the export's catalog`);
      brand = row.brand;
      metricKey = row.metric;
      kind = metric.kind;
      seriesCells = [text(row.brand), text(row.metric), text(metric.label), text(metric.unit)];
      current = new Map();
    }
    const point =
      row.isCurrent && row.value !== null
        ? {
            quarter: row.quarter,
            value: row.value,
            qualifier: row.qualifier,
            decimals: row.decimals,
          }
        : null;
    if (point) current.set(row.quarter, point);
    // Quarter codes are fixed-width (YYYYQn), so text order is time order.
    if (options.from && row.quarter < options.from) return null;
    if (!options.history && !point) return null;
    const [yoyPct, yoyPp] = changeCells(
      kind,
      point ? current.get(sameQuarterYearBefore(row.quarter)) : undefined,
      point,
    );
    const record = [
      seriesCells[0] as string,
      seriesCells[1] as string,
      seriesCells[2] as string,
      seriesCells[3] as string,
      text(row.quarter),
      formatValueCell(row.value, row.decimals),
      text(row.qualifier),
      yoyPct,
      yoyPp,
      text(row.sourceTitle),
      text(row.sourceUrl),
      text(row.sourceDate),
      // Revisions are numbered from 1 without holes, so a later one means an earlier exists.
      formatBooleanCell(row.revision > 1),
      text(row.quote),
      text(row.note),
    ];
    if (options.history) {
      record.push(String(row.revision), row.isCurrent ? "current" : "superseded");
    }
    const [qoqPct, qoqPp] = changeCells(
      kind,
      point ? current.get(quarterBefore(row.quarter)) : undefined,
      point,
    );
    record.push(qoqPct, qoqPp, ttmCell(kind, current, point), periodEndCell(row.quarter));
    return record;
  };
}

export function wideHeader(metrics: readonly MetricDTO[]): string[] {
  return [
    "brand",
    "quarter",
    ...metrics.map((metric) => escapeTextCell(`${metric.key} (${metric.unit})`)),
    "qualifiers",
  ];
}

/**
 * Turns current figures ordered by brand and quarter into one record per quarter, a column per
 * metric. Quarters without any figure between a brand's first and last are written as rows of
 * empty cells: a gap stays visible, never a zero. Figures that are not exact are listed in the
 * last column, since a bare number cannot carry "approximately".
 */
export function createWideFormatter(metrics: readonly MetricDTO[]): {
  push: (row: WideObservation) => string[][];
  flush: () => string[][];
} {
  const column = new Map(metrics.map((metric, index) => [metric.key, index]));
  let brand: string | null = null;
  let quarter: QuarterCode | null = null;
  let cells: string[] = [];
  let qualifiers: string[] = [];

  const finish = (): string[] => {
    const record = [text(brand), text(quarter), ...cells, escapeTextCell(qualifiers.join("; "))];
    cells = metrics.map(() => "");
    qualifiers = [];
    return record;
  };
  const gapRecord = (gap: QuarterCode): string[] => [
    text(brand),
    gap,
    ...metrics.map(() => ""),
    "",
  ];

  return {
    push(row) {
      const records: string[][] = [];
      if (row.brand !== brand || row.quarter !== quarter) {
        if (quarter !== null) records.push(finish());
        if (row.brand === brand && quarter !== null) {
          for (let index = quarterIndex(quarter) + 1; index < quarterIndex(row.quarter); index++) {
            records.push(gapRecord(quarterFromIndex(index)));
          }
        }
        brand = row.brand;
        quarter = row.quarter;
        cells = metrics.map(() => "");
        qualifiers = [];
      }
      const index = column.get(row.metric);
      if (index === undefined)
        throw new Error(`Metric ${row.metric} is not in the export's columns`);
      cells[index] = formatValueCell(row.value, row.decimals);
      if (row.qualifier !== "exact") qualifiers.push(`${row.metric}: ${row.qualifier}`);
      return records;
    },
    flush() {
      return quarter === null ? [] : [finish()];
    },
  };
}

/** The quarters from `first` to `last`, inclusive: the columns of a file with quarters across. */
export function quarterColumns(first: QuarterCode, last: QuarterCode): QuarterCode[] {
  const columns: QuarterCode[] = [];
  for (let index = quarterIndex(first); index <= quarterIndex(last); index++) {
    columns.push(quarterFromIndex(index));
  }
  return columns;
}

export function acrossHeader(quarters: readonly QuarterCode[]): string[] {
  return ["brand", "metric", "metric_label", "unit", ...quarters, "qualifiers"];
}

/**
 * The wide shape turned: one record per brand and metric, a column per quarter. Takes current
 * figures ordered by brand, metric and quarter (the long export's read); a quarter without a
 * figure is an empty cell, never a zero, and figures outside the columns are left out. Figures
 * that are not exact are listed in the last column (`2024Q4: approximate`).
 */
export function createAcrossFormatter(
  metrics: ReadonlyMap<string, MetricDTO>,
  quarters: readonly QuarterCode[],
): { push: (row: ExportObservation) => string[][]; flush: () => string[][] } {
  const column = new Map(quarters.map((quarter, index) => [quarter, index]));
  let brand: string | null = null;
  let metricKey: string | null = null;
  let cells: string[] = [];
  let qualifiers: string[] = [];
  let filled = false;

  const finish = (): string[][] => {
    if (!filled || brand === null || metricKey === null) return [];
    const metric = metrics.get(metricKey);
    return [
      [
        text(brand),
        text(metricKey),
        text(metric?.label ?? null),
        text(metric?.unit ?? null),
        ...cells,
        escapeTextCell(qualifiers.join("; ")),
      ],
    ];
  };

  return {
    push(row) {
      let records: string[][] = [];
      if (row.brand !== brand || row.metric !== metricKey) {
        if (!metrics.has(row.metric)) {
          throw new Error(`Metric ${row.metric} is not in the export's catalog`);
        }
        records = finish();
        brand = row.brand;
        metricKey = row.metric;
        cells = quarters.map(() => "");
        qualifiers = [];
        filled = false;
      }
      const index = column.get(row.quarter);
      if (index === undefined || !row.isCurrent || row.value === null) return records;
      cells[index] = formatValueCell(row.value, row.decimals);
      filled = true;
      if (row.qualifier !== "exact") qualifiers.push(`${row.quarter}: ${row.qualifier}`);
      return records;
    },
    flush: finish,
  };
}

/**
 * `pulse-xiaomi-revenue-2023Q1-2025Q3-long-2026-12-01.csv`: what the file holds (brand,
 * metrics, range, shape) and the day it was exported, readable in a downloads folder. The Excel
 * file (with a byte-order mark) ends in `-excel`, so the plain and the Excel downloads of one view
 * never overwrite each other.
 */
export function exportFileName(options: {
  brand: string | null;
  metrics: readonly string[] | null;
  from: QuarterCode | null;
  to: QuarterCode | null;
  format: ExportFormat;
  history: boolean;
  across?: WideAcross;
  bom?: boolean;
  /** The export's day, YYYY-MM-DD (UTC); today by default. */
  on?: string;
}): string {
  const metricPart =
    options.metrics === null
      ? "all-metrics"
      : options.metrics.length <= 3
        ? options.metrics.join("-")
        : `${options.metrics.length}-metrics`;
  const range =
    options.from || options.to
      ? `${options.from ?? "start"}-${options.to ?? "latest"}`
      : "all-quarters";
  const shape =
    options.format === "wide"
      ? options.across === "quarters"
        ? "wide-quarters-across"
        : "wide"
      : options.history
        ? "history"
        : "long";
  const on = options.on ?? new Date().toISOString().slice(0, 10);
  const parts = ["pulse", options.brand ?? "all-brands", metricPart, range, shape, on];
  if (options.bom) parts.push("excel");
  // Slugs, metric keys and quarter codes are already [a-z0-9_-]; this keeps the header safe anyway.
  return `${parts.join("-").replace(/[^A-Za-z0-9_.-]/g, "_")}.csv`;
}
