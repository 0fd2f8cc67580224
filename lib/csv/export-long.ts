/**
 * The long CSV shape: one row per brand, metric and quarter with its evidence, and with history
 * one row per stored revision; the changes and TTM computed as the pages compute them. Rows
 * arrive ordered and in batches; the formatter keeps only the series it is working on.
 */
import { decimalDifference, roundPercent } from "@/lib/domain/decimal-math";
import { roundTo } from "@/lib/domain/format";
import { change, trailingTwelveMonths, type ValuePoint } from "@/lib/domain/kpi";
import { type QuarterCode, quarterEndDate } from "@/lib/domain/quarter";
import type { MetricDTO, Qualifier } from "@/lib/domain/types";
import { formatBooleanCell, formatMeasureCell, formatValueCell, textCell } from "./cells";

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

/** What a figure says, as an export writes it and an import compares it: value and evidence. */
export interface FigureContent {
  value: number | null;
  decimals: number;
  qualifier: Qualifier;
  sourceTitle: string | null;
  sourceUrl: string | null;
  sourceDate: string | null;
  quote: string | null;
  note: string | null;
}

/** One stored revision of a figure with its source, as the export query reads it. */
export interface ExportObservation extends FigureContent {
  brand: string;
  metric: string;
  quarter: QuarterCode;
  revision: number;
  isCurrent: boolean;
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
      seriesCells = [
        textCell(row.brand),
        textCell(row.metric),
        textCell(metric.label),
        textCell(metric.unit),
      ];
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
      textCell(row.quarter),
      formatValueCell(row.value, row.decimals),
      textCell(row.qualifier),
      yoyPct,
      yoyPp,
      textCell(row.sourceTitle),
      textCell(row.sourceUrl),
      textCell(row.sourceDate),
      // Revisions are numbered from 1 without holes, so a later one means an earlier exists.
      formatBooleanCell(row.revision > 1),
      textCell(row.quote),
      textCell(row.note),
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
