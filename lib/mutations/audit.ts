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

export interface AuditEntryInput {
  actor: Actor;
  at: Date;
  action: AuditAction;
  entity: "observation" | "event" | "brand" | "metric" | "brand_metric" | "claim" | "account";
  entityKey: string;
  /**
   * The brand whose pages this write changes, or null when it may change any page (a brand's
   * name is in every page's brand list, a metric's label on every brand's pages). The page
   * cache expires by it (server/page-cache.ts): naming a brand where the change shows
   * elsewhere too would leave stale pages, so null is the answer whenever in doubt.
   */
  brandId: number | null;
  before: unknown;
  after: unknown;
}

/** The stored row of an audit entry: for writes that insert many at once. */
export function auditRow(entry: AuditEntryInput): Prisma.AuditEntryCreateManyInput {
  return {
    actor: entry.actor.name,
    actorId: entry.actor.id,
    at: entry.at,
    action: entry.action,
    entity: entry.entity,
    entityKey: entry.entityKey,
    brandId: entry.brandId,
    before: entry.before === null ? null : JSON.stringify(entry.before),
    after: entry.after === null ? null : JSON.stringify(entry.after),
  };
}

/** Writes the audit row for a change; call it inside the change's own transaction. */
export async function writeAudit(tx: Tx, entry: AuditEntryInput): Promise<void> {
  await tx.auditEntry.create({ data: auditRow(entry) });
}
