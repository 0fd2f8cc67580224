import "server-only";
import type { ClaimImportPlan } from "@/lib/csv/claims-import";
import type { ImportPlan } from "@/lib/csv/import-plan";
import type { ImportKind } from "@/lib/csv/import-types";
import { getReadDb } from "@/lib/db";

export interface ImportBatchSummaryDTO {
  id: number;
  kind: ImportKind;
  fileName: string;
  createdAt: string;
  createdBy: string;
  status: string;
  rowCount: number;
  rejectedCount: number;
  appliedAt: string | null;
  appliedBy: string | null;
}

export type ImportBatchDTO = ImportBatchSummaryDTO & { planChecksum: string } & (
    | { kind: "figures"; plan: ImportPlan }
    | { kind: "claims"; plan: ClaimImportPlan }
  );

const summarySelect = {
  id: true,
  kind: true,
  fileName: true,
  createdAt: true,
  createdBy: true,
  status: true,
  rowCount: true,
  rejectedCount: true,
  appliedAt: true,
  appliedBy: true,
} as const;

function toSummary(row: {
  id: number;
  kind: string;
  fileName: string;
  createdAt: Date;
  createdBy: string;
  status: string;
  rowCount: number;
  rejectedCount: number;
  appliedAt: Date | null;
  appliedBy: string | null;
}): ImportBatchSummaryDTO {
  return {
    ...row,
    kind: row.kind === "claims" ? "claims" : "figures",
    createdAt: row.createdAt.toISOString(),
    appliedAt: row.appliedAt?.toISOString() ?? null,
  };
}

export async function getImportBatch(id: number): Promise<ImportBatchDTO | null> {
  const row = await getReadDb().importBatch.findUnique({
    where: { id },
    select: { ...summarySelect, plan: true, planChecksum: true },
  });
  if (!row) return null;
  const { plan, planChecksum, ...summary } = row;
  const base = { ...toSummary(summary), planChecksum };
  return base.kind === "claims"
    ? { ...base, kind: "claims", plan: JSON.parse(plan) as ClaimImportPlan }
    : { ...base, kind: "figures", plan: JSON.parse(plan) as ImportPlan };
}

/** The latest imports, of one kind or of both. */
export async function listImportBatches(
  limit = 10,
  kind?: ImportKind,
): Promise<ImportBatchSummaryDTO[]> {
  const rows = await getReadDb().importBatch.findMany({
    ...(kind ? { where: { kind } } : {}),
    select: summarySelect,
    orderBy: { id: "desc" },
    take: limit,
  });
  return rows.map(toSummary);
}
