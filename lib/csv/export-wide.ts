/**
 * The wide CSV shapes: one row per quarter with a column per metric, or turned, one row per
 * brand and metric with a column per quarter. A quarter without a figure is empty, never zero.
 */
import { type QuarterCode, quarterFromIndex, quarterIndex } from "@/lib/domain/quarter";
import type { MetricDTO, Qualifier } from "@/lib/domain/types";
import { escapeTextCell, formatValueCell, textCell } from "./cells";

import type { ExportObservation } from "./export-long";

/** A current figure for the wide shape. */
export interface WideObservation {
  brand: string;
  metric: string;
  quarter: QuarterCode;
  value: number;
  decimals: number;
  qualifier: Qualifier;
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
    const record = [
      textCell(brand),
      textCell(quarter),
      ...cells,
      escapeTextCell(qualifiers.join("; ")),
    ];
    cells = metrics.map(() => "");
    qualifiers = [];
    return record;
  };
  const gapRecord = (gap: QuarterCode): string[] => [
    textCell(brand),
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
        textCell(brand),
        textCell(metricKey),
        textCell(metric?.label ?? null),
        textCell(metric?.unit ?? null),
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
