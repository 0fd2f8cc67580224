/**
 * The compare view as CSV: one record per series and quarter the page's table shows a figure
 * for, with what the page shows beside it (unit, qualifier, YoY, the index in index mode, the
 * source or the inputs of a derived value) and the brand's note on the metric. Cells follow the
 * figures' export rules (lib/csv/cells): text neutralised against formula injection, numbers as
 * plain decimals, computed numbers at the documented precision, a gap as no record, never a zero.
 */
import type { ComparedSeries, CompareTable } from "@/lib/domain/compare";
import { roundPercent } from "@/lib/domain/decimal-math";
import { indexByQuarter, yearAgo } from "@/lib/domain/kpi";
import type { QuarterCode } from "@/lib/domain/quarter";
import { escapeTextCell, formatMeasureCell, formatValueCell } from "./cells";
import { changeCells } from "./export-format";

export const COMPARE_COLUMNS = [
  "brand",
  "metric",
  "series",
  "unit",
  "quarter",
  "value",
  "qualifier",
  "yoy_pct",
  "yoy_pp",
  "index",
  "index_base",
  "source_title",
  "source_url",
  "source_date",
  "derived_from",
  "brand_metric_note",
] as const;

export function compareHeader(): string[] {
  return [...COMPARE_COLUMNS];
}

export interface CompareNote {
  brand: string;
  metric: string;
  note: string;
}

function text(value: string | null | undefined): string {
  return value === null || value === undefined ? "" : escapeTextCell(value);
}

export function compareRecords(input: {
  series: readonly ComparedSeries[];
  table: CompareTable;
  notes: readonly CompareNote[];
}): string[][] {
  const { series, table } = input;
  const records: string[][] = [];
  for (const entry of series) {
    const byQuarter = indexByQuarter(entry.points);
    const note = input.notes
      .filter((item) => item.brand === entry.brandSlug && item.metric === entry.metricKey)
      .map((item) => item.note)
      .join(" ");
    for (const row of table.rows) {
      const point = byQuarter.get(row.quarter);
      if (!point) continue;
      const [yoyPct, yoyPp] = changeCells(
        entry.kind,
        yearAgo(byQuarter, point.quarter) ?? undefined,
        point,
      );
      const indexed = table.mode === "index" ? (row.values[entry.id] ?? null) : null;
      const evidence = point.evidence;
      const source = evidence && "source" in evidence ? evidence.source : null;
      const inputs = evidence && "inputs" in evidence ? evidence.inputs : [];
      records.push([
        text(entry.brandSlug),
        text(entry.metricKey),
        text(entry.label),
        text(entry.unit),
        text(point.quarter),
        formatValueCell(point.value, point.decimals),
        text(point.qualifier),
        yoyPct,
        yoyPp,
        formatMeasureCell(indexed === null ? null : roundPercent(indexed)),
        text(indexed === null ? null : table.base),
        text(source?.title),
        text(source?.url),
        text(source?.publishedOn),
        text(
          inputs
            .map(
              (item) =>
                `${item.metricKey} ${formatValueCell(item.value, item.decimals)} ${item.unit} (${item.source.title})`,
            )
            .join("; ") || null,
        ),
        text(note || null),
      ]);
    }
  }
  return records;
}

/**
 * `pulse-compare-xiaomi-li-auto-deliveries-2026-12-01.csv`: apart from every figures' export
 * (which starts `pulse-<brand>`), and the Excel file apart from the plain one.
 */
export function compareFileName(options: {
  brands: readonly string[];
  metrics: readonly string[];
  from: QuarterCode | null;
  to: QuarterCode | null;
  bom: boolean;
  on?: string;
}): string {
  const metrics =
    options.metrics.length <= 3 ? options.metrics.join("-") : `${options.metrics.length}-metrics`;
  const brands =
    options.brands.length <= 3 ? options.brands.join("-") : `${options.brands.length}-brands`;
  const range =
    options.from || options.to
      ? `${options.from ?? "start"}-${options.to ?? "latest"}`
      : "all-quarters";
  const on = options.on ?? new Date().toISOString().slice(0, 10);
  const parts = ["pulse-compare", brands, metrics, range, on];
  if (options.bom) parts.push("excel");
  return `${parts.join("-").replace(/[^A-Za-z0-9_.-]/g, "_")}.csv`;
}
