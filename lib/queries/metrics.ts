import "server-only";
import { cache } from "react";
import { getReadDb } from "@/lib/db";
import type { MetricDTO, MetricKind } from "@/lib/domain/types";
import { memoByVersion } from "./data-version";

/*
 * Reads that pages make are wrapped in React's cache(): within one server render each runs once
 * per set of arguments however many components and generateMetadata ask (the metric page asked
 * for the catalog three times). Outside a render (route handlers, scripts, tests) cache() calls
 * straight through. Only reads that no write changes in the same request are memoised; the DTOs
 * stay plain objects.
 */
export const listMetrics = cache(async function listMetrics(): Promise<MetricDTO[]> {
  return memoByVersion(null, "metrics", readMetrics);
});

async function readMetrics(): Promise<MetricDTO[]> {
  const rows = await getReadDb().metric.findMany({ orderBy: { position: "asc" } });
  return rows.map((row) => ({
    key: row.key,
    label: row.label,
    unit: row.unit,
    kind: row.kind as MetricKind,
    higherIsBetter: row.higherIsBetter,
    definition: row.definition,
    labelZh: row.labelZh,
    definitionZh: row.definitionZh,
  }));
}

export const getMetric = cache(async function getMetric(key: string): Promise<MetricDTO | null> {
  const metrics = await listMetrics();
  return metrics.find((metric) => metric.key === key) ?? null;
});

/**
 * The metrics every one of the brands has at least one current figure for, in catalog order:
 * what a comparison of those brands can offer. (When brands get their own metric sets, this is
 * the one place that changes.)
 */
export async function listMetricsWithFigures(brandSlugs: readonly string[]): Promise<MetricDTO[]> {
  const metrics = await listMetrics();
  if (brandSlugs.length === 0) return metrics;
  const rows = await getReadDb().observation.findMany({
    where: { isCurrent: true, value: { not: null }, brand: { slug: { in: [...brandSlugs] } } },
    select: { brand: { select: { slug: true } }, metric: { select: { key: true } } },
    distinct: ["brandId", "metricId"],
  });
  const brandsByMetric = new Map<string, Set<string>>();
  for (const row of rows) {
    const set = brandsByMetric.get(row.metric.key) ?? new Set<string>();
    set.add(row.brand.slug);
    brandsByMetric.set(row.metric.key, set);
  }
  return metrics.filter((metric) =>
    brandSlugs.every((slug) => brandsByMetric.get(metric.key)?.has(slug)),
  );
}
