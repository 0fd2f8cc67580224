import "server-only";
import type { ImportPlan } from "@/lib/csv/import-plan";
import { getReadDb } from "@/lib/db";

export interface ImportBatchSummaryDTO {
  id: number;
  fileName: string;
  createdAt: string;
  createdBy: string;
  status: string;
  rowCount: number;
  rejectedCount: number;
  appliedAt: string | null;
  appliedBy: string | null;
}

export interface ImportBatchDTO extends ImportBatchSummaryDTO {
  plan: ImportPlan;
  planChecksum: string;
}

const summarySelect = {
  id: true,
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
  return { ...toSummary(summary), plan: JSON.parse(plan) as ImportPlan, planChecksum };
}

export async function listImportBatches(limit = 10): Promise<ImportBatchSummaryDTO[]> {
  const rows = await getReadDb().importBatch.findMany({
    select: summarySelect,
    orderBy: { id: "desc" },
    take: limit,
  });
  return rows.map(toSummary);
}
