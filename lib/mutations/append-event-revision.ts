import type { Actor } from "@/lib/domain/actor";
import { type AuditAction, type Tx, writeAudit } from "./audit";

export interface EventRevisionInput {
  uid: string;
  brandId: number;
  date: string;
  kind: string;
  title: string;
  description: string;
  quote: string | null;
  /** Stored form (comma-separated keys), null for every metric. */
  metricKeys: string | null;
  sourceId: number;
  /** true records the event's deletion as its latest revision. */
  deleted: boolean;
  actor: Actor;
  at: Date;
  auditAction?: AuditAction;
}

/** Adds a revision of an event and makes it current; the previous one stays, superseded. */
export async function appendEventRevision(tx: Tx, input: EventRevisionInput): Promise<number> {
  const latest = await tx.event.findFirst({
    where: { uid: input.uid },
    orderBy: { revision: "desc" },
  });
  if (latest?.isCurrent) {
    await tx.event.update({
      where: { id: latest.id },
      data: { isCurrent: false, supersededAt: input.at, supersededBy: input.actor.name },
    });
  }
  const revision = (latest?.revision ?? 0) + 1;
  const { actor, at, auditAction, ...fields } = input;
  await tx.event.create({
    data: {
      ...fields,
      revision,
      isCurrent: true,
      createdAt: at,
      createdBy: actor.name,
      createdById: actor.id,
    },
  });
  const snapshot = (row: typeof fields & { revision: number }) => ({
    revision: row.revision,
    date: row.date,
    kind: row.kind,
    title: row.title,
    description: row.description,
    metricKeys: row.metricKeys ?? null,
    sourceId: row.sourceId,
    deleted: row.deleted,
  });
  await writeAudit(tx, {
    actor,
    at,
    action: auditAction ?? (latest === null ? "create" : input.deleted ? "delete" : "update"),
    entity: "event",
    entityKey: input.uid,
    brandId: input.brandId,
    before: latest ? snapshot(latest) : null,
    after: snapshot({ ...fields, revision }),
  });
  return revision;
}
