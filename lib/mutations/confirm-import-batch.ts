import "server-only";
import { getWriteDb } from "@/lib/db";
import { appendObservationRevision } from "./append-observation-revision";
import { findOrCreateSource, sourceFingerprint } from "./find-or-create-source";
import { planImportFile } from "./plan-import-file";

export type ConfirmImportResult =
  | { kind: "applied"; writes: number }
  | { kind: "already-applied" }
  | { kind: "not-pending"; status: string }
  | { kind: "has-rejections"; rejected: number }
  /** The data (or the preview) changed since the editor looked: the preview was redone instead. */
  | { kind: "stale" }
  | { kind: "not-found" };

export class ImportConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportConflictError";
  }
}

/**
 * Applies a pending import: validated again against the current data inside the transaction that
 * writes it, so what is written is what the editor saw or nothing is. Every figure gets its
 * revision and its audit row (action "import") in that one transaction; the batch is marked
 * applied in it too, so confirming twice applies once.
 */
export async function confirmImportBatch(input: {
  id: number;
  planChecksum: string;
  actor: string;
  now?: Date;
}): Promise<ConfirmImportResult> {
  const at = input.now ?? new Date();
  return getWriteDb().$transaction(
    async (tx): Promise<ConfirmImportResult> => {
      const batch = await tx.importBatch.findUnique({ where: { id: input.id } });
      if (!batch) return { kind: "not-found" };
      if (batch.status === "applied") return { kind: "already-applied" };
      if (batch.status !== "pending") return { kind: "not-pending", status: batch.status };
      if (batch.rejectedCount > 0) return { kind: "has-rejections", rejected: batch.rejectedCount };
      if (batch.planChecksum !== input.planChecksum) return { kind: "stale" };

      const planned = await planImportFile(tx, new TextEncoder().encode(batch.csv));
      if (!planned.ok) throw new ImportConflictError(planned.problems.join(" "));
      if (planned.planChecksum !== batch.planChecksum) {
        await tx.importBatch.update({
          where: { id: batch.id },
          data: {
            plan: JSON.stringify(planned.plan),
            planChecksum: planned.planChecksum,
            rejectedCount: planned.plan.rejected.length,
          },
        });
        return { kind: "stale" };
      }
      const claimed = await tx.importBatch.updateMany({
        where: { id: batch.id, status: "pending", planChecksum: input.planChecksum },
        data: { status: "applied", appliedAt: at, appliedBy: input.actor },
      });
      if (claimed.count !== 1) return { kind: "already-applied" };

      const sources = new Map<string, number>();
      for (const write of planned.plan.writes) {
        const brandId = planned.ids.brands.get(write.brand);
        const metricId = planned.ids.metrics.get(write.metric);
        if (brandId === undefined || metricId === undefined) {
          throw new ImportConflictError(
            `Row ${write.row}: ${write.brand}/${write.metric} vanished`,
          );
        }
        let sourceId: number | null = null;
        if (write.sourceTitle !== null) {
          const source = {
            title: write.sourceTitle,
            url: write.sourceUrl,
            publishedOn: write.sourceDate,
          };
          const fingerprint = sourceFingerprint(source);
          sourceId = sources.get(fingerprint) ?? (await findOrCreateSource(tx, source));
          sources.set(fingerprint, sourceId);
        }
        const appended = await appendObservationRevision(tx, {
          brandId,
          brandSlug: write.brand,
          metricId,
          metricKey: write.metric,
          quarter: write.quarter,
          value: write.value,
          decimals: write.decimals,
          qualifier: write.qualifier,
          sourceId,
          quote: write.quote,
          note: write.note,
          statedYoyPct: null,
          actor: input.actor,
          at,
          auditAction: "import",
        });
        if (appended.revision !== write.revision) {
          throw new ImportConflictError(
            `Row ${write.row}: expected revision ${write.revision}, got ${appended.revision}`,
          );
        }
      }
      return { kind: "applied", writes: planned.plan.writes.length };
    },
    { timeout: 600_000, maxWait: 30_000 },
  );
}
