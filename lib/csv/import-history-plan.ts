/** A history file (export with history=1) replayed revision by revision against the stored ones. */
import type { RevisionStatus } from "./export-format";
import { content, describeBefore, figureKey, sameContent } from "./import-content";
import type { RowRejection } from "./import-file";
import type {
  FigureContent,
  ImportPlan,
  ImportRow,
  PlannedWrite,
  StoredRevision,
} from "./import-types";
import { reason } from "./import-words";

export function planHistory(
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
      const reject = (column: string, said: ReturnType<typeof reason>) =>
        problems.push({ row: row.row, column, ...said });
      if (revision <= lastRevision) {
        reject("revision", reason("revisionOrder", { last: lastRevision }));
        continue;
      }
      lastRevision = revision;
      const wantStatus: RevisionStatus =
        revision === Math.max(highest, storedMax) ? "current" : "superseded";
      if (row.status !== wantStatus) {
        reject(
          "status",
          wantStatus === "current"
            ? reason("statusLatest", { status: row.status ?? "", revision })
            : reason("statusSuperseded", {
                status: row.status ?? "",
                current: Math.max(highest, storedMax),
              }),
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
            reason("revisionConflict", {
              revision,
              value: existing.value ?? "",
              withdrawn: existing.value === null ? "yes" : "no",
            }),
          );
        }
        continue;
      }
      if (revision !== expected) {
        reject(
          "revision",
          expected === 1
            ? reason("revisionStart", { revision })
            : reason("revisionNext", { revision, expected }),
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
