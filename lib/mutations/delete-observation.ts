import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { getWriteDb } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import type { QuarterCode } from "@/lib/domain/quarter";
import type { Qualifier } from "@/lib/domain/types";
import { StaleFigureError, UnknownReferenceError } from "@/lib/errors";
import { appendObservationRevision } from "./append-observation-revision";
import { runWriteTransaction } from "./write-transaction";

export interface DeleteObservationInput {
  brand: string;
  metricKey: string;
  quarter: QuarterCode;
  /** Why the figure is withdrawn; stored as the withdrawal's note and shown with the history. */
  reason: string;
  /** The revision the editor saw and confirmed withdrawing. */
  expectedRevision: number;
  actor: Actor;
  at?: Date;
}

/**
 * Withdraws a figure: appends a revision without a value, so the quarter becomes a gap while
 * every earlier value stays in the history, with the audit row in the same transaction. Refused
 * when the current figure is not the revision the editor confirmed (restated or withdrawn since).
 */
export async function deleteObservation(
  input: DeleteObservationInput,
  db: PrismaClient = getWriteDb(),
): Promise<{ revision: number }> {
  const at = input.at ?? new Date();
  return runWriteTransaction(db, async (tx) => {
    const brand = await tx.brand.findUnique({ where: { slug: input.brand }, select: { id: true } });
    if (!brand) throw new UnknownReferenceError("brand", input.brand);
    const metric = await tx.metric.findUnique({
      where: { key: input.metricKey },
      select: { id: true },
    });
    if (!metric) throw new UnknownReferenceError("metric", input.metricKey);
    const current = await tx.observation.findFirst({
      where: { brandId: brand.id, metricId: metric.id, quarter: input.quarter, isCurrent: true },
      select: { revision: true, value: true, decimals: true, qualifier: true },
    });
    if (!current || current.value === null || current.revision !== input.expectedRevision) {
      throw new StaleFigureError(
        input.expectedRevision,
        current && current.value !== null ? current.revision : null,
      );
    }
    const appended = await appendObservationRevision(tx, {
      brandId: brand.id,
      brandSlug: input.brand,
      metricId: metric.id,
      metricKey: input.metricKey,
      quarter: input.quarter,
      value: null,
      decimals: current.decimals,
      qualifier: current.qualifier as Qualifier,
      sourceId: null,
      quote: null,
      note: input.reason,
      statedYoyPct: null,
      actor: input.actor,
      at,
    });
    return { revision: appended.revision };
  });
}
