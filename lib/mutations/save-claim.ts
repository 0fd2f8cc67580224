import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/domain/actor";
import type { ClaimInput } from "@/lib/domain/claim-input";
import { ClaimReferenceError } from "@/lib/errors";
import { appendClaimRevision, type ClaimRevisionInput } from "./append-claim-revision";
import type { AuditAction, Tx } from "./audit";
import { findOrCreateSource } from "./find-or-create-source";

/** A new claim's identity, kept by all its revisions. */
export function newClaimUid(): string {
  return `clm-${randomUUID()}`;
}

/** Resolves a validated claim's brand, metrics and source, then appends it as a revision of `uid`. */
export async function saveClaimRevision(
  tx: Tx,
  uid: string,
  input: ClaimInput,
  actor: Actor,
  at: Date,
  auditAction?: AuditAction,
): Promise<number> {
  const brand = await tx.brand.findUnique({ where: { slug: input.brand }, select: { id: true } });
  if (!brand) throw new ClaimReferenceError("brand", input.brand);
  const metric = await tx.metric.findUnique({ where: { key: input.metric }, select: { id: true } });
  if (!metric) throw new ClaimReferenceError("metric", input.metric);
  let relativeMetricId: number | null = null;
  if (input.kind === "share" && input.relativeMetric) {
    const relative = await tx.metric.findUnique({
      where: { key: input.relativeMetric },
      select: { id: true },
    });
    if (!relative) throw new ClaimReferenceError("relativeMetric", input.relativeMetric);
    relativeMetricId = relative.id;
  }
  const sourceId = await findOrCreateSource(tx, {
    title: input.sourceTitle,
    url: input.sourceUrl ?? null,
    publishedOn: input.sourcePublishedOn ?? null,
  });
  const revision: ClaimRevisionInput = {
    uid,
    brandId: brand.id,
    metricId: metric.id,
    relativeMetricId,
    quarter: input.quarter ?? null,
    claimantKind: input.claimantKind,
    claimant: input.claimant,
    kind: input.kind,
    comparison: input.comparison ?? null,
    statedLiteral: input.statedValue,
    statedUnit: input.statedUnit,
    hedge: input.hedge,
    quote: input.quote,
    note: input.note ?? null,
    sourceId,
    actor,
    at,
    ...(auditAction ? { auditAction } : {}),
  };
  return appendClaimRevision(tx, revision);
}
