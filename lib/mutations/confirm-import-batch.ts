import "server-only";
import { figureKey, type ImportPlan, type PlannedWrite } from "@/lib/csv/import-plan";
import { getWriteDb } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import { ImportConflictError } from "@/lib/errors";
import {
  appendObservationRevisions,
  type ObservationRevisionInput,
} from "./append-observation-revision";
import type { Tx } from "./audit";
import { applyClaimImport } from "./claims-import";
import { planBatchFile } from "./create-import-batch";
import { type SourceInput, sourceFingerprint } from "./find-or-create-source";
import { findOrCreateSources, insertNewFigures, type NewFigure } from "./insert-new-figures";
import type { CatalogIds } from "./plan-import-file";
import { writeTransaction } from "./write-transaction";

export type ConfirmImportResult =
  | { kind: "applied"; writes: number; brands: string[] }
  | { kind: "already-applied" }
  | { kind: "not-pending"; status: string }
  | { kind: "has-rejections"; rejected: number }
  /** The plan has extreme YoY changes and the editor did not confirm having checked them. */
  | { kind: "unusual-unconfirmed"; unusual: number }
  /** The data (or the preview) changed since the editor looked: the preview was redone instead. */
  | { kind: "stale" }
  | { kind: "not-found" };

function sourceOf(write: PlannedWrite): SourceInput | null {
  if (write.sourceTitle === null) return null;
  return { title: write.sourceTitle, url: write.sourceUrl, publishedOn: write.sourceDate };
}

/**
 * Applies a pending import: validated again against the current data inside the transaction that
 * writes it, so what is written is what the editor saw or nothing is. Every figure (or claim)
 * gets its revision and its audit row (action "import") in that one transaction, a claim its
 * verdict too; the batch is marked applied in it, so confirming twice applies once.
 */
export async function confirmImportBatch(input: {
  id: number;
  planChecksum: string;
  /** The editor checked the preview's unusual changes (the quarter form's confirmation step). */
  unusualConfirmed?: boolean;
  actor: Actor;
  now?: Date;
}): Promise<ConfirmImportResult> {
  const at = input.now ?? new Date();
  return writeTransaction(
    getWriteDb(),
    async (tx): Promise<ConfirmImportResult> => {
      const batch = await tx.importBatch.findUnique({ where: { id: input.id } });
      if (!batch) return { kind: "not-found" };
      if (batch.status === "applied") return { kind: "already-applied" };
      if (batch.status !== "pending") return { kind: "not-pending", status: batch.status };
      if (batch.rejectedCount > 0) return { kind: "has-rejections", rejected: batch.rejectedCount };
      if (batch.planChecksum !== input.planChecksum) return { kind: "stale" };

      const kind = batch.kind === "claims" ? "claims" : "figures";
      const planned = await planBatchFile(tx, kind, new TextEncoder().encode(batch.csv));
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
      // The same plan as the preview (checksums match), so these are the changes the editor saw.
      const unusual = planned.kind === "figures" ? (planned.plan.unusual?.length ?? 0) : 0;
      if (unusual > 0 && !input.unusualConfirmed) return { kind: "unusual-unconfirmed", unusual };
      const claimed = await tx.importBatch.updateMany({
        where: { id: batch.id, status: "pending", planChecksum: input.planChecksum },
        data: {
          status: "applied",
          appliedAt: at,
          appliedBy: input.actor.name,
          appliedById: input.actor.id,
        },
      });
      if (claimed.count !== 1) return { kind: "already-applied" };

      let brands: string[];
      if (planned.kind === "figures") {
        await applyFigureImport(tx, planned.plan, planned.ids, input.actor, at);
        brands = planned.plan.writes.map((write) => write.brand);
      } else {
        await applyClaimImport(tx, planned.plan, input.actor, at);
        brands = planned.plan.writes.map((write) => write.claim.brand);
      }
      return {
        kind: "applied",
        writes: planned.plan.writes.length,
        brands: [...new Set(brands)],
      };
    },
    { timeout: 600_000, maxWait: 30_000 },
  );
}

/** Writes a figures plan: new figures in bulk, revisions of stored ones one by one. */
async function applyFigureImport(
  tx: Tx,
  plan: ImportPlan,
  ids: CatalogIds,
  actor: Actor,
  at: Date,
): Promise<void> {
  const sourceIds = await findOrCreateSources(
    tx,
    plan.writes.flatMap((write) => {
      const source = sourceOf(write);
      return source ? [source] : [];
    }),
  );
  const sourceIdOf = (write: PlannedWrite): number | null => {
    const source = sourceOf(write);
    if (!source) return null;
    const id = sourceIds.get(sourceFingerprint(source));
    if (id === undefined) throw new ImportConflictError(`Row ${write.row}: source not stored`);
    return id;
  };
  const storedFields = (write: PlannedWrite) => ({
    value: write.value,
    decimals: write.decimals,
    qualifier: write.qualifier,
    sourceId: sourceIdOf(write),
    quote: write.quote,
    note: write.note,
  });
  const byFigure = new Map<string, PlannedWrite[]>();
  for (const write of plan.writes) {
    const key = figureKey(write);
    byFigure.set(key, [...(byFigure.get(key) ?? []), write]);
  }
  const newFigures: NewFigure[] = [];
  const revisions: {
    write: PlannedWrite;
    figure: Pick<
      ObservationRevisionInput,
      "brandId" | "brandSlug" | "metricId" | "metricKey" | "quarter"
    >;
  }[] = [];
  for (const writes of byFigure.values()) {
    const [first] = writes;
    if (!first) continue;
    const brandId = ids.brands.get(first.brand);
    const metricId = ids.metrics.get(first.metric);
    if (brandId === undefined || metricId === undefined) {
      throw new ImportConflictError(`Row ${first.row}: ${first.brand}/${first.metric} vanished`);
    }
    const figure = {
      brandId,
      brandSlug: first.brand,
      metricId,
      metricKey: first.metric,
      quarter: first.quarter,
    };
    // A figure with no stored revision (planned from revision 1) is written in bulk; one
    // that has history gets its revisions appended one by one, superseding the stored one.
    if (first.revision === 1) {
      writes.forEach((write, index) => {
        if (write.revision !== index + 1) {
          throw new ImportConflictError(`Row ${write.row}: revisions out of sequence`);
        }
      });
      newFigures.push({
        ...figure,
        revisions: writes.map(storedFields),
      });
      continue;
    }
    for (const write of writes) revisions.push({ write, figure });
  }
  const appended = await appendObservationRevisions(
    tx,
    revisions.map(({ write, figure }) => ({
      ...figure,
      ...storedFields(write),
      statedYoyPct: null,
      actor: actor,
      at,
      auditAction: "import" as const,
    })),
  );
  // A revision number other than planned means the figure changed since the preview: the
  // transaction is rolled back with everything written above.
  revisions.forEach(({ write }, index) => {
    const revision = appended[index]?.revision;
    if (revision !== write.revision) {
      throw new ImportConflictError(
        `Row ${write.row}: expected revision ${write.revision}, got ${revision}`,
      );
    }
  });
  await insertNewFigures(tx, newFigures, { actor, at, auditAction: "import" });
}
