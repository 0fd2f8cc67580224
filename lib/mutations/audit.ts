import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/domain/actor";

export type Tx = Prisma.TransactionClient;

export type AuditAction =
  | "create"
  | "restate"
  | "source_update"
  | "delete"
  | "import"
  | "seed"
  | "update"
  | "invite"
  | "role"
  | "deactivate"
  | "reactivate"
  | "password";

/** Writes the audit row for a change; call it inside the change's own transaction. */
export async function writeAudit(
  tx: Tx,
  entry: {
    actor: Actor;
    at: Date;
    action: AuditAction;
    entity: "observation" | "event" | "brand" | "metric" | "brand_metric" | "claim" | "account";
    entityKey: string;
    before: unknown;
    after: unknown;
  },
): Promise<void> {
  await tx.auditEntry.create({
    data: {
      actor: entry.actor.name,
      actorId: entry.actor.id,
      at: entry.at,
      action: entry.action,
      entity: entry.entity,
      entityKey: entry.entityKey,
      before: entry.before === null ? null : JSON.stringify(entry.before),
      after: entry.after === null ? null : JSON.stringify(entry.after),
    },
  });
}
