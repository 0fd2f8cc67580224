/**
 * The quarter form's plausibility check applied to an import: a figure whose change against the
 * same quarter a year earlier is extreme (`extremeYoy`, the rule and thresholds of the form's
 * "confirm this unusual change" step) must be confirmed before the batch is applied.
 */
import { type ExtremeChange, extremeYoy, type FigureValue } from "@/lib/domain/confirmations";
import { type QuarterCode, shiftQuarter } from "@/lib/domain/quarter";
import type { MetricKind } from "@/lib/domain/types";
import { figureKey } from "./import-content";
import type { PlannedWrite, StoredRevision } from "./import-types";

export interface UnusualChange extends ExtremeChange {
  /** The file row that sets the figure (for a history file, its last revision in the file). */
  row: number;
  brand: string;
  metric: string;
  quarter: QuarterCode;
  next: FigureValue;
  baseQuarter: QuarterCode;
  base: FigureValue;
}

/**
 * The extreme year-over-year changes the planned writes would leave in the data. The year-ago
 * figure is the one the import itself writes when the file has that quarter, else the stored
 * current one: a file of two years of quarters is checked against itself, as the page will show it.
 * `stored` must hold the year-ago quarters' revisions too.
 */
export function unusualImportChanges(
  writes: readonly PlannedWrite[],
  stored: ReadonlyMap<string, readonly StoredRevision[]>,
  kinds: ReadonlyMap<string, MetricKind>,
): UnusualChange[] {
  const after = new Map<string, FigureValue>();
  for (const [key, revisions] of stored) {
    const current = revisions.find((revision) => revision.isCurrent && revision.value !== null);
    if (current && current.value !== null) {
      after.set(key, {
        value: current.value,
        decimals: current.decimals,
        qualifier: current.qualifier,
      });
    }
  }
  const lastWrite = new Map<string, PlannedWrite>();
  for (const write of writes) {
    const key = figureKey(write);
    lastWrite.set(key, write);
    if (write.value === null) after.delete(key);
    else
      after.set(key, { value: write.value, decimals: write.decimals, qualifier: write.qualifier });
  }
  const unusual: UnusualChange[] = [];
  for (const [key, write] of lastWrite) {
    const next = after.get(key);
    const kind = kinds.get(write.metric);
    if (!next || !kind) continue;
    const baseQuarter = shiftQuarter(write.quarter, -4);
    const base = after.get(figureKey({ ...write, quarter: baseQuarter }));
    if (!base) continue;
    const extreme = extremeYoy(
      kind,
      { ...base, quarter: baseQuarter },
      { ...next, quarter: write.quarter },
    );
    if (!extreme) continue;
    unusual.push({
      row: write.row,
      brand: write.brand,
      metric: write.metric,
      quarter: write.quarter,
      next,
      baseQuarter,
      base,
      ...extreme,
    });
  }
  return unusual.sort((a, b) => a.row - b.row);
}
