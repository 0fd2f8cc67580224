/**
 * A figure's revision history as events a reader understands: "restated on 2026-11-27 by Ada,
 * was RMB 113.1 bn", "source updated on ..., was from <source>", "withdrawn on ... , was ...",
 * "re-entered on ...". Each superseded revision
 * is described by what replaced it, which is the next revision (or the current one).
 */
import type { Qualifier, RevisionDTO, SourceDTO } from "./types";

export type HistoryEventKind = "restated" | "source_updated" | "withdrawn" | "reentered";

export interface HistoryEntry {
  revision: number;
  event: HistoryEventKind;
  /** YYYY-MM-DD (UTC) the revision was superseded, or null for rows stored without it. */
  on: string | null;
  by: string | null;
  /** The value it had; null when the superseded revision was itself a withdrawal. */
  was: { value: number; decimals: number; qualifier: Qualifier } | null;
  source: SourceDTO | null;
  /** The note of the revision that replaced it: why it was restated or withdrawn. */
  reason: string | null;
}

export function historyEntries(
  history: readonly RevisionDTO[],
  current: {
    value: number | null;
    note: string | null;
    decimals?: number;
    qualifier?: Qualifier;
  },
): HistoryEntry[] {
  const ordered = [...history].sort((a, b) => a.revision - b.revision);
  return ordered.map((revision, index) => {
    const next = ordered[index + 1] ?? current;
    // Same value, decimals and qualifier: only the source changed (see figure-change.ts).
    const sameFigure =
      revision.value === next.value &&
      revision.decimals === next.decimals &&
      revision.qualifier === next.qualifier;
    const event: HistoryEventKind =
      next.value === null
        ? "withdrawn"
        : revision.value === null
          ? "reentered"
          : sameFigure
            ? "source_updated"
            : "restated";
    return {
      revision: revision.revision,
      event,
      on: revision.supersededAt?.slice(0, 10) ?? null,
      by: revision.supersededBy,
      was:
        revision.value === null
          ? null
          : { value: revision.value, decimals: revision.decimals, qualifier: revision.qualifier },
      source: revision.source,
      reason: next.note,
    };
  });
}
