import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/domain/actor";
import { storedFigureKey } from "@/lib/domain/figure-key";
import type { Qualifier } from "@/lib/domain/types";
import { type AuditAction, auditRow, type Tx } from "./audit";
import { chunks } from "./chunks";
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
 * The same for the figures of one save, in order, in a few statements whatever their number: one
 * read of their stored revisions, one update of the current ones, one insert of the new ones and
 * one of their audit rows. On PostgreSQL every statement is a round trip, and under read load
 * each waits its turn on the event loop; a three-figure save took thirteen (bench/NOTES.md,
 * Round 7). The claims that read the figures are judged again once, after the last.
 */
export async function appendObservationRevisions(
  tx: Tx,
  inputs: readonly ObservationRevisionInput[],
): Promise<AppendedRevision[]> {
  const appended: AppendedRevision[] = [];
  for (const run of runsOfDistinctFigures(inputs))
    appended.push(...(await writeRevisions(tx, run)));
  const last = inputs.reduce<Date | null>(
    (latest, input) => (latest === null || input.at > latest ? input.at : latest),
    null,
  );
  if (last) await rejudgeClaimsForFigures(tx, inputs, last);
  return appended;
}

/**
 * Consecutive runs in which no figure comes twice: a second revision of the same figure in one
 * call must see the first as the latest, so it starts the next run.
 */
function runsOfDistinctFigures(
  inputs: readonly ObservationRevisionInput[],
): ObservationRevisionInput[][] {
  const runs: ObservationRevisionInput[][] = [];
  let run: ObservationRevisionInput[] = [];
  let seen = new Set<string>();
  for (const input of inputs) {
    const key = storedKey(input);
    if (seen.has(key)) {
      runs.push(run);
      run = [];
      seen = new Set();
    }
    seen.add(key);
    run.push(input);
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

const STORED_SELECT = {
  id: true,
  brandId: true,
  metricId: true,
  quarter: true,
  revision: true,
  isCurrent: true,
  value: true,
  decimals: true,
  qualifier: true,
  sourceId: true,
} as const;

type StoredRevision = Prisma.ObservationGetPayload<{ select: typeof STORED_SELECT }>;

/** A figure by its ids: the one identity this module compares figures by. */
function storedKey(row: { brandId: number; metricId: number; quarter: string }): string {
  return `${row.brandId}:${row.metricId}:${row.quarter}`;
}

/** Every stored revision of these figures, by figure: a figure has a handful at most. */
async function storedRevisions(
  tx: Tx,
  inputs: readonly ObservationRevisionInput[],
): Promise<Map<string, StoredRevision[]>> {
  const byFigure = new Map<string, StoredRevision[]>();
  for (const part of chunks(inputs, 200)) {
    const rows = await tx.observation.findMany({
      where: {
        OR: part.map((input) => ({
          brandId: input.brandId,
          metricId: input.metricId,
          quarter: input.quarter,
        })),
      },
      select: STORED_SELECT,
    });
    for (const row of rows) {
      const list = byFigure.get(storedKey(row)) ?? [];
      list.push(row);
      byFigure.set(storedKey(row), list);
    }
  }
  return byFigure;
}

/** Revisions of distinct figures. */
async function writeRevisions(
  tx: Tx,
  inputs: readonly ObservationRevisionInput[],
): Promise<AppendedRevision[]> {
  const stored = await storedRevisions(tx, inputs);
  const observations: Prisma.ObservationCreateManyInput[] = [];
  const audits: Prisma.AuditEntryCreateManyInput[] = [];
  // Superseded together when they share who and when (every figure of one save does).
  const supersede = new Map<string, { at: Date; by: string; ids: number[] }>();
  const appended = inputs.map((input): AppendedRevision => {
    const rows = stored.get(storedKey(input)) ?? [];
    const latest = rows.reduce((max, row) => Math.max(max, row.revision), 0);
    const current = rows.find((row) => row.isCurrent) ?? null;
    if (current) {
      const by = `${input.at.toISOString()} ${input.actor.name}`;
      const group = supersede.get(by) ?? { at: input.at, by: input.actor.name, ids: [] };
      group.ids.push(current.id);
      supersede.set(by, group);
    }
    const revision = latest + 1;
    observations.push({
      brandId: input.brandId,
      metricId: input.metricId,
      quarter: input.quarter,
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
    });
    const derivedAction: AuditAction =
      current === null ? "create" : input.value === null ? "delete" : "restate";
    audits.push(
      auditRow({
        actor: input.actor,
        at: input.at,
        action: input.auditAction ?? derivedAction,
        entity: "observation",
        entityKey: storedFigureKey(input),
        brandId: input.brandId,
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
      }),
    );
    return {
      revision,
      previous: current ? { revision: current.revision, value: current.value } : null,
    };
  });
  // The old current rows first: a figure has one current revision at every commit.
  for (const group of supersede.values()) {
    for (const ids of chunks(group.ids)) {
      await tx.observation.updateMany({
        where: { id: { in: ids } },
        data: { isCurrent: false, supersededAt: group.at, supersededBy: group.by },
      });
    }
  }
  for (const part of chunks(observations)) await tx.observation.createMany({ data: part });
  for (const part of chunks(audits)) await tx.auditEntry.createMany({ data: part });
  return appended;
}
