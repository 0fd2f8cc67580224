import "server-only";
import { getWriteDb } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import { RecordNotFoundError, RevisionConflictError } from "@/lib/errors";
import { appendEventRevision } from "./append-event-revision";
import { runWriteTransaction } from "./write-transaction";

/**
 * Deletes an event by adding a revision marked deleted: it leaves the timeline and the charts,
 * and its earlier revisions and the audit trail keep what it said.
 */
export async function deleteEvent(
  uid: string,
  expectedRevision: number,
  actor: Actor,
  at: Date = new Date(),
): Promise<{ revision: number; brandSlug: string }> {
  return runWriteTransaction(getWriteDb(), async (tx) => {
    const current = await tx.event.findFirst({
      where: { uid, isCurrent: true },
      include: { brand: { select: { slug: true } } },
    });
    if (!current || current.deleted) throw new RecordNotFoundError("event", uid);
    if (current.revision !== expectedRevision) {
      throw new RevisionConflictError("event", uid, current.revision, current.createdBy);
    }
    const revision = await appendEventRevision(tx, {
      uid,
      brandId: current.brandId,
      date: current.date,
      kind: current.kind,
      metricKeys: current.metricKeys,
      title: current.title,
      description: current.description,
      quote: current.quote,
      sourceId: current.sourceId,
      deleted: true,
      actor,
      at,
    });
    return { revision, brandSlug: current.brand.slug };
  });
}
