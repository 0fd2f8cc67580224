import "server-only";
import { getReadDb } from "@/lib/db";
import type { MetricDTO, MetricKind } from "@/lib/domain/types";

export async function listMetrics(): Promise<MetricDTO[]> {
  const rows = await getReadDb().metric.findMany({ orderBy: { position: "asc" } });
  return rows.map((row) => ({
    key: row.key,
    label: row.label,
    unit: row.unit,
    kind: row.kind as MetricKind,
    higherIsBetter: row.higherIsBetter,
    definition: row.definition,
  }));
}

export async function getMetric(key: string): Promise<MetricDTO | null> {
  const metrics = await listMetrics();
  return metrics.find((metric) => metric.key === key) ?? null;
}
