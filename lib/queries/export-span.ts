import "server-only";
import { getReadDb } from "@/lib/db";
import type { QuarterCode } from "@/lib/domain/quarter";
import type { ExportSelection } from "./export-observations-rows";

/**
 * The first and last quarter with a current figure in a selection, or null when it has none: the
 * columns of a file with quarters across must be known before its first row is written.
 */
export async function exportQuarterSpan(
  selection: ExportSelection,
): Promise<{ first: QuarterCode; last: QuarterCode } | null> {
  const span = await getReadDb().observation.aggregate({
    where: {
      isCurrent: true,
      value: { not: null },
      ...(selection.brands ? { brand: { slug: { in: [...selection.brands] } } } : {}),
      ...(selection.metrics ? { metric: { key: { in: [...selection.metrics] } } } : {}),
      quarter: {
        ...(selection.from ? { gte: selection.from } : {}),
        ...(selection.to ? { lte: selection.to } : {}),
      },
    },
    _min: { quarter: true },
    _max: { quarter: true },
  });
  const first = span._min.quarter as QuarterCode | null;
  const last = span._max.quarter as QuarterCode | null;
  return first && last ? { first, last } : null;
}
