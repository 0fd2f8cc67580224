/**
 * What an import would do, decided before anything is written: every row is validated with the
 * rules the quarter form uses (import-rows.ts), then compared with the stored figures. The result
 * is the preview an editor confirms (rows to add, restatements old -> new, unchanged rows,
 * rejected rows), and the same function run again at confirmation tells whether the data moved
 * in between.
 */

import type { MetricKind } from "@/lib/domain/types";
import { content, describeBefore, figureKey, sameContent } from "./import-content";
import type { ImportShape, RowRejection } from "./import-file";
import { planHistory } from "./import-history-plan";
import type { ImportPlan, ImportRow, PlannedWrite, StoredRevision } from "./import-types";
import { unusualImportChanges } from "./import-unusual";
import { reason } from "./import-words";

export { content, figureKey, sameContent } from "./import-content";
export { DERIVED_COLUMNS, type ImportCatalog, validateImportRecords } from "./import-rows";
export type {
  FigureContent,
  ImportPlan,
  ImportRow,
  PlannedWrite,
  StoredRevision,
} from "./import-types";
export type { UnusualChange } from "./import-unusual";

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
 *
 * With the metrics' kinds, the writes that leave an extreme YoY are listed for confirmation
 * (import-unusual.ts); `stored` then needs the year-ago quarters too.
 */
export function planImport(
  shape: ImportShape,
  rowCount: number,
  validated: { rows: readonly ImportRow[]; rejected: readonly RowRejection[] },
  stored: ReadonlyMap<string, readonly StoredRevision[]>,
  kinds: ReadonlyMap<string, MetricKind> = new Map(),
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
        ...reason("duplicateRow", { first, columns: keyColumns(shape) }),
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
  const unusual = unusualImportChanges(writes, stored, kinds);
  return { shape, rowCount, writes, unchanged, rejected, unusual };
}
