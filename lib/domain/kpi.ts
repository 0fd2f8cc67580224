/**
 * The KPI arithmetic: year-over-year and quarter-over-quarter changes, trailing-twelve-month
 * sums and growth streaks. Pure functions over a metric's current points; a missing quarter is
 * a gap that yields no change, never a zero.
 */
import { type QuarterCode, quarterIndex, shiftQuarter } from "./quarter";
import type { MetricKind, Qualifier } from "./types";

export type Change =
  /** Flows and stocks: relative change; `pct` is null when the base is zero or negative. */
  | { kind: "relative"; pct: number | null; abs: number; approximate: boolean }
  /** Ratios: the difference in percentage points. */
  | { kind: "points"; pp: number; approximate: boolean };

export interface ValuePoint {
  quarter: QuarterCode;
  value: number;
  qualifier: Qualifier;
}

export interface SeriesRow<P extends ValuePoint = ValuePoint> {
  point: P;
  yoy: Change | null;
  qoq: Change | null;
  /** Sum of the four quarters ending here; flows only, and only when all four exist. */
  ttm: number | null;
}

/**
 * The change from `base` to `current`. A percentage of a zero or negative base means nothing
 * (a swing from a loss is not "+250%"), so it is withheld and only the absolute change is given.
 */
export function change(kind: MetricKind, base: ValuePoint, current: ValuePoint): Change {
  const approximate = base.qualifier !== "exact" || current.qualifier !== "exact";
  const abs = current.value - base.value;
  if (kind === "ratio") return { kind: "points", pp: abs, approximate };
  const pct = base.value > 0 ? (abs / base.value) * 100 : null;
  return { kind: "relative", pct, abs, approximate };
}

/** The signed size of a change for comparisons: percent for relative, points for ratios. */
export function changeMagnitude(delta: Change): number | null {
  return delta.kind === "points" ? delta.pp : delta.pct;
}

export function indexByQuarter<P extends ValuePoint>(points: readonly P[]): Map<QuarterCode, P> {
  return new Map(points.map((point) => [point.quarter, point]));
}

/** The same quarter a year earlier, or null when that quarter is missing. */
export function yearAgo<P extends ValuePoint>(
  byQuarter: Map<QuarterCode, P>,
  quarter: QuarterCode,
  years = 1,
): P | null {
  return byQuarter.get(shiftQuarter(quarter, -4 * years)) ?? null;
}

export function yoyChange<P extends ValuePoint>(
  kind: MetricKind,
  byQuarter: Map<QuarterCode, P>,
  point: P,
  years = 1,
): Change | null {
  const base = yearAgo(byQuarter, point.quarter, years);
  return base ? change(kind, base, point) : null;
}

export function trailingTwelveMonths<P extends ValuePoint>(
  kind: MetricKind,
  byQuarter: Map<QuarterCode, P>,
  quarter: QuarterCode,
): number | null {
  if (kind !== "flow") return null;
  let sum = 0;
  for (let back = 0; back < 4; back++) {
    const point = byQuarter.get(shiftQuarter(quarter, -back));
    if (!point) return null;
    sum += point.value;
  }
  return sum;
}

/** Rows in chronological order, each with its YoY, QoQ and TTM computed from the full series. */
export function buildSeriesRows<P extends ValuePoint>(
  kind: MetricKind,
  points: readonly P[],
): SeriesRow<P>[] {
  const sorted = [...points].sort((a, b) => quarterIndex(a.quarter) - quarterIndex(b.quarter));
  const byQuarter = indexByQuarter(sorted);
  return sorted.map((point) => {
    const previous = byQuarter.get(shiftQuarter(point.quarter, -1));
    return {
      point,
      yoy: yoyChange(kind, byQuarter, point),
      qoq: previous ? change(kind, previous, point) : null,
      ttm: trailingTwelveMonths(kind, byQuarter, point.quarter),
    };
  });
}

export interface Streak {
  direction: "growth" | "decline";
  /** Consecutive quarters, ending with the latest, whose YoY change has this direction. */
  quarters: number;
}

/**
 * The run of same-direction YoY changes ending at the latest quarter. A quarter without a YoY
 * (itself or its year-ago quarter missing) ends the run: a gap is not evidence of growth.
 */
export function yoyStreak(rows: readonly SeriesRow[]): Streak | null {
  let direction: Streak["direction"] | null = null;
  let count = 0;
  let expected: number | null = null;
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i];
    if (!row) break;
    const index = quarterIndex(row.point.quarter);
    if (expected !== null && index !== expected) break;
    const magnitude = row.yoy ? changeMagnitude(row.yoy) : null;
    if (magnitude === null || magnitude === 0) break;
    const rowDirection = magnitude > 0 ? "growth" : "decline";
    if (direction === null) direction = rowDirection;
    else if (direction !== rowDirection) break;
    count++;
    expected = index - 1;
  }
  return direction === null ? null : { direction, quarters: count };
}

/** Rows whose quarter lies within [from, to]; either bound may be absent. */
export function withinRange<R extends { point: { quarter: QuarterCode } }>(
  rows: readonly R[],
  from: QuarterCode | null,
  to: QuarterCode | null,
): R[] {
  const start = from ? quarterIndex(from) : Number.NEGATIVE_INFINITY;
  const end = to ? quarterIndex(to) : Number.POSITIVE_INFINITY;
  return rows.filter((row) => {
    const index = quarterIndex(row.point.quarter);
    return index >= start && index <= end;
  });
}

/**
 * Whether a YoY percentage a source states agrees with the stored values, given that each input
 * is rounded to the digits it is written with. Each value is known only to within half a unit of
 * its last digit, so the true YoY lies in an interval; the stated one, itself rounded, must touch it.
 */
export function statedYoyAgrees(input: {
  value: number;
  decimals: number;
  base: number;
  baseDecimals: number;
  statedPct: number;
  statedDecimals: number;
}): { agrees: boolean; lowPct: number; highPct: number } {
  const halfUnit = (decimals: number) => 0.5 * 10 ** -decimals;
  const valueError = halfUnit(input.decimals);
  const baseError = halfUnit(input.baseDecimals);
  const statedError = halfUnit(input.statedDecimals);
  const lowBase = input.base - baseError;
  const highBase = input.base + baseError;
  if (lowBase <= 0) return { agrees: true, lowPct: Number.NaN, highPct: Number.NaN };
  const lowPct = ((input.value - valueError) / highBase - 1) * 100;
  const highPct = ((input.value + valueError) / lowBase - 1) * 100;
  const agrees =
    input.statedPct + statedError >= lowPct - 1e-9 &&
    input.statedPct - statedError <= highPct + 1e-9;
  return { agrees, lowPct, highPct };
}

/** Digits after the decimal point in a decimal literal as written ("6.0" has 1, "15000" has 0). */
export function decimalsOf(literal: string): number {
  const dot = literal.indexOf(".");
  return dot === -1 ? 0 : literal.length - dot - 1;
}
