import { storedEventMetricKeys } from "@/lib/domain/events";
import { UnknownEventMetricError } from "@/lib/errors";
import type { Tx } from "./audit";

/** An event's metric list as stored, after checking that every key is in the catalog. */
export async function checkedEventMetricKeys(
  tx: Tx,
  keys: readonly string[],
): Promise<string | null> {
  if (keys.length === 0) return null;
  const known = await tx.metric.findMany({
    where: { key: { in: [...keys] } },
    select: { key: true },
  });
  const knownKeys = new Set(known.map((metric) => metric.key));
  const unknown = keys.filter((key) => !knownKeys.has(key));
  if (unknown.length > 0) throw new UnknownEventMetricError(unknown);
  return storedEventMetricKeys(keys);
}
