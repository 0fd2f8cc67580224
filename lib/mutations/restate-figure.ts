import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { getWriteDb } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import { requiredConfirmations, unconfirmed } from "@/lib/domain/confirmations";
import { classifyFigureChange } from "@/lib/domain/figure-change";
import type { RestateInput } from "@/lib/domain/restate-input";
import {
  ConfirmationRequiredError,
  StaleFigureError,
  UnchangedFigureError,
  UnknownReferenceError,
} from "@/lib/errors";
import { appendObservationRevision } from "./append-observation-revision";
import { findOrCreateSource } from "./find-or-create-source";
import { loadQuarterFigures } from "./load-quarter-figures";
import { runWriteTransaction } from "./write-transaction";

export interface RestateFigureInput extends RestateInput {
  actor: Actor;
  /** Tokens of an extreme-change confirmation (a second round); the restatement itself is
   * confirmed by the page's one box, checked by the action's schema. */
  confirmedTokens: readonly string[];
  at?: Date;
}

export interface RestatedFigure {
  revision: number;
  change: "restatement" | "source_update";
  savedAt: number;
}

/**
 * Restates one stored figure from its restate page: refused when the figure is no longer the
 * revision the editor saw, when nothing would change, or (until confirmed) when the new value
 * is extreme against the year-ago quarter. A change of the source alone (title, address, date
 * or quote) is a source update. One revision and its audit row, in one transaction.
 */
export async function restateFigure(
  input: RestateFigureInput,
  db: PrismaClient = getWriteDb(),
): Promise<RestatedFigure> {
  const at = input.at ?? new Date();
  return runWriteTransaction(db, async (tx) => {
    const context = await loadQuarterFigures(tx, input.brand, input.quarter, [input.metric]);
    const metric = context.metricByKey.get(input.metric);
    if (!metric) throw new UnknownReferenceError("metric", input.metric);
    const current = context.current.get(input.metric);
    if (!current || current.value === null || current.revision !== input.revision) {
      throw new StaleFigureError(
        input.revision,
        current && current.value !== null ? current.revision : null,
      );
    }
    const storedQuote = await tx.observation.findFirst({
      where: {
        brandId: context.brandId,
        metricId: metric.id,
        quarter: input.quarter,
        isCurrent: true,
      },
      select: { quote: true },
    });
    const sourceId = await findOrCreateSource(tx, input.source);
    const next = {
      value: input.value,
      decimals: input.decimals,
      qualifier: input.qualifier,
      sourceId,
      quote: input.quote,
    };
    const kind = classifyFigureChange({ ...current, quote: storedQuote?.quote ?? null }, next);
    if (kind === "unchanged") throw new UnchangedFigureError(input.quarter, [input.metric]);

    // Only the YoY check: the restatement is what the page confirms.
    const extremes = requiredConfirmations({
      quarter: input.quarter,
      figures: [{ metricKey: metric.key, kind: metric.kind, next }],
      current: new Map(),
      yearAgo: context.yearAgo,
    });
    if (unconfirmed(extremes, input.confirmedTokens).length > 0) {
      throw new ConfirmationRequiredError(extremes);
    }

    const appended = await appendObservationRevision(tx, {
      brandId: context.brandId,
      brandSlug: input.brand,
      metricId: metric.id,
      metricKey: metric.key,
      quarter: input.quarter,
      value: input.value,
      decimals: input.decimals,
      qualifier: input.qualifier,
      sourceId,
      quote: input.quote,
      note: input.note,
      statedYoyPct: null,
      actor: input.actor,
      at,
      auditAction: kind === "source_update" ? "source_update" : "restate",
    });
    return {
      revision: appended.revision,
      change: kind === "source_update" ? "source_update" : "restatement",
      savedAt: at.getTime(),
    };
  });
}
