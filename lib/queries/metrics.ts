import "server-only";
import { cache } from "react";
import { getReadDb } from "@/lib/db";
import type { MetricDTO, MetricKind } from "@/lib/domain/types";

/*
 * Reads that pages make are wrapped in React's cache(): within one server render each runs once
 * per set of arguments however many components and generateMetadata ask (the metric page asked
 * for the catalog three times). Outside a render (route handlers, scripts, tests) cache() calls
 * straight through. Only reads that no write changes in the same request are memoised; the DTOs
 * stay plain objects.
 */
export const listMetrics = cache(async function listMetrics(): Promise<MetricDTO[]> {
  const rows = await getReadDb().metric.findMany({ orderBy: { position: "asc" } });
  return rows.map((row) => ({
    key: row.key,
    label: row.label,
    unit: row.unit,
    kind: row.kind as MetricKind,
    higherIsBetter: row.higherIsBetter,
    definition: row.definition,
  }));
});

export const getMetric = cache(async function getMetric(key: string): Promise<MetricDTO | null> {
  const metrics = await listMetrics();
  return metrics.find((metric) => metric.key === key) ?? null;
});
