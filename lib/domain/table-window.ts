import { type QuarterCode, quarterFromIndex, quarterIndex } from "./quarter";

/**
 * How many quarters the metric page's data table lists before its "All N quarters" link: five
 * years, the overview charts' window. Each row carries its source, quote and history, rendered
 * twice (HTML and RSC payload), so an 80-quarter table alone was 150 KB of a 120 KB page budget.
 */
export const TABLE_LATEST_QUARTERS = 20;

/** At most this many older quarters are kept in the table for having been written recently. */
export const TABLE_RECENT_OLDER = 8;

export interface TableWindow {
  /** The quarters the table lists, newest first: the latest ones, then recently changed older ones. */
  quarters: QuarterCode[];
  /** Of them, the older quarters listed for having changed after the latest ones' figures. */
  recentOlder: QuarterCode[];
  /** Every quarter of the span, listed or not. */
  total: number;
  /** Whether some quarters of the span are not listed (then the page links to all of them). */
  folded: boolean;
}

/**
 * The quarters the data table lists over a span. All of them when asked (`rows=all`) or when the
 * span is short; otherwise the newest TABLE_LATEST_QUARTERS, and the older quarters whose figure
 * (or withdrawal) was written after every figure of those: a figure just saved to an old quarter
 * stays on the page the save leads to, not behind the link.
 */
export function tableWindow(input: {
  from: QuarterCode;
  to: QuarterCode;
  all: boolean;
  /** When each quarter's current figure, or its withdrawal, was written (ISO instants). */
  writtenAt: ReadonlyMap<QuarterCode, string>;
}): TableWindow {
  const span: QuarterCode[] = [];
  for (let index = quarterIndex(input.to); index >= quarterIndex(input.from); index--) {
    span.push(quarterFromIndex(index));
  }
  if (input.all || span.length <= TABLE_LATEST_QUARTERS) {
    return { quarters: span, recentOlder: [], total: span.length, folded: false };
  }
  const latest = span.slice(0, TABLE_LATEST_QUARTERS);
  const newestLatest = latest.reduce(
    (newest, quarter) => {
      const at = input.writtenAt.get(quarter);
      return at !== undefined && (newest === null || at > newest) ? at : newest;
    },
    null as string | null,
  );
  const recentOlder = span
    .slice(TABLE_LATEST_QUARTERS)
    .flatMap((quarter) => {
      const at = input.writtenAt.get(quarter);
      return at !== undefined && (newestLatest === null || at > newestLatest)
        ? [{ quarter, at }]
        : [];
    })
    .sort((a, b) => (a.at === b.at ? 0 : a.at > b.at ? -1 : 1))
    .slice(0, TABLE_RECENT_OLDER)
    .map((entry) => entry.quarter)
    .sort((a, b) => quarterIndex(b) - quarterIndex(a));
  return {
    quarters: [...latest, ...recentOlder],
    recentOlder,
    total: span.length,
    folded: true,
  };
}
