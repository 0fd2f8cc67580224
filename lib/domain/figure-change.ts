/**
 * What saving a figure over the stored one amounts to. A save that changes nothing is refused
 * (it would add a revision that says "restated" about nothing); a save that changes only where
 * the figure comes from is a source update, kept as a revision but named as such, so a reader
 * never takes it for a corrected value. The note does not count: it says why, not what.
 */
import type { Qualifier } from "./types";

export type FigureChangeKind = "new" | "unchanged" | "source_update" | "restatement";

export interface StoredFigureState {
  /** null: withdrawn, so any value is a new figure again. */
  value: number | null;
  decimals: number;
  qualifier: Qualifier;
  sourceId: number | null;
  quote?: string | null;
}

export interface NextFigureState {
  value: number;
  decimals: number;
  qualifier: Qualifier;
  sourceId: number;
  /** The quote from the source, part of where the figure comes from; undefined: not given. */
  quote?: string | null;
}

export function classifyFigureChange(
  current: StoredFigureState | null,
  next: NextFigureState,
): FigureChangeKind {
  if (current === null || current.value === null) return "new";
  const sameFigure =
    current.value === next.value &&
    current.decimals === next.decimals &&
    current.qualifier === next.qualifier;
  if (!sameFigure) return "restatement";
  const sameQuote = next.quote === undefined || (current.quote ?? null) === next.quote;
  return current.sourceId === next.sourceId && sameQuote ? "unchanged" : "source_update";
}

/** The sentence shown on the value's field when a save would change nothing. */
export function unchangedFigureMessage(label: string, quarterLabel: string): string {
  return `${label} for ${quarterLabel} is already stored with this value, qualifier and source: saving it would change nothing. Change the value, the qualifier or the source, or leave it empty.`;
}
