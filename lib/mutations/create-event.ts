import "server-only";
import { randomUUID } from "node:crypto";
import { getWriteDb } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import type { EventInput } from "@/lib/domain/event-input";
import { UnknownReferenceError } from "@/lib/errors";
import { appendEventRevision } from "./append-event-revision";
import { checkedEventMetricKeys } from "./event-metric-keys";
import { findOrCreateSource } from "./find-or-create-source";
import { runWriteTransaction } from "./write-transaction";

/** Adds a new event (revision 1) with its source; the audit row is written in the same transaction. */
export async function createEvent(
  input: EventInput,
  actor: Actor,
  at: Date = new Date(),
): Promise<{ uid: string }> {
  const uid = `evt-${randomUUID()}`;
  await runWriteTransaction(getWriteDb(), async (tx) => {
    const brand = await tx.brand.findUnique({ where: { slug: input.brand }, select: { id: true } });
    if (!brand) throw new UnknownReferenceError("brand", input.brand);
    const metricKeys = await checkedEventMetricKeys(tx, input.metrics);
    const sourceId = await findOrCreateSource(tx, {
      title: input.sourceTitle,
      url: input.sourceUrl ?? null,
      publishedOn: input.sourcePublishedOn ?? null,
    });
    await appendEventRevision(tx, {
      uid,
      brandId: brand.id,
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
  });
  return { uid };
}
