import "server-only";
import { getWriteDb } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import type { EventInput } from "@/lib/domain/event-input";
import { RecordNotFoundError, RevisionConflictError } from "@/lib/errors";
import { appendEventRevision } from "./append-event-revision";
import { checkedEventMetricKeys } from "./event-metric-keys";
import { findOrCreateSource } from "./find-or-create-source";
import { runWriteTransaction } from "./write-transaction";

/**
 * Saves an edited event as a new revision; the one it replaces stays as history. `expectedRevision`
 * is the revision the editor saw: if someone saved in between, nothing is written. Saving a deleted
 * event restores it. The brand never changes: an event belongs to the brand it was created for.
 */
export async function updateEvent(
  uid: string,
  expectedRevision: number,
  input: EventInput,
  actor: Actor,
  at: Date = new Date(),
): Promise<{ revision: number; changed: boolean; brandSlug: string }> {
  return runWriteTransaction(getWriteDb(), async (tx) => {
    const current = await tx.event.findFirst({
      where: { uid, isCurrent: true },
      include: { source: true, brand: { select: { slug: true } } },
    });
    if (!current) throw new RecordNotFoundError("event", uid);
    if (current.revision !== expectedRevision) {
      throw new RevisionConflictError("event", uid, current.revision, current.createdBy);
    }
    const metricKeys = await checkedEventMetricKeys(tx, input.metrics);
    const sourceId = await findOrCreateSource(tx, {
      title: input.sourceTitle,
      url: input.sourceUrl ?? null,
      publishedOn: input.sourcePublishedOn ?? null,
    });
    const unchanged =
      !current.deleted &&
      current.date === input.date &&
      current.kind === input.kind &&
      current.title === input.title &&
      current.description === input.description &&
      (current.quote ?? null) === (input.quote ?? null) &&
      (current.metricKeys ?? null) === metricKeys &&
      current.sourceId === sourceId;
    // Saving without a change adds no revision: history records changes, not clicks.
    if (unchanged) {
      return { revision: current.revision, changed: false, brandSlug: current.brand.slug };
    }
    const revision = await appendEventRevision(tx, {
      uid,
      brandId: current.brandId,
      date: input.date,
      kind: input.kind,
      title: input.title,
      description: input.description,
      quote: input.quote ?? null,
      metricKeys,
      sourceId,
      deleted: false,
      actor,
      at,
    });
    return { revision, changed: true, brandSlug: current.brand.slug };
  });
}
