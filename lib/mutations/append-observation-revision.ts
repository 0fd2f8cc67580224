import type { Actor } from "@/lib/domain/actor";
import { storedFigureKey } from "@/lib/domain/figure-key";
import type { Qualifier } from "@/lib/domain/types";
import { type AuditAction, type Tx, writeAudit } from "./audit";
import { rejudgeClaimsForFigures } from "./judge-claims";

export interface ObservationRevisionInput {
  brandId: number;
  brandSlug: string;
  metricId: number;
  metricKey: string;
  quarter: string;
  /** null withdraws the figure: the quarter becomes a gap, its history stays. */
  value: number | null;
  decimals: number;
  qualifier: Qualifier;
  sourceId: number | null;
  quote: string | null;
  note: string | null;
  statedYoyPct: number | null;
  actor: Actor;
  at: Date;
  /** Overrides the audit action derived from the change (e.g. "seed", "import"). */
  auditAction?: AuditAction;
}

export interface AppendedRevision {
  revision: number;
  previous: { revision: number; value: number | null } | null;
}

/**
 * Adds a revision of one figure and makes it the current one. The previous current revision is
 * kept, marked superseded with who and when. Must run inside a transaction: reading the latest
 * revision number and inserting the next one are one step, and the unique key on
 * (brand, metric, quarter, revision) turns a lost race into an error instead of a lost write.
 */
export async function appendObservationRevision(
  tx: Tx,
  input: ObservationRevisionInput,
): Promise<AppendedRevision> {
  const [appended] = await appendObservationRevisions(tx, [input]);
  if (!appended) throw new Error("one revision asked, none appended");
  return appended;
}

/**
 * The same for the figures of one save, in order; the claims that read them are judged again
 * once, after the last (a three-figure save judged them three times: bench/NOTES.md, Round 4).
 */
export async function appendObservationRevisions(
  tx: Tx,
  inputs: readonly ObservationRevisionInput[],
): Promise<AppendedRevision[]> {
  const appended: AppendedRevision[] = [];
  for (const input of inputs) appended.push(await writeRevision(tx, input));
  const last = inputs.reduce<Date | null>(
    (latest, input) => (latest === null || input.at > latest ? input.at : latest),
    null,
  );
  if (last) {
    await rejudgeClaimsForFigures(tx, inputs, last);
  }
  return appended;
}

async function writeRevision(tx: Tx, input: ObservationRevisionInput): Promise<AppendedRevision> {
  const key = { brandId: input.brandId, metricId: input.metricId, quarter: input.quarter };
  const latest = await tx.observation.findFirst({
    where: key,
    orderBy: { revision: "desc" },
    select: { revision: true },
  });
  const current = await tx.observation.findFirst({
    where: { ...key, isCurrent: true },
    select: {
      id: true,
      revision: true,
      value: true,
      decimals: true,
      qualifier: true,
      sourceId: true,
    },
  });
  if (current) {
    await tx.observation.update({
      where: { id: current.id },
      data: { isCurrent: false, supersededAt: input.at, supersededBy: input.actor.name },
    });
  }
  const revision = (latest?.revision ?? 0) + 1;
  await tx.observation.create({
    data: {
      ...key,
      revision,
      isCurrent: true,
      value: input.value,
      decimals: input.decimals,
      qualifier: input.qualifier,
      sourceId: input.sourceId,
      quote: input.quote,
      note: input.note,
      statedYoyPct: input.statedYoyPct,
      createdAt: input.at,
      createdBy: input.actor.name,
      createdById: input.actor.id,
    },
  });
  const derivedAction: AuditAction =
    current === null ? "create" : input.value === null ? "delete" : "restate";
  await writeAudit(tx, {
    actor: input.actor,
    at: input.at,
    action: input.auditAction ?? derivedAction,
    entity: "observation",
    entityKey: storedFigureKey(input),
    brandId: key.brandId,
    before: current
      ? {
          revision: current.revision,
          value: current.value,
          decimals: current.decimals,
          qualifier: current.qualifier,
          sourceId: current.sourceId,
        }
      : null,
    after: {
      revision,
      value: input.value,
      decimals: input.decimals,
      qualifier: input.qualifier,
      sourceId: input.sourceId,
      note: input.note,
    },
  });
  return {
    revision,
    previous: current ? { revision: current.revision, value: current.value } : null,
  };
}
