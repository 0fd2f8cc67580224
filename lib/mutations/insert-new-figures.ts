import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/domain/actor";
import { storedFigureKey } from "@/lib/domain/figure-key";
import type { Qualifier } from "@/lib/domain/types";
import { type AuditAction, auditRow, type Tx } from "./audit";
import { chunks } from "./chunks";
import { type SourceInput, sourceFingerprint } from "./find-or-create-source";
import { rejudgeClaimsForFigures } from "./judge-claims";

/**
 * Bulk writes for imports, where tens of thousands of figures arrive at once and one
 * appendObservationRevision per figure (four statements each) would take minutes. Only for figures
 * with no stored revision at all: their revisions are numbered from 1 and nothing is superseded
 * in place, so they can be inserted together. The rows and audit entries are exactly those
 * appendObservationRevision writes revision by revision (a test compares the two).
 */
export interface NewFigure {
  brandId: number;
  brandSlug: string;
  metricId: number;
  metricKey: string;
  quarter: string;
  /** Oldest first; the last becomes current. */
  revisions: {
    value: number | null;
    decimals: number;
    qualifier: Qualifier;
    sourceId: number | null;
    quote: string | null;
    note: string | null;
  }[];
}

/** Source ids for many sources: existing ones looked up, missing ones created, in a few statements. */
export async function findOrCreateSources(
  tx: Tx,
  sources: readonly SourceInput[],
): Promise<Map<string, number>> {
  const byFingerprint = new Map(sources.map((source) => [sourceFingerprint(source), source]));
  const ids = new Map<string, number>();
  const lookUp = async (fingerprints: string[]) => {
    for (const part of chunks(fingerprints)) {
      const rows = await tx.source.findMany({
        where: { fingerprint: { in: part } },
        select: { id: true, fingerprint: true },
      });
      for (const row of rows) ids.set(row.fingerprint, row.id);
    }
  };
  await lookUp([...byFingerprint.keys()]);
  const missing = [...byFingerprint].filter(([fingerprint]) => !ids.has(fingerprint));
  for (const part of chunks(missing)) {
    await tx.source.createMany({
      data: part.map(([fingerprint, source]) => ({
        fingerprint,
        title: source.title,
        url: source.url,
        publishedOn: source.publishedOn,
      })),
    });
  }
  await lookUp(missing.map(([fingerprint]) => fingerprint));
  return ids;
}

export async function insertNewFigures(
  tx: Tx,
  figures: readonly NewFigure[],
  options: { actor: Actor; at: Date; auditAction: AuditAction },
): Promise<void> {
  const observations: Prisma.ObservationCreateManyInput[] = [];
  const audits: Prisma.AuditEntryCreateManyInput[] = [];
  for (const figure of figures) {
    const count = figure.revisions.length;
    figure.revisions.forEach((revision, index) => {
      const number = index + 1;
      const superseded = number < count;
      observations.push({
        brandId: figure.brandId,
        metricId: figure.metricId,
        quarter: figure.quarter,
        revision: number,
        isCurrent: !superseded,
        value: revision.value,
        decimals: revision.decimals,
        qualifier: revision.qualifier,
        sourceId: revision.sourceId,
        quote: revision.quote,
        note: revision.note,
        statedYoyPct: null,
        createdAt: options.at,
        createdBy: options.actor.name,
        createdById: options.actor.id,
        supersededAt: superseded ? options.at : null,
        supersededBy: superseded ? options.actor.name : null,
      });
      const previous = index > 0 ? figure.revisions[index - 1] : undefined;
      audits.push(
        auditRow({
          actor: options.actor,
          at: options.at,
          action: options.auditAction,
          entity: "observation",
          entityKey: storedFigureKey(figure),
          brandId: figure.brandId,
          before: previous
            ? {
                revision: number - 1,
                value: previous.value,
                decimals: previous.decimals,
                qualifier: previous.qualifier,
                sourceId: previous.sourceId,
              }
            : null,
          after: {
            revision: number,
            value: revision.value,
            decimals: revision.decimals,
            qualifier: revision.qualifier,
            sourceId: revision.sourceId,
            note: revision.note,
          },
        }),
      );
    });
  }
  for (const part of chunks(observations)) await tx.observation.createMany({ data: part });
  for (const part of chunks(audits)) await tx.auditEntry.createMany({ data: part });
  await rejudgeClaimsForFigures(tx, figures, options.at);
}
