/** The shapes an import is planned in: rows read from the file, planned writes, the plan. */
import type { QuarterCode } from "@/lib/domain/quarter";
import type { Qualifier } from "@/lib/domain/types";
import type { ExportObservation, FigureContent, RevisionStatus } from "./export-format";
import type { ImportShape, RowRejection } from "./import-file";
import type { UnusualChange } from "./import-unusual";

/** What an import file holds; stored on its ImportBatch, which says how it is planned and applied. */
export const IMPORT_KINDS = ["figures", "claims"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** The page each kind of file is uploaded on (the preview, /import/<id>, is the same for both). */
export function importUploadPath(kind: ImportKind): string {
  return kind === "claims" ? "/claims/import" : "/import";
}

/** A stored revision, as the import compares with it: the same fields an export writes. */
export type StoredRevision = ExportObservation;

export type { FigureContent };

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
  /**
   * Extreme year-over-year changes the writes would make: the batch is applied only when the
   * editor confirms having checked them. Absent in plans stored before the check existed.
   */
  unusual?: UnusualChange[];
}
