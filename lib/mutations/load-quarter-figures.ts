import type { CurrentFigure, FigureValue } from "@/lib/domain/confirmations";
import { type QuarterCode, shiftQuarter } from "@/lib/domain/quarter";
import type { MetricKind, Qualifier } from "@/lib/domain/types";
import { MetricNotTrackedError, UnknownReferenceError } from "@/lib/errors";
import type { Tx } from "./audit";

export interface StoredCurrentFigure extends CurrentFigure {
  sourceId: number | null;
}

export interface QuarterFiguresContext {
  brandId: number;
  metricByKey: Map<string, { id: number; key: string; kind: MetricKind }>;
  /** The current revision of each metric in the quarter (withdrawn ones too). */
  current: Map<string, StoredCurrentFigure>;
  /** The year-ago quarter's figures, the base of the YoY plausibility check. */
  yearAgo: Map<string, FigureValue>;
}

/**
 * What a save of figures for one brand and quarter is checked against, read inside the write
 * transaction: the brand, the metrics, the figures stored for the quarter and a year earlier.
 */
export async function loadQuarterFigures(
  tx: Tx,
  brandSlug: string,
  quarter: QuarterCode,
  keys: readonly string[],
  options: { requireTracked?: boolean } = {},
): Promise<QuarterFiguresContext> {
  const brand = await tx.brand.findUnique({
    where: { slug: brandSlug },
    select: { id: true, name: true },
  });
  if (!brand) throw new UnknownReferenceError("brand", brandSlug);
  const metrics = await tx.metric.findMany({
    where: { key: { in: [...keys] } },
    select: { id: true, key: true, kind: true },
  });
  const metricByKey = new Map(
    metrics.map((metric) => [metric.key, { ...metric, kind: metric.kind as MetricKind }]),
  );
  const missing = keys.find((key) => !metricByKey.has(key));
  if (missing !== undefined) throw new UnknownReferenceError("metric", missing);
  const keyOf = new Map(metrics.map((metric) => [metric.id, metric.key]));
  if (options.requireTracked) {
    const set = await tx.brandMetric.findMany({
      where: { brandId: brand.id },
      select: { metricId: true },
    });
    // A brand without a set of its own tracks the whole catalog (see lib/queries/brand-metrics).
    const trackedIds = new Set(set.map((row) => row.metricId));
    const outside = keys.filter(
      (key) => set.length > 0 && !trackedIds.has(metricByKey.get(key)?.id ?? -1),
    );
    if (outside.length > 0) {
      // Read only to name them in the refusal: a save that passes does not pay for it.
      const tracked = await tx.brandMetric.findMany({
        where: { brandId: brand.id },
        orderBy: [{ position: "asc" }, { id: "asc" }],
        select: { metric: { select: { key: true } } },
      });
      throw new MetricNotTrackedError(
        { slug: brandSlug, name: brand.name },
        outside,
        tracked.map((row) => row.metric.key),
      );
    }
  }

  // Keys and sources are looked up here, not as Prisma relations: each relation is a statement
  // of its own, run even when no row needs it, and on PostgreSQL a round trip (bench/NOTES.md,
  // Round 7).
  const stored = await tx.observation.findMany({
    where: {
      brandId: brand.id,
      metricId: { in: metrics.map((metric) => metric.id) },
      quarter: { in: [quarter, shiftQuarter(quarter, -4)] },
      isCurrent: true,
    },
    select: {
      metricId: true,
      quarter: true,
      value: true,
      decimals: true,
      qualifier: true,
      revision: true,
      createdBy: true,
      createdAt: true,
      sourceId: true,
    },
  });
  const sourceIds = [
    ...new Set(
      stored.flatMap((row) =>
        row.quarter === quarter && row.sourceId !== null ? [row.sourceId] : [],
      ),
    ),
  ];
  const sources =
    sourceIds.length === 0
      ? []
      : await tx.source.findMany({
          where: { id: { in: sourceIds } },
          select: { id: true, title: true, url: true, publishedOn: true },
        });
  const sourceById = new Map(sources.map(({ id, ...source }) => [id, source] as const));
  const current = new Map<string, StoredCurrentFigure>();
  const yearAgo = new Map<string, FigureValue>();
  for (const row of stored) {
    const key = keyOf.get(row.metricId);
    if (key === undefined) continue;
    const qualifier = row.qualifier as Qualifier;
    if (row.quarter === quarter) {
      current.set(key, {
        value: row.value,
        decimals: row.decimals,
        qualifier,
        revision: row.revision,
        source: row.sourceId === null ? null : (sourceById.get(row.sourceId) ?? null),
        sourceId: row.sourceId,
        createdBy: row.createdBy,
        createdAt: row.createdAt.toISOString(),
      });
    } else if (row.value !== null) {
      yearAgo.set(key, { value: row.value, decimals: row.decimals, qualifier });
    }
  }
  return { brandId: brand.id, metricByKey, current, yearAgo };
}
