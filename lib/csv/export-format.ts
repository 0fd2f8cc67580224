/**
 * The two CSV shapes of an export, as pure functions from stored rows to records of cells:
 * `long` (one row per brand, metric and quarter, with its evidence; export-long.ts) and `wide`
 * (one row per quarter, one column per metric, or turned; export-wide.ts), and the file's name.
 * Rows arrive ordered and in batches; each formatter keeps only the series it is working on, so
 * memory stays flat however large the export.
 */

import type { QuarterCode } from "@/lib/domain/quarter";

export * from "./export-long";
export * from "./export-wide";

export const EXPORT_FORMATS = ["long", "wide"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What runs across the columns of a wide file: a metric each (the default), or a quarter each. */
export const WIDE_ACROSS = ["metrics", "quarters"] as const;
export type WideAcross = (typeof WIDE_ACROSS)[number];

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
