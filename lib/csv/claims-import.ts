/**
 * A claims import, planned before anything is written: each row of a file in the columns of
 * data/claims.csv (or of /api/claims/export, whose verdict columns are computed and ignored) is
 * validated with the claim form's schema and the catalog, then compared with the stored claims.
 * The file itself is read by the figures' reader (import-file.ts), with this layout.
 */
import {
  CLAIM_FIELDS,
  type ClaimField,
  type ClaimInput,
  ClaimInputSchema,
} from "@/lib/domain/claim-input";
import { decimalsOf } from "@/lib/domain/kpi";
import type { Locale } from "@/lib/domain/locale";
import { formatValueCell } from "./cells";
import { CLAIM_COLUMNS, VERDICT_COLUMNS } from "./claims-export";
import { type CsvLayout, type RowRejection, readCsvFile } from "./import-file";
import { type ImportReasonCode, reason, WHOLE_ROW, type WordParams } from "./import-words";

export type ClaimColumn = (typeof CLAIM_COLUMNS)[number] | (typeof VERDICT_COLUMNS)[number];
/** claims: the columns of data/claims.csv; export: those of /api/claims/export. */
export type ClaimImportShape = "claims" | "export";

const CLAIMS_LAYOUT: CsvLayout<ClaimColumn, ClaimImportShape> = {
  shapes: [
    { shape: "claims", columns: CLAIM_COLUMNS, describe: "claims" },
    { shape: "export", columns: [...CLAIM_COLUMNS, ...VERDICT_COLUMNS], describe: "claimsExport" },
  ],
  rowNoun: "claims",
};

export function readClaimsImportFile(bytes: Uint8Array, locale: Locale = "en") {
  return readCsvFile(bytes, CLAIMS_LAYOUT, locale);
}

/** Where each field of the claim form is in the file. */
export const CLAIM_FIELD_COLUMNS: Record<ClaimField | "brand", ClaimColumn> = {
  brand: "brand",
  claimantKind: "claimant_kind",
  claimant: "claimant",
  sourceTitle: "source_title",
  sourceUrl: "source_url",
  sourcePublishedOn: "published_on",
  quote: "quote",
  metric: "metric",
  quarter: "quarter",
  kind: "kind",
  comparison: "comparison",
  statedValue: "stated_value",
  statedUnit: "stated_unit",
  hedge: "hedge",
  relativeMetric: "relative_to",
  note: "note",
};

/** How a claim is named in a file exported from another Pulse: kept, so its links still work. */
const CLAIM_UID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

export interface PlannedClaim {
  row: number;
  /** The claim_uid the file gives, or null: a new uid is made when it is written. */
  uid: string | null;
  claim: ClaimInput;
}

export interface ClaimImportPlan {
  shape: ClaimImportShape;
  rowCount: number;
  writes: PlannedClaim[];
  /** Rows that say exactly what a stored claim says: skipped, so re-importing an export adds nothing. */
  unchanged: { row: number; uid: string }[];
  rejected: RowRejection[];
}

export interface ClaimImportCatalog {
  brands: ReadonlySet<string>;
  metrics: ReadonlySet<string>;
}

/** The current revision of a stored claim, as the import compares with it. */
export interface StoredClaim {
  uid: string;
  claim: ClaimInput;
}

/**
 * What makes two claims the same statement: every field the form takes, the stated number by
 * value and digits ("8.2" is not "8.20"), and the metric a share is of (the only kind that keeps it).
 */
export function claimContentKey(claim: ClaimInput): string {
  const stated = formatValueCell(Number(claim.statedValue), decimalsOf(claim.statedValue));
  return JSON.stringify([
    claim.brand,
    claim.claimantKind,
    claim.claimant,
    claim.sourceTitle,
    claim.sourceUrl ?? null,
    claim.sourcePublishedOn ?? null,
    claim.quote,
    claim.metric,
    claim.quarter ?? null,
    claim.kind,
    claim.comparison ?? null,
    stated,
    claim.statedUnit,
    claim.hedge,
    claim.kind === "share" ? (claim.relativeMetric ?? null) : null,
    claim.note ?? null,
  ]);
}

function shown(value: string | undefined): { value?: string } {
  if (value === undefined) return {};
  return { value: value.length > 80 ? `${value.slice(0, 80)}…` : value };
}

/** One record checked with the claim form's schema and the catalog: the claim, or its problems. */
export function validateClaimRecord(
  record: { row: number; cells: Readonly<Record<ClaimColumn, string>> },
  catalog: ClaimImportCatalog,
): { ok: true; claim: ClaimInput } | { ok: false; rejected: RowRejection[] } {
  const { row, cells } = record;
  const values: Record<string, string> = { brand: cells.brand };
  for (const field of CLAIM_FIELDS) values[field] = cells[CLAIM_FIELD_COLUMNS[field]] ?? "";
  const rejected: RowRejection[] = [];
  const reject = (
    field: ClaimField | "brand",
    said: { message: string; code?: ImportReasonCode; params?: WordParams },
  ) => {
    const column = CLAIM_FIELD_COLUMNS[field];
    if (rejected.some((problem) => problem.column === column)) return;
    rejected.push({ row, column, ...said, ...shown(cells[column]) });
  };
  const parsed = ClaimInputSchema.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (typeof field === "string" && field in CLAIM_FIELD_COLUMNS) {
        reject(field as ClaimField | "brand", { message: issue.message });
      }
    }
    return { ok: false, rejected };
  }
  const claim = parsed.data;
  if (!catalog.brands.has(claim.brand)) reject("brand", reason("claimUnknownBrand"));
  if (!catalog.metrics.has(claim.metric)) reject("metric", reason("claimUnknownMetric"));
  if (claim.relativeMetric !== undefined && !catalog.metrics.has(claim.relativeMetric)) {
    reject("relativeMetric", reason("claimUnknownMetric"));
  }
  return rejected.length > 0 ? { ok: false, rejected } : { ok: true, claim };
}

/**
 * Decides each row's fate. A row saying exactly what a stored current claim of its brand says is
 * unchanged (so an exported file imported again adds nothing); any other valid row is a new claim.
 * A claim_uid (export files) keeps the claim's identity: a stored uid must still say the same,
 * since an import adds claims and never revises one (that is the edit form's job, with its
 * concurrent-edit check).
 */
export function planClaimImport(
  file: {
    shape: ClaimImportShape;
    records: readonly { row: number; cells: Readonly<Record<ClaimColumn, string>> }[];
    rejected: readonly RowRejection[];
  },
  catalog: ClaimImportCatalog,
  stored: readonly StoredClaim[],
): ClaimImportPlan {
  const byUid = new Map(stored.map((claim) => [claim.uid, claim]));
  const byContent = new Map(stored.map((claim) => [claimContentKey(claim.claim), claim.uid]));
  const rejected: RowRejection[] = [...file.rejected];
  const writes: PlannedClaim[] = [];
  const unchanged: ClaimImportPlan["unchanged"] = [];
  const firstByContent = new Map<string, number>();
  const firstByUid = new Map<string, number>();

  for (const record of file.records) {
    const rawUid = file.shape === "export" ? record.cells.claim_uid.trim() : "";
    const checked = validateClaimRecord(record, catalog);
    const problems = checked.ok ? [] : [...checked.rejected];
    if (rawUid !== "" && !CLAIM_UID.test(rawUid)) {
      problems.push({
        row: record.row,
        column: "claim_uid",
        ...reason("claimUid"),
        ...shown(rawUid),
      });
    }
    if (!checked.ok || problems.length > 0) {
      rejected.push(...problems);
      continue;
    }
    const { claim } = checked;
    const key = claimContentKey(claim);
    const uid = rawUid === "" ? null : rawUid;

    const repeats = firstByContent.get(key) ?? (uid ? firstByUid.get(uid) : undefined);
    if (repeats !== undefined) {
      rejected.push({
        row: record.row,
        column: uid && firstByUid.has(uid) ? "claim_uid" : WHOLE_ROW,
        ...reason("claimRepeats", { first: repeats }),
        ...(uid && firstByUid.has(uid) ? shown(uid) : {}),
      });
      continue;
    }
    firstByContent.set(key, record.row);
    if (uid) firstByUid.set(uid, record.row);

    const storedUid = uid ? byUid.get(uid) : undefined;
    if (uid && storedUid) {
      if (claimContentKey(storedUid.claim) === key) unchanged.push({ row: record.row, uid });
      else
        rejected.push({
          row: record.row,
          column: "claim_uid",
          ...reason("claimChanged", { uid }),
          ...shown(uid),
        });
      continue;
    }
    const same = byContent.get(key);
    if (same !== undefined) {
      unchanged.push({ row: record.row, uid: same });
      continue;
    }
    writes.push({ row: record.row, uid, claim });
  }
  rejected.sort((a, b) => a.row - b.row || a.column.localeCompare(b.column));
  return {
    shape: file.shape,
    rowCount: file.records.length + file.rejected.length,
    writes,
    unchanged,
    rejected,
  };
}
