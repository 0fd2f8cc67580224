import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { getWriteDb } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import { requiredConfirmations, unconfirmed } from "@/lib/domain/confirmations";
import { classifyFigureChange, type FigureChangeKind } from "@/lib/domain/figure-change";
import type { QuarterCode } from "@/lib/domain/quarter";
import type { QuarterInput } from "@/lib/domain/quarter-input";
import {
  ConfirmationRequiredError,
  UnchangedFigureError,
  UnknownReferenceError,
} from "@/lib/errors";
import { appendObservationRevisions } from "./append-observation-revision";
import { findOrCreateSource } from "./find-or-create-source";
import { loadQuarterFigures } from "./load-quarter-figures";
import { runWriteTransaction } from "./write-transaction";

export interface CreateQuarterFiguresInput extends QuarterInput {
  actor: Actor;
  /** Tokens of the confirmations the editor ticked (see lib/domain/confirmations.ts). */
  confirmedTokens: readonly string[];
  at?: Date;
}

export interface SavedFigure {
  metricKey: string;
  revision: number;
  restated: boolean;
  /** new, restatement or source_update (same value, another source). */
  change: Exclude<FigureChangeKind, "unchanged">;
}

export interface SavedQuarter {
  brand: string;
  quarter: QuarterCode;
  /** When the figures were written (ms since epoch): every revision of the save carries it. */
  savedAt: number;
  figures: SavedFigure[];
}

/**
 * Saves one submission of the quarter form: every figure under one source, all or nothing, each
 * with its audit row. What needs confirming (a figure already stored, an extreme YoY) is decided
 * inside the transaction, against the data as it is when the write happens: a figure another
 * editor stored a moment ago is a restatement too, and is refused unless confirmed, never
 * overwritten silently. A figure stored exactly as submitted refuses the whole save.
 */
export async function createQuarterFigures(
  input: CreateQuarterFiguresInput,
  db: PrismaClient = getWriteDb(),
): Promise<SavedQuarter> {
  const at = input.at ?? new Date();
  const keys = input.figures.map((figure) => figure.metricKey);
  return runWriteTransaction(db, async (tx) => {
    const context = await loadQuarterFigures(tx, input.brand, input.quarter, keys, {
      requireTracked: true,
    });
    // Resolved first: whether a figure changes depends on the source it would be saved with.
    // A refusal below rolls a newly created source back with everything else.
    const sourceId = await findOrCreateSource(tx, input.source);
    const changes = input.figures.map((figure) => ({
      figure,
      kind: classifyFigureChange(context.current.get(figure.metricKey) ?? null, {
        ...figure,
        sourceId,
      }),
    }));
    const unchanged = changes.filter((entry) => entry.kind === "unchanged");
    if (unchanged.length > 0) {
      throw new UnchangedFigureError(
        input.quarter,
        unchanged.map((entry) => entry.figure.metricKey),
      );
    }

    const required = requiredConfirmations({
      quarter: input.quarter,
      figures: input.figures.map((figure) => ({
        metricKey: figure.metricKey,
        kind: context.metricByKey.get(figure.metricKey)?.kind ?? "flow",
        next: { value: figure.value, decimals: figure.decimals, qualifier: figure.qualifier },
      })),
      current: context.current,
      yearAgo: context.yearAgo,
    });
    if (unconfirmed(required, input.confirmedTokens).length > 0) {
      throw new ConfirmationRequiredError(required);
    }

    const written = changes.flatMap(({ figure, kind }) => {
      const metric = context.metricByKey.get(figure.metricKey);
      if (!metric) throw new UnknownReferenceError("metric", figure.metricKey);
      return kind === "unchanged" ? [] : [{ figure, kind, metric }];
    });
    const appended = await appendObservationRevisions(
      tx,
      written.map(({ figure, kind, metric }) => ({
        brandId: context.brandId,
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
        auditAction: kind === "source_update" ? ("source_update" as const) : undefined,
      })),
    );
    const saved: SavedFigure[] = written.map(({ kind, metric }, index) => {
      const revision = appended[index];
      if (!revision) throw new Error(`no revision appended for ${metric.key}`);
      return {
        metricKey: metric.key,
        revision: revision.revision,
        restated: revision.previous !== null && revision.previous.value !== null,
        change: kind,
      };
    });
    return { brand: input.brand, quarter: input.quarter, savedAt: at.getTime(), figures: saved };
  });
}
