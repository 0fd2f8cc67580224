import { fill } from "@/i18n/fill";
import type { Actor } from "@/lib/domain/actor";
import { CLAIM_TRIGGERS } from "@/lib/domain/claim-text";
import { decimalsOf } from "@/lib/domain/kpi";
import { type AuditAction, type Tx, writeAudit } from "./audit";
import { judgeClaimByUid } from "./judge-claims";

/** A claim revision's fields once brand, metrics and source are resolved to ids. */
export interface ClaimRevisionInput {
  uid: string;
  brandId: number;
  metricId: number;
  relativeMetricId: number | null;
  quarter: string | null;
  claimantKind: string;
  claimant: string;
  kind: string;
  comparison: string | null;
  /** As written ("8.2"): its digits are the rounding the verdict allows. */
  statedLiteral: string;
  statedUnit: string;
  hedge: string;
  quote: string;
  note: string | null;
  sourceId: number;
  actor: Actor;
  at: Date;
  auditAction?: AuditAction;
}

/**
 * Adds a revision of a claim and makes it current (the previous stays, superseded with who and
 * when), writes its audit row, and judges it against the current figures: all in the caller's
 * transaction.
 */
export async function appendClaimRevision(tx: Tx, input: ClaimRevisionInput): Promise<number> {
  const latest = await tx.claim.findFirst({
    where: { uid: input.uid },
    orderBy: { revision: "desc" },
  });
  if (latest?.isCurrent) {
    await tx.claim.update({
      where: { id: latest.id },
      data: { isCurrent: false, supersededAt: input.at, supersededBy: input.actor.name },
    });
  }
  const revision = (latest?.revision ?? 0) + 1;
  const fields = {
    brandId: input.brandId,
    metricId: input.metricId,
    relativeMetricId: input.relativeMetricId,
    quarter: input.quarter,
    claimantKind: input.claimantKind,
    claimant: input.claimant,
    kind: input.kind,
    comparison: input.comparison,
    statedValue: Number(input.statedLiteral),
    statedDecimals: decimalsOf(input.statedLiteral),
    statedUnit: input.statedUnit,
    hedge: input.hedge,
    quote: input.quote,
    note: input.note,
    sourceId: input.sourceId,
  };
  await tx.claim.create({
    data: {
      ...fields,
      uid: input.uid,
      revision,
      isCurrent: true,
      createdAt: input.at,
      createdBy: input.actor.name,
      createdById: input.actor.id,
    },
  });
  const snapshot = (row: typeof fields, number: number) => ({
    revision: number,
    quarter: row.quarter,
    kind: row.kind,
    comparison: row.comparison,
    statedValue: row.statedValue,
    statedDecimals: row.statedDecimals,
    statedUnit: row.statedUnit,
    hedge: row.hedge,
    claimantKind: row.claimantKind,
    claimant: row.claimant,
    sourceId: row.sourceId,
  });
  await writeAudit(tx, {
    actor: input.actor,
    at: input.at,
    action: input.auditAction ?? (latest === null ? "create" : "update"),
    entity: "claim",
    entityKey: input.uid,
    brandId: input.brandId,
    before: latest ? snapshot(latest, latest.revision) : null,
    after: snapshot(fields, revision),
  });
  await judgeClaimByUid(
    tx,
    input.uid,
    input.at,
    latest === null ? CLAIM_TRIGGERS.recorded : fill(CLAIM_TRIGGERS.revised, { revision }),
  );
  return revision;
}
