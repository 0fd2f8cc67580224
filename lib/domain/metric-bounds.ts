/**
 * What a value typed for a metric may be, derived from the catalog entry (unit, kind, key) by
 * rule rather than listed per key, so that a metric added to the catalog is covered at once.
 *
 * - A percentage (unit "%") is a share of something: between -100 and 100.
 * - Money (a unit starting with a currency code, "RMB bn") is never negative, except for
 *   profit-like metrics, whose key or label says so (profit, income, earnings, loss, EBIT(DA),
 *   cash flow): a loss is a negative profit, a negative revenue is a typo.
 * - Everything else is a count (users, units, devices, stores, vehicles): never negative, and a
 *   whole number when the unit has no scale ("stores", not "M users").
 *
 * Upper bounds are "cannot be true" limits, not "unusual" ones (the YoY check catches those):
 * 10 trillion in money per quarter, 10 billion people, 100 billion things, in the unit's scale.
 */
import { fieldMessage } from "./field-messages";
import { splitUnit, unitNoun } from "./format";
import type { MetricKind } from "./types";

export interface BoundedMetric {
  key: string;
  label: string;
  unit: string;
  kind: MetricKind;
}

export interface ValueRule {
  min: number;
  max: number;
  /** Only whole numbers: a count without a scale. */
  whole: boolean;
  /** What the unit means, for hints: "billions of RMB". */
  scaleWords: string;
}

const SCALES: Record<string, { factor: number; words: string }> = {
  bn: { factor: 1e9, words: "billions" },
  B: { factor: 1e9, words: "billions" },
  M: { factor: 1e6, words: "millions" },
  m: { factor: 1e6, words: "millions" },
  k: { factor: 1e3, words: "thousands" },
  K: { factor: 1e3, words: "thousands" },
};

const PROFIT_LIKE = /profit|income|earnings|loss|ebit|cash[\s_-]?flow/i;
const PEOPLE = /\b(users?|people|customers|subscribers|members|accounts)\b/i;

const MAX_MONEY = 1e13;
const MAX_PEOPLE = 1e10;
const MAX_THINGS = 1e11;

/** "RMB bn" -> currency RMB, scale bn; "M users" -> scale M, noun users; "stores" -> noun only. */
export function parseUnit(unit: string): {
  currency: string | null;
  scale: string | null;
  noun: string;
} {
  const { prefix, suffix } = splitUnit(unit);
  const currency = prefix.trim() || null;
  const words = (currency ? suffix : unit).trim().split(/\s+/).filter(Boolean);
  const first = words[0];
  if (first !== undefined && first in SCALES) {
    return { currency, scale: first, noun: words.slice(1).join(" ") };
  }
  return { currency, scale: null, noun: words.join(" ") };
}

export function isProfitLike(metric: Pick<BoundedMetric, "key" | "label">): boolean {
  return PROFIT_LIKE.test(metric.key) || PROFIT_LIKE.test(metric.label);
}

export function valueRuleFor(metric: BoundedMetric): ValueRule {
  if (metric.unit === "%") {
    return { min: -100, max: 100, whole: false, scaleWords: "percent" };
  }
  const { currency, scale, noun } = parseUnit(metric.unit);
  const factor = scale ? (SCALES[scale]?.factor ?? 1) : 1;
  const scaleName = scale ? (SCALES[scale]?.words ?? scale) : null;
  if (currency) {
    const max = MAX_MONEY / factor;
    return {
      min: isProfitLike(metric) ? -max : 0,
      max,
      whole: false,
      scaleWords: scaleName ? `${scaleName} of ${currency}` : currency,
    };
  }
  const max = (PEOPLE.test(noun) ? MAX_PEOPLE : MAX_THINGS) / factor;
  return {
    min: 0,
    max,
    whole: scale === null,
    scaleWords: scaleName ? `${scaleName} of ${noun || "units"}` : `number of ${noun || "units"}`,
  };
}

/** Why a number is outside its metric's rule, or null when it fits. */
export function valueRuleProblem(rule: ValueRule, value: number, unit: string): string | null {
  const bound = (limit: number) => limit.toLocaleString("en-US", { maximumFractionDigits: 6 });
  if (value < rule.min) {
    return rule.min === 0
      ? fieldMessage("negative", { noun: unitNoun(unit) })
      : fieldMessage("atLeast", { bound: bound(rule.min), unit });
  }
  if (value > rule.max) return fieldMessage("atMost", { bound: bound(rule.max), unit });
  if (rule.whole && !Number.isInteger(value)) {
    return fieldMessage("wholeNumber", { unit: unit || "units" });
  }
  return null;
}
