import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { getWriteDb } from "@/lib/db";
import {
  type CurrentFigure,
  type FigureValue,
  requiredConfirmations,
  unconfirmed,
} from "@/lib/domain/confirmations";
import { type QuarterCode, shiftQuarter } from "@/lib/domain/quarter";
import type { QuarterInput } from "@/lib/domain/quarter-input";
import type { MetricKind, Qualifier } from "@/lib/domain/types";
import { appendObservationRevision } from "./append-observation-revision";
import { ConfirmationRequiredError, UnknownReferenceError } from "./errors";
import { findOrCreateSource } from "./find-or-create-source";
import { runWriteTransaction } from "./write-transaction";

export interface CreateQuarterFiguresInput extends QuarterInput {
  actor: string;
  /** Tokens of the confirmations the editor ticked (see lib/domain/confirmations.ts). */
  confirmedTokens: readonly string[];
  at?: Date;
}

export interface SavedQuarter {
  brand: string;
  quarter: QuarterCode;
  /** When the figures were written (ms since epoch): every revision of the save carries it. */
  savedAt: number;
  figures: { metricKey: string; revision: number; restated: boolean }[];
}

/**
 * Saves one submission of the quarter form: every figure under one source, all or nothing, each
 * with its audit row. What needs confirming (a figure already stored, an extreme YoY) is decided
 * inside the transaction, against the data as it is when the write happens: a figure another
 * editor stored a moment ago is a restatement too, and is refused unless confirmed, never
 * overwritten silently.
 */
export async function createQuarterFigures(
  input: CreateQuarterFiguresInput,
  db: PrismaClient = getWriteDb(),
): Promise<SavedQuarter> {
  const at = input.at ?? new Date();
  const keys = input.figures.map((figure) => figure.metricKey);
  return runWriteTransaction(db, async (tx) => {
    const brand = await tx.brand.findUnique({ where: { slug: input.brand }, select: { id: true } });
    if (!brand) throw new UnknownReferenceError("brand", input.brand);
    const metrics = await tx.metric.findMany({
      where: { key: { in: keys } },
      select: { id: true, key: true, kind: true },
    });
    const metricByKey = new Map(metrics.map((metric) => [metric.key, metric]));
    const missing = keys.find((key) => !metricByKey.has(key));
    if (missing !== undefined) throw new UnknownReferenceError("metric", missing);

    const stored = await tx.observation.findMany({
      where: {
        brandId: brand.id,
        metricId: { in: metrics.map((metric) => metric.id) },
        quarter: { in: [input.quarter, shiftQuarter(input.quarter, -4)] },
        isCurrent: true,
      },
      select: {
        quarter: true,
        value: true,
        decimals: true,
        qualifier: true,
        revision: true,
        createdBy: true,
        createdAt: true,
        metric: { select: { key: true } },
        source: { select: { title: true, url: true, publishedOn: true } },
      },
    });
    const current = new Map<string, CurrentFigure>();
    const yearAgo = new Map<string, FigureValue>();
    for (const row of stored) {
      const qualifier = row.qualifier as Qualifier;
      if (row.quarter === input.quarter) {
        current.set(row.metric.key, {
          value: row.value,
          decimals: row.decimals,
          qualifier,
          revision: row.revision,
          source: row.source,
          createdBy: row.createdBy,
          createdAt: row.createdAt.toISOString(),
        });
      } else if (row.value !== null) {
        yearAgo.set(row.metric.key, { value: row.value, decimals: row.decimals, qualifier });
      }
    }

    const required = requiredConfirmations({
      quarter: input.quarter,
      figures: input.figures.map((figure) => ({
        metricKey: figure.metricKey,
        kind: metricByKey.get(figure.metricKey)?.kind as MetricKind,
        next: { value: figure.value, decimals: figure.decimals, qualifier: figure.qualifier },
      })),
      current,
      yearAgo,
    });
    if (unconfirmed(required, input.confirmedTokens).length > 0) {
      throw new ConfirmationRequiredError(required);
    }

    const sourceId = await findOrCreateSource(tx, input.source);
    const saved: SavedQuarter["figures"] = [];
    for (const figure of input.figures) {
      const metric = metricByKey.get(figure.metricKey);
      if (!metric) throw new UnknownReferenceError("metric", figure.metricKey);
      const appended = await appendObservationRevision(tx, {
        brandId: brand.id,
        brandSlug: input.brand,
        metricId: metric.id,
        metricKey: metric.key,
        quarter: input.quarter,
        value: figure.value,
        decimals: figure.decimals,
        qualifier: figure.qualifier,
        sourceId,
        quote: null,
        note: input.note,
        statedYoyPct: null,
        actor: input.actor,
        at,
      });
      saved.push({
        metricKey: metric.key,
        revision: appended.revision,
        restated: appended.previous !== null && appended.previous.value !== null,
      });
    }
    return { brand: input.brand, quarter: input.quarter, savedAt: at.getTime(), figures: saved };
  });
}
