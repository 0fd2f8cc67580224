/**
 * Judging claims: what a brand, the press, an analyst or an influencer said about a brand's figures, and
 * whether the stored figures back it. `judgeClaim` is pure: the same claim and the same figures
 * always give the same verdict and the same arithmetic, which is what makes the stored verdict
 * history a cache (see README, "Claims").
 *
 * How a verdict is reached:
 * 1. The claim's number is computed from the current figures (a level, a change, a multiple, a
 *    share, a streak length, or a record check). Each figure is known only to within half a unit
 *    of its last stated digit, so the computation gives a range as well as a point.
 * 2. The claim's hedge gives the window of numbers the stated one allows (HEDGE_TOLERANCES).
 * 3. The claim holds when the range touches the window. Otherwise it is overstated (the stated
 *    number is above what the figures give) or understated (below), by the difference between
 *    the stated number and the computed point, and by their ratio.
 * A claim that needs a figure Pulse does not hold, or monthly data, cannot be checked, with the
 * reason.
 */

import { type ClaimPhrase, phrase, plainNumber } from "./claim-phrases";
import type { ClaimComparison, ClaimKind, Hedge, Verdict } from "./claim-terms";
import { decimalDifference, halfUnit, PERCENT_DECIMALS, roundPercent } from "./decimal-math";
import { roundTo } from "./format";
import { type QuarterCode, quarterIndex, quarterRange, shiftQuarter } from "./quarter";
import type { MetricKind, Qualifier } from "./types";

/** "about" allows this fraction of the stated number either side. */
export const ABOUT_RELATIVE_TOLERANCE = 0.05;
/** "nearly" allows from this fraction of the stated number up to it. */
export const NEARLY_LOWER_FRACTION = 0.9;

interface Window {
  low: number;
  high: number;
}

/**
 * The one table of tolerances: the numbers a hedged statement allows. `r` is the rounding of the
 * stated digits (half a unit of the last one: "8.2" allows 8.15 to 8.25), and every window is
 * widened by it.
 */
export const HEDGE_TOLERANCES: Record<
  Hedge,
  { rule: string; window: (stated: number, r: number) => Window }
> = {
  exact: {
    rule: "within the rounding of the stated digits",
    window: (s, r) => ({ low: s - r, high: s + r }),
  },
  about: {
    rule: `within ±${ABOUT_RELATIVE_TOLERANCE * 100}% of the stated number, or its rounding if larger`,
    window: (s, r) => {
      const spread = Math.max(Math.abs(s) * ABOUT_RELATIVE_TOLERANCE, r);
      return { low: s - spread, high: s + spread };
    },
  },
  nearly: {
    rule: `from ${NEARLY_LOWER_FRACTION * 100}% of the stated number up to it, widened by its rounding`,
    window: (s, r) => {
      const edge = s * NEARLY_LOWER_FRACTION;
      return { low: Math.min(edge, s) - r, high: Math.max(edge, s) + r };
    },
  },
  over: {
    rule: "not below the stated number, less its rounding",
    window: (s, r) => ({ low: s - r, high: Number.POSITIVE_INFINITY }),
  },
  under: {
    rule: "not above the stated number, plus its rounding",
    window: (s, r) => ({ low: Number.NEGATIVE_INFINITY, high: s + r }),
  },
};

/** A current figure a verdict may use: the revision id is what the verdict cache records. */
export interface ClaimFigure {
  id: number;
  revision: number;
  metricKey: string;
  quarter: QuarterCode;
  value: number;
  decimals: number;
  qualifier: Qualifier;
}

export interface ClaimToJudge {
  kind: ClaimKind;
  metricKey: string;
  metricKind: MetricKind;
  quarter: QuarterCode | null;
  comparison: ClaimComparison | null;
  statedValue: number;
  statedDecimals: number;
  /** "%" or "pp" for changes and shares, "×" for multiples, "quarters" for streaks, else the metric's unit. */
  statedUnit: string;
  hedge: Hedge;
  relativeMetricKey: string | null;
}

/** The arithmetic behind a verdict, as data: shown under the verdict and stored with it. */
export interface ClaimArithmetic {
  /** The figures used, each with its revision id (linked on the page). */
  inputs: ClaimFigure[];
  /** How the number was computed, e.g. "(108796 ÷ 39790 − 1) × 100", as a phrase (claim-phrases.ts). */
  formula: ClaimPhrase | null;
  /** The computed number at the documented precision, and the range the inputs' rounding allows. */
  computed: number | null;
  computedLow: number | null;
  computedHigh: number | null;
  unit: string;
  /** What the hedge allows; null bounds are open. */
  allowedLow: number | null;
  allowedHigh: number | null;
  rule: string;
  /** Steps a reader can follow (for streaks and records), as phrases. */
  steps: ClaimPhrase[];
}

export interface ClaimVerdictResult {
  verdict: Verdict;
  /** stated − computed, in `differenceUnit`: "%" of the computed number for levels and multiples, "pp" for changes in % and shares, "quarters" for streaks. */
  difference: number | null;
  differenceUnit: "%" | "pp" | "quarters" | null;
  /** stated ÷ computed. */
  ratio: number | null;
  /** Why it cannot be checked, or why a record is not one, as a phrase. */
  reason: ClaimPhrase | null;
  figureIds: number[];
  arithmetic: ClaimArithmetic;
}

type Lookup = (metricKey: string, quarter: QuarterCode) => ClaimFigure | undefined;

function emptyArithmetic(claim: ClaimToJudge, inputs: ClaimFigure[] = []): ClaimArithmetic {
  return {
    inputs,
    formula: null,
    computed: null,
    computedLow: null,
    computedHigh: null,
    unit: claim.statedUnit,
    allowedLow: null,
    allowedHigh: null,
    rule: HEDGE_TOLERANCES[claim.hedge].rule,
    steps: [],
  };
}

function unverifiable(
  claim: ClaimToJudge,
  reason: ClaimPhrase,
  inputs: ClaimFigure[] = [],
): ClaimVerdictResult {
  return {
    verdict: "unverifiable",
    difference: null,
    differenceUnit: null,
    ratio: null,
    reason,
    figureIds: inputs.map((figure) => figure.id),
    arithmetic: emptyArithmetic(claim, inputs),
  };
}

function missing(metricKey: string, quarter: QuarterCode): ClaimPhrase {
  return phrase("missingFigure", { metric: metricKey, quarter: { quarter } });
}

/** A figure's number for formulas and steps: as stated, without grouping. */
function plain(figure: ClaimFigure) {
  return plainNumber(figure.value, figure.decimals);
}

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

interface Computation {
  inputs: ClaimFigure[];
  formula: ClaimPhrase;
  /** Rounded for the arithmetic (PERCENT_DECIMALS, or exact decimals for differences). */
  computed: number;
  low: number;
  high: number;
  /** How the stated−computed difference is expressed. */
  differenceUnit: "%" | "pp" | "quarters";
  steps?: ClaimPhrase[];
}

/** Compares a computation with the stated number through the hedge's window. */
function decide(claim: ClaimToJudge, computation: Computation): ClaimVerdictResult {
  const r = halfUnit(claim.statedDecimals);
  const window = HEDGE_TOLERANCES[claim.hedge].window(claim.statedValue, r);
  const touches = computation.low <= window.high && computation.high >= window.low;
  const verdict: Verdict = touches
    ? "holds"
    : computation.high < window.low
      ? "overstated"
      : "understated";
  const c = computation.computed;
  const s = claim.statedValue;
  let difference: number | null;
  if (computation.differenceUnit === "%") {
    difference = c === 0 ? null : roundPercent((s / c - 1) * 100);
  } else if (computation.differenceUnit === "pp") {
    difference = roundTo(s - c, Math.max(claim.statedDecimals, PERCENT_DECIMALS));
  } else {
    difference = s - c;
  }
  const ratio = c === 0 ? null : roundPercent(s / c);
  return {
    verdict,
    difference: verdict === "holds" ? null : difference,
    differenceUnit: verdict === "holds" ? null : computation.differenceUnit,
    ratio: verdict === "holds" ? null : ratio,
    reason: null,
    figureIds: computation.inputs.map((figure) => figure.id),
    arithmetic: {
      inputs: computation.inputs,
      formula: computation.formula,
      computed: computation.computed,
      computedLow: finiteOrNull(roundPercent(computation.low)),
      computedHigh: finiteOrNull(roundPercent(computation.high)),
      unit: claim.statedUnit,
      allowedLow: finiteOrNull(roundPercent(window.low)),
      allowedHigh: finiteOrNull(roundPercent(window.high)),
      rule: HEDGE_TOLERANCES[claim.hedge].rule,
      steps: computation.steps ?? [],
    },
  };
}

function baseQuarter(quarter: QuarterCode, comparison: ClaimComparison): QuarterCode {
  return shiftQuarter(quarter, comparison === "yoy" ? -4 : -1);
}

/** The range of value ÷ base given each figure's rounding; null when the base could be zero or below. */
function quotientRange(
  value: ClaimFigure,
  base: ClaimFigure,
): { low: number; high: number } | null {
  const lowBase = base.value - halfUnit(base.decimals);
  const highBase = base.value + halfUnit(base.decimals);
  if (lowBase <= 0) return null;
  return {
    low: (value.value - halfUnit(value.decimals)) / highBase,
    high: (value.value + halfUnit(value.decimals)) / lowBase,
  };
}

function judgeLevel(claim: ClaimToJudge, quarter: QuarterCode, lookup: Lookup) {
  const figure = lookup(claim.metricKey, quarter);
  if (!figure) return unverifiable(claim, missing(claim.metricKey, quarter));
  const r = halfUnit(figure.decimals);
  return decide(claim, {
    inputs: [figure],
    formula: phrase("formulaLevel", { value: plain(figure) }),
    computed: figure.value,
    low: figure.value - r,
    high: figure.value + r,
    differenceUnit: "%",
  });
}

/**
 * The claim's quarter and the quarter it is compared with (a year or a quarter earlier), or the
 * "cannot be checked" verdict naming the figure that is missing.
 */
function figureAndBase(
  claim: ClaimToJudge,
  quarter: QuarterCode,
  lookup: Lookup,
):
  | { figure: ClaimFigure; base: ClaimFigure; before: QuarterCode }
  | ReturnType<typeof unverifiable> {
  const before = baseQuarter(quarter, claim.comparison ?? "yoy");
  const figure = lookup(claim.metricKey, quarter);
  const base = lookup(claim.metricKey, before);
  const found = [base, figure].filter((f): f is ClaimFigure => f !== undefined);
  if (!figure) return unverifiable(claim, missing(claim.metricKey, quarter), found);
  if (!base) return unverifiable(claim, missing(claim.metricKey, before), found);
  return { figure, base, before };
}

function judgeChange(claim: ClaimToJudge, quarter: QuarterCode, lookup: Lookup) {
  const pair = figureAndBase(claim, quarter, lookup);
  if (!("figure" in pair)) return pair;
  const { figure, base, before } = pair;
  if (claim.statedUnit === "pp") {
    const computed = decimalDifference(figure.value, figure.decimals, base.value, base.decimals);
    const spread = halfUnit(figure.decimals) + halfUnit(base.decimals);
    return decide(claim, {
      inputs: [base, figure],
      formula: phrase("formulaDifference", { value: plain(figure), base: plain(base) }),
      computed,
      low: computed - spread,
      high: computed + spread,
      differenceUnit: "pp",
    });
  }
  const range = quotientRange(figure, base);
  if (!range) {
    return unverifiable(claim, phrase("changeBaseNotPositive", { quarter: { quarter: before } }), [
      base,
      figure,
    ]);
  }
  return decide(claim, {
    inputs: [base, figure],
    formula: phrase("formulaChange", { value: plain(figure), base: plain(base) }),
    computed: roundPercent((figure.value / base.value - 1) * 100),
    low: (range.low - 1) * 100,
    high: (range.high - 1) * 100,
    differenceUnit: "pp",
  });
}

function judgeMultiple(claim: ClaimToJudge, quarter: QuarterCode, lookup: Lookup) {
  const pair = figureAndBase(claim, quarter, lookup);
  if (!("figure" in pair)) return pair;
  const { figure, base, before } = pair;
  const range = quotientRange(figure, base);
  if (!range) {
    return unverifiable(
      claim,
      phrase("multipleBaseNotPositive", { quarter: { quarter: before } }),
      [base, figure],
    );
  }
  return decide(claim, {
    inputs: [base, figure],
    formula: phrase("formulaMultiple", { value: plain(figure), base: plain(base) }),
    computed: roundPercent(figure.value / base.value),
    low: range.low,
    high: range.high,
    differenceUnit: "%",
  });
}

function judgeShare(claim: ClaimToJudge, quarter: QuarterCode, lookup: Lookup) {
  if (!claim.relativeMetricKey) {
    return unverifiable(claim, phrase("shareNeedsWhole"));
  }
  const part = lookup(claim.metricKey, quarter);
  const whole = lookup(claim.relativeMetricKey, quarter);
  const found = [part, whole].filter((f): f is ClaimFigure => f !== undefined);
  if (!part) return unverifiable(claim, missing(claim.metricKey, quarter), found);
  if (!whole) return unverifiable(claim, missing(claim.relativeMetricKey, quarter), found);
  const range = quotientRange(part, whole);
  if (!range) {
    return unverifiable(
      claim,
      phrase("shareWholeNotPositive", { metric: claim.relativeMetricKey }),
      found,
    );
  }
  return decide(claim, {
    inputs: [part, whole],
    formula: phrase("formulaShare", { part: plain(part), whole: plain(whole) }),
    computed: roundPercent((part.value / whole.value) * 100),
    low: range.low * 100,
    high: range.high * 100,
    differenceUnit: "pp",
  });
}

/**
 * A streak of n consecutive quarters of YoY growth ending in the claim's quarter. Every one of the
 * n changes must be computable (a gap makes the claim uncheckable, never a break in the streak);
 * the count then continues back while growth and figures last. Where it stops at a missing figure
 * the streak may be longer than counted, which only an "exact" or "under" claim can contradict.
 */
function judgeStreak(claim: ClaimToJudge, quarter: QuarterCode, lookup: Lookup) {
  const stated = Math.round(claim.statedValue);
  const inputs = new Map<number, ClaimFigure>();
  const steps: ClaimPhrase[] = [];
  const missingQuarters: QuarterCode[] = [];
  for (let back = 0; back < stated; back++) {
    const q = shiftQuarter(quarter, -back);
    for (const needed of [q, shiftQuarter(q, -4)]) {
      if (!lookup(claim.metricKey, needed) && !missingQuarters.includes(needed)) {
        missingQuarters.push(needed);
      }
    }
  }
  if (missingQuarters.length > 0) {
    const sorted = [...missingQuarters].sort((a, b) => quarterIndex(a) - quarterIndex(b));
    const present = quarterRange(shiftQuarter(quarter, -(stated + 3)), quarter)
      .map((q) => lookup(claim.metricKey, q))
      .filter((f): f is ClaimFigure => f !== undefined);
    return unverifiable(
      claim,
      phrase("streakGaps", {
        stated: plainNumber(stated, 0),
        from: { quarter: shiftQuarter(quarter, -(stated + 3)) },
        to: { quarter },
        missing: { quarters: sorted },
      }),
      present,
    );
  }
  let count = 0;
  let openEnded = false;
  for (let back = 0; ; back++) {
    const q = shiftQuarter(quarter, -back);
    const figure = lookup(claim.metricKey, q);
    const base = lookup(claim.metricKey, shiftQuarter(q, -4));
    if (!figure || !base) {
      openEnded = true;
      steps.push(phrase("streakStops", { quarter: { quarter: q } }));
      break;
    }
    inputs.set(figure.id, figure);
    inputs.set(base.id, base);
    const grew = figure.value > base.value;
    steps.push(
      phrase(grew ? "streakGrowth" : "streakNoGrowth", {
        quarter: { quarter: q },
        value: plain(figure),
        base: plain(base),
        baseQuarter: { quarter: base.quarter },
      }),
    );
    if (!grew) break;
    count++;
  }
  const ordered = [...inputs.values()].sort(
    (a, b) => quarterIndex(a.quarter) - quarterIndex(b.quarter),
  );
  return decide(claim, {
    inputs: ordered,
    formula: phrase("formulaStreak", { quarter: { quarter } }),
    computed: count,
    low: count,
    high: openEnded ? Number.POSITIVE_INFINITY : count,
    differenceUnit: "quarters",
    steps,
  });
}

/**
 * A record: the claim's quarter is above the stated level (per the hedge) and is the first stored
 * quarter to be. Quarters before the first stored one are outside what Pulse holds (the steps say
 * so); a gap between the first stored quarter and the claim's makes the claim uncheckable.
 */
function judgeRecord(
  claim: ClaimToJudge,
  quarter: QuarterCode,
  lookup: Lookup,
  all: ClaimFigure[],
) {
  const figure = lookup(claim.metricKey, quarter);
  if (!figure) return unverifiable(claim, missing(claim.metricKey, quarter));
  const earlier = all
    .filter(
      (f) => f.metricKey === claim.metricKey && quarterIndex(f.quarter) < quarterIndex(quarter),
    )
    .sort((a, b) => quarterIndex(a.quarter) - quarterIndex(b.quarter));
  const first = earlier[0];
  if (first) {
    const gaps = quarterRange(first.quarter, quarter).filter((q) => !lookup(claim.metricKey, q));
    if (gaps.length > 0) {
      return unverifiable(
        claim,
        phrase("recordGaps", {
          from: { quarter: first.quarter },
          to: { quarter },
          missing: { quarters: gaps },
        }),
        [...earlier, figure],
      );
    }
  }
  const level = decide(claim, {
    inputs: [figure],
    formula: phrase("formulaLevel", { value: plain(figure) }),
    computed: figure.value,
    low: figure.value - halfUnit(figure.decimals),
    high: figure.value + halfUnit(figure.decimals),
    differenceUnit: "%",
  });
  const steps = [
    first
      ? phrase("recordChecked", { from: { quarter: first.quarter }, to: { quarter } })
      : phrase("recordNoEarlier", { quarter: { quarter } }),
  ];
  const beaten = earlier.filter((f) => f.value >= claim.statedValue);
  const result: ClaimVerdictResult = {
    ...level,
    figureIds: [...earlier, figure].map((f) => f.id),
    arithmetic: { ...level.arithmetic, inputs: [...earlier, figure], steps },
  };
  if (level.verdict !== "holds") return result;
  if (beaten.length > 0) {
    const earliest = beaten[0] as ClaimFigure;
    steps.push(
      phrase("recordAlready", {
        quarter: { quarter: earliest.quarter },
        value: { number: earliest.value, decimals: earliest.decimals },
      }),
    );
    return {
      ...result,
      verdict: "overstated" as const,
      reason: phrase("notFirst", { quarter: { quarter: earliest.quarter } }),
    };
  }
  steps.push(
    phrase("recordBelow", {
      stated: { number: claim.statedValue, decimals: claim.statedDecimals },
    }),
  );
  return result;
}

/** The verdict on one claim against the brand's current figures. */
export function judgeClaim(
  claim: ClaimToJudge,
  figures: readonly ClaimFigure[],
): ClaimVerdictResult {
  const index = new Map(figures.map((f) => [`${f.metricKey}|${f.quarter}`, f]));
  const lookup: Lookup = (metricKey, quarter) => index.get(`${metricKey}|${quarter}`);
  if (claim.kind === "cumulative") {
    return unverifiable(claim, phrase("cumulative"));
  }
  const quarter = claim.quarter;
  if (!quarter) return unverifiable(claim, phrase("noQuarter"));
  switch (claim.kind) {
    case "level":
      return judgeLevel(claim, quarter, lookup);
    case "change":
      return judgeChange(claim, quarter, lookup);
    case "multiple":
      return judgeMultiple(claim, quarter, lookup);
    case "share":
      return judgeShare(claim, quarter, lookup);
    case "streak":
      return judgeStreak(claim, quarter, lookup);
    case "record":
      return judgeRecord(claim, quarter, lookup, [...figures]);
  }
}

/** Which metrics a claim's verdict reads, so a restatement of any of them re-judges it. */
export function claimMetricKeys(
  claim: Pick<ClaimToJudge, "metricKey" | "relativeMetricKey">,
): string[] {
  return claim.relativeMetricKey ? [claim.metricKey, claim.relativeMetricKey] : [claim.metricKey];
}
