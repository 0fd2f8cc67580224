/**
 * What an import would do, decided before anything is written: every row is validated with the
 * rules the quarter form uses, then compared with the stored figures. The result is the preview
 * an editor confirms (rows to add, restatements old -> new, unchanged rows, rejected rows), and
 * the same function run again at confirmation tells whether the data moved in between.
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
import type { QuarterCode } from "@/lib/domain/quarter";
import type { MetricDTO, Qualifier } from "@/lib/domain/types";
import {
  type ExportObservation,
  type LongColumn,
  REVISION_STATUSES,
  type RevisionStatus,
} from "./export-format";
import type { ImportRecord, ImportShape, RowRejection } from "./import-file";

/** A stored revision, as the import compares with it: the same fields an export writes. */
export type StoredRevision = ExportObservation;

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

export interface ImportRow extends FigureContent {
  row: number;
  brand: string;
  metric: string;
  quarter: QuarterCode;
  /** History files only: the revision number and whether it is the current one. */
  revision: number | null;
  status: RevisionStatus | null;
}

export interface PlannedWrite extends FigureContent {
  row: number;
  /** add: the quarter has no figure; restate: it replaces one; withdraw: it removes one. */
  kind: "add" | "restate" | "withdraw";
  brand: string;
  metric: string;
  quarter: QuarterCode;
  /** The revision number this write will get; checked again when it is applied. */
  revision: number;
  /** The figure it supersedes, for restatements (old -> new). */
  before: {
    revision: number;
    value: number | null;
    decimals: number;
    qualifier: Qualifier;
    sourceTitle: string | null;
  } | null;
}

export interface ImportPlan {
  shape: ImportShape;
  rowCount: number;
  /** In file order: applying them in this order replays a history file's revisions. */
  writes: PlannedWrite[];
  unchanged: { row: number; brand: string; metric: string; quarter: QuarterCode }[];
  rejected: RowRejection[];
}

/** Columns an export computes and an import ignores: they are derived again from the values. */
export const DERIVED_COLUMNS: readonly LongColumn[] = [
  "metric_label",
  "yoy_pct",
  "yoy_pp",
  "restated",
];

const TextFieldsSchema = z.object({
  brand: SlugSchema,
  metric: MetricKeySchema,
  quarter: QuarterCodeSchema,
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

export interface ImportCatalog {
  brands: readonly string[];
  metrics: readonly MetricDTO[];
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
    const reject = (column: string, message: string) => problems.push({ row, column, message });

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
      else for (const issue of parsed.error.issues) reject(String(issue.path[0]), issue.message);
    }

    const brandKey = cells.brand.trim();
    const metricKey = cells.metric.trim();
    if (fields.success && !brands.has(brandKey)) {
      reject(
        "brand",
        `"${brandKey}" is not a brand in the catalog (known: ${[...brands].join(", ")})`,
      );
    }
    const metric = metrics.get(metricKey);
    if (fields.success && !metric) {
      reject("metric", `"${metricKey}" is not a metric in the catalog`);
    }
    if (metric && cells.unit.trim() !== metric.unit) {
      reject(
        "unit",
        `is "${cells.unit}", but ${metric.key} is stored in ${metric.unit}; convert the values or correct the unit`,
      );
    }

    let value: number | null = null;
    let decimals = 0;
    const literal = cells.value.trim();
    if (literal === "") {
      // In a history file an empty value is a withdrawal: the quarter became a gap again.
      if (shape === "long") reject("value", "is required");
    } else if (metric) {
      const check = validateMetricValue(metric, literal);
      if (check.ok) {
        value = check.value;
        decimals = check.decimals;
      } else reject("value", check.message);
    }
    const sourceTitle = fields.success ? (fields.data.source_title ?? null) : null;
    if (literal !== "" && fields.success && sourceTitle === null) {
      reject("source_title", "is required: every figure needs the source it was taken from");
    }
    if (
      fields.success &&
      sourceTitle === null &&
      (fields.data.source_url || fields.data.source_date)
    ) {
      reject("source_title", "is required when a source address or date is given");
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

export function figureKey(figure: { brand: string; metric: string; quarter: string }): string {
  return `${figure.brand}/${figure.metric}/${figure.quarter}`;
}

/** Whether two revisions say the same thing with the same evidence. */
export function sameContent(a: FigureContent, b: FigureContent): boolean {
  return (
    a.value === b.value &&
    (a.value === null || a.decimals === b.decimals) &&
    a.qualifier === b.qualifier &&
    a.sourceTitle === b.sourceTitle &&
    a.sourceUrl === b.sourceUrl &&
    a.sourceDate === b.sourceDate &&
    a.quote === b.quote &&
    a.note === b.note
  );
}

function content(figure: FigureContent): FigureContent {
  return {
    value: figure.value,
    decimals: figure.value === null ? 0 : figure.decimals,
    qualifier: figure.qualifier,
    sourceTitle: figure.sourceTitle,
    sourceUrl: figure.sourceUrl,
    sourceDate: figure.sourceDate,
    quote: figure.quote,
    note: figure.note,
  };
}

function describeBefore(figure: FigureContent & { revision: number }): PlannedWrite["before"] {
  return {
    revision: figure.revision,
    value: figure.value,
    decimals: figure.decimals,
    qualifier: figure.qualifier,
    sourceTitle: figure.sourceTitle,
  };
}

function keyColumns(shape: ImportShape): string {
  return shape === "history" ? "brand, metric, quarter, revision" : "brand, metric, quarter";
}

/**
 * Decides each valid row's fate against the stored revisions (`stored`: every revision of the
 * figures the file mentions, by figureKey, oldest first).
 *
 * A plain long file states current figures: a quarter without a figure gets one (add), a
 * different figure is restated (a new revision; the old stays as history), the same figure with
 * the same source is left alone. A history file replays revisions by number: revisions already
 * stored must match the file exactly, and new ones must continue the numbering, so importing an
 * export with history=1 into an empty database rebuilds the same revisions.
 */
export function planImport(
  shape: ImportShape,
  rowCount: number,
  validated: { rows: readonly ImportRow[]; rejected: readonly RowRejection[] },
  stored: ReadonlyMap<string, readonly StoredRevision[]>,
): ImportPlan {
  const rejected: RowRejection[] = [...validated.rejected];
  const writes: PlannedWrite[] = [];
  const unchanged: ImportPlan["unchanged"] = [];

  // Duplicates first: of two rows for the same figure neither can be trusted to be the right one.
  const firstRow = new Map<string, number>();
  const duplicated = new Set<number>();
  for (const row of validated.rows) {
    const key = shape === "history" ? `${figureKey(row)}#${row.revision}` : figureKey(row);
    const first = firstRow.get(key);
    if (first === undefined) firstRow.set(key, row.row);
    else {
      duplicated.add(row.row);
      rejected.push({
        row: row.row,
        column: keyColumns(shape),
        message: `repeats row ${first} (the same ${keyColumns(shape)}); keep one of them`,
      });
    }
  }
  const rows = validated.rows.filter((row) => !duplicated.has(row.row));

  if (shape === "long") {
    for (const row of rows) {
      const revisions = stored.get(figureKey(row)) ?? [];
      const latest = revisions.at(-1);
      const current = revisions.find((revision) => revision.isCurrent && revision.value !== null);
      if (current && sameContent(content(current), content(row))) {
        unchanged.push({
          row: row.row,
          brand: row.brand,
          metric: row.metric,
          quarter: row.quarter,
        });
        continue;
      }
      writes.push({
        ...content(row),
        row: row.row,
        kind: current ? "restate" : "add",
        brand: row.brand,
        metric: row.metric,
        quarter: row.quarter,
        revision: (latest?.revision ?? 0) + 1,
        before: current ? describeBefore(current) : null,
      });
    }
  } else {
    planHistory(rows, stored, writes, unchanged, rejected);
  }
  rejected.sort((a, b) => a.row - b.row || a.column.localeCompare(b.column));
  writes.sort((a, b) => a.row - b.row);
  unchanged.sort((a, b) => a.row - b.row);
  return { shape, rowCount, writes, unchanged, rejected };
}

function planHistory(
  rows: readonly ImportRow[],
  stored: ReadonlyMap<string, readonly StoredRevision[]>,
  writes: PlannedWrite[],
  unchanged: ImportPlan["unchanged"],
  rejected: RowRejection[],
): void {
  const byFigure = new Map<string, ImportRow[]>();
  for (const row of rows) {
    const list = byFigure.get(figureKey(row)) ?? [];
    list.push(row);
    byFigure.set(figureKey(row), list);
  }
  for (const [key, fileRows] of byFigure) {
    const revisions = stored.get(key) ?? [];
    const storedMax = revisions.at(-1)?.revision ?? 0;
    const problems: RowRejection[] = [];
    let previous: (FigureContent & { revision: number }) | null =
      revisions.find((revision) => revision.isCurrent) ?? null;
    let expected = storedMax + 1;
    let lastRevision = 0;
    const planned: PlannedWrite[] = [];
    const same: ImportPlan["unchanged"] = [];
    const highest = Math.max(...fileRows.map((row) => row.revision ?? 0));
    for (const row of fileRows) {
      const revision = row.revision ?? 0;
      const reject = (column: string, message: string) =>
        problems.push({ row: row.row, column, message });
      if (revision <= lastRevision) {
        reject(
          "revision",
          `comes after revision ${lastRevision} of the same figure; list revisions oldest first`,
        );
        continue;
      }
      lastRevision = revision;
      const wantStatus: RevisionStatus =
        revision === Math.max(highest, storedMax) ? "current" : "superseded";
      if (row.status !== wantStatus) {
        reject(
          "status",
          wantStatus === "current"
            ? `is "${row.status}", but revision ${revision} is the latest of this figure, so it is current`
            : `is "${row.status}", but revision ${Math.max(highest, storedMax)} of this figure is the current one`,
        );
        continue;
      }
      const existing = revisions.find((stored) => stored.revision === revision);
      if (existing) {
        if (sameContent(content(existing), content(row))) {
          same.push({ row: row.row, brand: row.brand, metric: row.metric, quarter: row.quarter });
        } else {
          reject(
            "revision",
            `revision ${revision} of this figure is already stored with different content (value ${existing.value ?? "withdrawn"}); to restate it, import the new figure without the revision and status columns`,
          );
        }
        continue;
      }
      if (revision !== expected) {
        reject(
          "revision",
          expected === 1
            ? `is ${revision}, but this figure has no stored revisions: the file must start at revision 1`
            : `is ${revision}, but the next revision of this figure is ${expected}`,
        );
        continue;
      }
      const replaces = previous !== null && previous.value !== null;
      const write: PlannedWrite = {
        ...content(row),
        row: row.row,
        kind: row.value === null ? "withdraw" : replaces ? "restate" : "add",
        brand: row.brand,
        metric: row.metric,
        quarter: row.quarter,
        revision,
        before: previous !== null && replaces ? describeBefore(previous) : null,
      };
      planned.push(write);
      previous = { ...content(row), revision };
      expected++;
    }
    // A figure with a rejected revision is shown by its rejections alone: its other rows are
    // not a plan anyone can confirm.
    if (problems.length > 0) rejected.push(...problems);
    else {
      writes.push(...planned);
      unchanged.push(...same);
    }
  }
}
