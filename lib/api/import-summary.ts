import { rejectionText } from "@/lib/csv/import-words";
import { changeMagnitude } from "@/lib/domain/kpi";
import type { Locale } from "@/lib/domain/locale";
import type { ImportBatchDTO } from "@/lib/queries/import-batches";

/** More rejected rows than anyone reads in one answer; the count says how many there are. */
const REJECTED_LISTED = 1_000;

/**
 * A pending import as the API reports it: the preview's counts (what the import page shows),
 * the rejected rows with row, column and reason (in `locale`), and what confirming it needs.
 */
export function importSummary(batch: ImportBatchDTO, locale: Locale = "en") {
  const { plan } = batch;
  // A claims import only adds claims: it never restates or withdraws one.
  const writes = (kind: "add" | "restate" | "withdraw") =>
    batch.kind === "claims"
      ? kind === "add"
        ? batch.plan.writes.length
        : 0
      : batch.plan.writes.filter((write) => write.kind === kind).length;
  // The quarter form's "unusual change" step applies to figures; a claim has no YoY of its own.
  const unusual = batch.kind === "figures" ? (batch.plan.unusual ?? []) : [];
  const canConfirm = batch.status === "pending" && plan.rejected.length === 0;
  return {
    id: batch.id,
    kind: batch.kind,
    fileName: batch.fileName,
    status: batch.status,
    createdAt: batch.createdAt,
    createdBy: batch.createdBy,
    appliedAt: batch.appliedAt,
    appliedBy: batch.appliedBy,
    rows: batch.rowCount,
    adds: writes("add"),
    restatements: writes("restate"),
    withdrawals: writes("withdraw"),
    unchanged: plan.unchanged.length,
    rejectedCount: plan.rejected.length,
    rejected: plan.rejected.slice(0, REJECTED_LISTED).map((rejection) => ({
      row: rejection.row,
      column: rejection.column,
      reason: rejectionText(rejection, locale),
    })),
    // The quarter form's "unusual change" step: confirming needs unusualChangesChecked: true.
    unusual: unusual.map((item) => ({
      row: item.row,
      brand: item.brand,
      metric: item.metric,
      quarter: item.quarter,
      baseQuarter: item.baseQuarter,
      yoy: changeMagnitude(item.change),
      yoyUnit: item.change.kind === "points" ? "pp" : "%",
      unitSlip: item.unitSlip,
    })),
    planChecksum: batch.planChecksum,
    canConfirm,
    confirm: canConfirm
      ? {
          method: "POST",
          url: `/api/imports/${batch.id}/confirm`,
          body:
            unusual.length > 0
              ? { planChecksum: batch.planChecksum, unusualChangesChecked: true }
              : { planChecksum: batch.planChecksum },
        }
      : null,
  };
}
