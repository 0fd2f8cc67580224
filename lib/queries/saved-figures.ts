import "server-only";
import { getReadDb } from "@/lib/db";
import type { QuarterCode } from "@/lib/domain/quarter";
import type { Qualifier } from "@/lib/domain/types";

export interface SavedFigureDTO {
  metricKey: string;
  label: string;
  unit: string;
  value: number;
  decimals: number;
  qualifier: Qualifier;
  /** Whether it replaced an earlier value (a restatement) rather than filling a gap. */
  restated: boolean;
  createdBy: string;
}

/**
 * The figures one save of the quarter form wrote: every revision of a save carries the same
 * timestamp. Read from the database, so the confirmation can only name what was really stored.
 */
export async function listSavedFigures(
  brandSlug: string,
  quarter: QuarterCode,
  savedAt: number,
): Promise<SavedFigureDTO[]> {
  const db = getReadDb();
  const rows = await db.observation.findMany({
    where: {
      brand: { slug: brandSlug },
      quarter,
      createdAt: new Date(savedAt),
      value: { not: null },
    },
    select: {
      metricId: true,
      revision: true,
      value: true,
      decimals: true,
      qualifier: true,
      createdBy: true,
      metric: { select: { key: true, label: true, unit: true, position: true } },
    },
  });
  if (rows.length === 0) return [];
  const earlier = await db.observation.findMany({
    where: {
      brand: { slug: brandSlug },
      quarter,
      metricId: { in: rows.map((row) => row.metricId) },
      value: { not: null },
    },
    select: { metricId: true, revision: true },
  });
  return rows
    .sort((a, b) => a.metric.position - b.metric.position)
    .flatMap((row) =>
      row.value === null
        ? []
        : [
            {
              metricKey: row.metric.key,
              label: row.metric.label,
              unit: row.metric.unit,
              value: row.value,
              decimals: row.decimals,
              qualifier: row.qualifier as Qualifier,
              restated: earlier.some(
                (other) => other.metricId === row.metricId && other.revision < row.revision,
              ),
              createdBy: row.createdBy,
            },
          ],
    );
}
