/**
 * Each record of an import file validated on its own, with the rules the quarter form uses:
 * field formats, catalog membership, unit, the shared value rules.
 */
import { z } from "zod";
import {
  HttpUrlSchema,
  MetricKeySchema,
  optionalField,
  PartialDateSchema,
  QualifierSchema,
  QuarterCodeSchema,
  requiredText,
  SlugSchema,
} from "@/lib/domain/fields";
import { validateMetricValue } from "@/lib/domain/metric-value-rules";
import { normalizeQuarterText } from "@/lib/domain/quarter-text";
import type { MetricDTO } from "@/lib/domain/types";
import { type LongColumn, REVISION_STATUSES } from "./export-format";
import type { ImportRecord, ImportShape, RowRejection } from "./import-file";
import type { ImportRow } from "./import-types";
import { type ImportReasonCode, reason, type WordParams } from "./import-words";

/** Columns an export computes and an import ignores: they are derived again from the values. */
export const DERIVED_COLUMNS: readonly LongColumn[] = [
  "metric_label",
  "yoy_pct",
  "yoy_pp",
  "restated",
  "qoq_pct",
  "qoq_pp",
  "ttm",
  "period_end",
];

const TextFieldsSchema = z.object({
  brand: SlugSchema,
  metric: MetricKeySchema,
  // "Q4 2025", as the app displays quarters, is read as 2025Q4.
  quarter: z.preprocess(normalizeQuarterText, QuarterCodeSchema),
  qualifier: QualifierSchema,
  source_title: optionalField(requiredText(500)),
  source_url: optionalField(HttpUrlSchema),
  source_date: optionalField(PartialDateSchema),
  quote: optionalField(requiredText(4000)),
  note: optionalField(requiredText(1000)),
});

const HistoryFieldsSchema = z.object({
  revision: z
    .string()
    .trim()
    .regex(/^[1-9]\d{0,5}$/, { message: "must be a revision number (1, 2, ...)" })
    .transform(Number),
  status: z.enum(REVISION_STATUSES, {
    message: `must be one of ${REVISION_STATUSES.join(", ")}`,
  }),
});

/** The refused cell as the file has it, so the preview can show what is wrong (cut if long). */
function cellValue(cells: Readonly<Record<string, string>>, column: string): { value?: string } {
  const value = cells[column];
  if (value === undefined) return {};
  return { value: value.length > 80 ? `${value.slice(0, 80)}…` : value };
}

export interface ImportCatalog {
  brands: readonly string[];
  metrics: readonly MetricDTO[];
  /** Each brand's own metric set, by slug; a brand without one takes the whole catalog. */
  brandMetrics?: ReadonlyMap<string, readonly string[]>;
}

/** Validates each record on its own: field formats, catalog membership, unit, value rules. */
export function validateImportRecords(
  shape: ImportShape,
  records: readonly ImportRecord[],
  catalog: ImportCatalog,
): { rows: ImportRow[]; rejected: RowRejection[] } {
  const brands = new Set(catalog.brands);
  const metrics = new Map(catalog.metrics.map((metric) => [metric.key, metric]));
  const rows: ImportRow[] = [];
  const rejected: RowRejection[] = [];
  for (const { row, cells } of records) {
    const problems: RowRejection[] = [];
    const reject = (column: string, message: string) =>
      problems.push({ row, column, message, ...cellValue(cells, column) });
    const rejectFor = (column: string, code: ImportReasonCode, params?: WordParams) =>
      problems.push({ row, column, ...reason(code, params), ...cellValue(cells, column) });

    const fields = TextFieldsSchema.safeParse(cells);
    if (!fields.success) {
      for (const issue of fields.error.issues) reject(String(issue.path[0]), issue.message);
    }
    let history: z.infer<typeof HistoryFieldsSchema> | null = null;
    if (shape === "history") {
      const parsed = HistoryFieldsSchema.safeParse({
        revision: cells.revision,
        status: cells.status,
      });
      if (parsed.success) history = parsed.data;
      else
        for (const issue of parsed.error.issues) {
          if (issue.path[0] === "revision") rejectFor("revision", "revisionNumber");
          else rejectFor("status", "statusOneOf", { statuses: REVISION_STATUSES.join(", ") });
        }
    }

    const brandKey = cells.brand.trim();
    const metricKey = cells.metric.trim();
    if (fields.success && !brands.has(brandKey)) {
      rejectFor("brand", "unknownBrand", { brand: brandKey, known: [...brands].join(", ") });
    }
    const metric = metrics.get(metricKey);
    if (fields.success && !metric) {
      rejectFor("metric", "unknownMetric", { metric: metricKey });
    }
    const tracked = catalog.brandMetrics?.get(brandKey) ?? [];
    if (fields.success && metric && tracked.length > 0 && !tracked.includes(metric.key)) {
      rejectFor("metric", "untrackedMetric", {
        metric: metricKey,
        brand: brandKey,
        tracked: tracked.join(", "),
      });
    }
    if (metric && cells.unit.trim() !== metric.unit) {
      rejectFor("unit", "wrongUnit", {
        unit: cells.unit,
        metric: metric.key,
        expected: metric.unit,
      });
    }

    let value: number | null = null;
    let decimals = 0;
    const literal = cells.value.trim();
    if (literal === "") {
      // In a history file an empty value is a withdrawal: the quarter became a gap again.
      if (shape === "long") rejectFor("value", "valueRequired");
    } else if (metric) {
      const check = validateMetricValue(metric, literal);
      if (check.ok) {
        value = check.value;
        decimals = check.decimals;
      } else reject("value", check.message);
    }
    const sourceTitle = fields.success ? (fields.data.source_title ?? null) : null;
    if (literal !== "" && fields.success && sourceTitle === null) {
      rejectFor("source_title", "sourceRequired");
    }
    if (
      fields.success &&
      sourceTitle === null &&
      (fields.data.source_url || fields.data.source_date)
    ) {
      rejectFor("source_title", "sourceRequiredWithAddress");
    }

    if (problems.length > 0 || !fields.success) {
      rejected.push(...problems);
      continue;
    }
    rows.push({
      row,
      brand: fields.data.brand,
      metric: fields.data.metric,
      quarter: fields.data.quarter,
      value,
      decimals,
      qualifier: fields.data.qualifier,
      sourceTitle,
      sourceUrl: fields.data.source_url ?? null,
      sourceDate: fields.data.source_date ?? null,
      quote: fields.data.quote ?? null,
      note: fields.data.note ?? null,
      revision: history?.revision ?? null,
      status: history?.status ?? null,
    });
  }
  return { rows, rejected };
}
