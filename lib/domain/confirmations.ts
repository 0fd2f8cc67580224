/**
 * What a submission must confirm before it is saved: replacing a figure that is already stored
 * (a restatement), and a change against the year-ago quarter so large that it is more likely a
 * typo or a wrong unit than news. The server computes these inside the write transaction; the
 * form shows them and sends back the tokens of what the analyst confirmed.
 */
import { type Change, change, type ValuePoint } from "./kpi";
import { type QuarterCode, shiftQuarter } from "./quarter";
import type { MetricKind, Qualifier, SourceDTO } from "./types";

/** A YoY beyond this (either way) asks for confirmation: flows and stocks, in percent. */
export const EXTREME_YOY_PCT = 60;
/** The same for ratios, in percentage points: a margin moving 20 points in a year is rare. */
export const EXTREME_YOY_PP = 20;
/** A value this many times the year-ago one (or that fraction of it) smells of a wrong unit. */
export const UNIT_SLIP_FACTOR = 10;

export interface FigureValue {
  value: number;
  decimals: number;
  qualifier: Qualifier;
}

export interface ExtremeChange {
  change: Change;
  /** At least tenfold up or down: probably typed in the wrong unit (M instead of bn, ...). */
  unitSlip: boolean;
}

/**
 * Whether `next` against the same quarter a year earlier is extreme. A relative change of a zero
 * or negative base has no meaningful percentage, so only a unit slip counts there.
 */
export function extremeYoy(
  kind: MetricKind,
  base: ValuePoint,
  next: ValuePoint,
): ExtremeChange | null {
  const delta = change(kind, base, next);
  if (delta.kind === "points") {
    return Math.abs(delta.pp) > EXTREME_YOY_PP ? { change: delta, unitSlip: false } : null;
  }
  const ratio = base.value !== 0 && next.value !== 0 ? Math.abs(next.value / base.value) : null;
  const unitSlip = ratio !== null && (ratio >= UNIT_SLIP_FACTOR || ratio <= 1 / UNIT_SLIP_FACTOR);
  const large = delta.pct !== null && Math.abs(delta.pct) > EXTREME_YOY_PCT;
  return unitSlip || large ? { change: delta, unitSlip } : null;
}

export interface CurrentFigure {
  /** null: the figure was withdrawn, so the quarter has no value to restate. */
  value: number | null;
  decimals: number;
  qualifier: Qualifier;
  revision: number;
  source: SourceDTO | null;
  createdBy: string;
  /** ISO timestamp. */
  createdAt: string;
}

export interface RestatementConfirmation {
  kind: "restatement";
  token: string;
  metricKey: string;
  quarter: QuarterCode;
  current: CurrentFigure & { value: number };
  next: FigureValue;
}

export interface ExtremeChangeConfirmation {
  kind: "extreme_change";
  token: string;
  metricKey: string;
  quarter: QuarterCode;
  baseQuarter: QuarterCode;
  base: FigureValue;
  next: FigureValue;
  change: Change;
  unitSlip: boolean;
}

export type Confirmation = RestatementConfirmation | ExtremeChangeConfirmation;

/**
 * Names what is confirmed: the quarter, the metric and the value typed. Changing the value (or
 * the quarter) after confirming asks again; another editor's write in between does not, so two
 * confirmed submissions of one quarter are both recorded.
 */
export function confirmationToken(
  kind: Confirmation["kind"],
  quarter: QuarterCode,
  metricKey: string,
  next: FigureValue,
): string {
  return [quarter, kind, metricKey, String(next.value), next.decimals, next.qualifier].join("|");
}

export interface SubmittedFigure {
  metricKey: string;
  kind: MetricKind;
  next: FigureValue;
}

/** Everything the figures need confirmed, restatements first, in the order given. */
export function requiredConfirmations(input: {
  quarter: QuarterCode;
  figures: readonly SubmittedFigure[];
  current: ReadonlyMap<string, CurrentFigure>;
  yearAgo: ReadonlyMap<string, FigureValue>;
}): Confirmation[] {
  const restatements: Confirmation[] = [];
  const extremes: Confirmation[] = [];
  for (const figure of input.figures) {
    const current = input.current.get(figure.metricKey);
    if (current && current.value !== null) {
      restatements.push({
        kind: "restatement",
        token: confirmationToken("restatement", input.quarter, figure.metricKey, figure.next),
        metricKey: figure.metricKey,
        quarter: input.quarter,
        current: { ...current, value: current.value },
        next: figure.next,
      });
    }
    const base = input.yearAgo.get(figure.metricKey);
    const baseQuarter = shiftQuarter(input.quarter, -4);
    const extreme = base
      ? extremeYoy(
          figure.kind,
          { ...base, quarter: baseQuarter },
          { ...figure.next, quarter: input.quarter },
        )
      : null;
    if (base && extreme) {
      extremes.push({
        kind: "extreme_change",
        token: confirmationToken("extreme_change", input.quarter, figure.metricKey, figure.next),
        metricKey: figure.metricKey,
        quarter: input.quarter,
        baseQuarter,
        base,
        next: figure.next,
        ...extreme,
      });
    }
  }
  return [...restatements, ...extremes];
}

/** The confirmations not covered by the tokens the analyst confirmed. */
export function unconfirmed(
  required: readonly Confirmation[],
  confirmedTokens: readonly string[],
): Confirmation[] {
  const confirmed = new Set(confirmedTokens);
  return required.filter((item) => !confirmed.has(item.token));
}
