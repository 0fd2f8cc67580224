/**
 * The rules one figure's value must satisfy, whatever the way it comes in (the quarter form, a
 * CSV import): one module, so that a value the form refuses is refused by an import too.
 */
import { DecimalLiteralSchema } from "./fields";
import { decimalsOf } from "./kpi";
import type { MetricDTO } from "./types";

export type MetricValueCheck =
  | { ok: true; value: number; decimals: number }
  | { ok: false; message: string };

export type UnitClass = "money" | "percent" | "count";

/**
 * A double holds any decimal of up to 15 significant digits exactly enough to give it back; a
 * longer literal would be stored as a different number than the one written.
 */
export const MAX_SIGNIFICANT_DIGITS = 15;

/** The largest plausible amounts before scaling: a quadrillion in money, a trillion of a count. */
const MONEY_LIMIT = 1e15;
const COUNT_LIMIT = 1e12;

const SCALES: readonly { pattern: RegExp; factor: number }[] = [
  { pattern: /\b(bn|billion)\b/i, factor: 1e9 },
  { pattern: /\b(M|m|mn|million)\b/, factor: 1e6 },
  { pattern: /\b(k|thousand)\b/, factor: 1e3 },
];

/** "RMB bn" is money, "%" a percentage, anything else ("M users", "stores") a count. */
export function unitClass(unit: string): UnitClass {
  if (unit.trim() === "%") return "percent";
  if (/^[A-Z]{3}(\s|$)/.test(unit.trim())) return "money";
  return "count";
}

function unitScale(unit: string): number {
  return SCALES.find((scale) => scale.pattern.test(unit))?.factor ?? 1;
}

/** The range a value in this unit may take: counts are never negative, percentages stay within ±100. */
export function valueBounds(unit: string): { min: number; max: number } {
  const kind = unitClass(unit);
  if (kind === "percent") return { min: -100, max: 100 };
  const max = (kind === "money" ? MONEY_LIMIT : COUNT_LIMIT) / unitScale(unit);
  return { min: kind === "money" ? -max : 0, max };
}

export function significantDigits(literal: string): number {
  const digits = literal.replace(/^-/, "").replace(".", "").replace(/^0+/, "");
  return Math.max(digits.length, 1);
}

function formatBound(value: number): string {
  return value.toLocaleString("en-US", { maximumFractionDigits: 6 });
}

export function validateMetricValue(metric: MetricDTO, literal: string): MetricValueCheck {
  const parsed = DecimalLiteralSchema.safeParse(literal);
  if (!parsed.success) {
    return { ok: false, message: parsed.error.issues[0]?.message ?? "is not a number" };
  }
  const text = parsed.data;
  if (significantDigits(text) > MAX_SIGNIFICANT_DIGITS) {
    return {
      ok: false,
      message: `has more than ${MAX_SIGNIFICANT_DIGITS} significant digits, more than can be stored exactly`,
    };
  }
  const value = Number(text);
  if (!Number.isFinite(value)) return { ok: false, message: "is too large" };
  const kind = unitClass(metric.unit);
  const { min, max } = valueBounds(metric.unit);
  if (kind === "count" && value < 0) {
    return {
      ok: false,
      message: `must not be negative: ${metric.label} is a count (${metric.unit})`,
    };
  }
  if (value < min || value > max) {
    const range = `${formatBound(min)} to ${formatBound(max)}`;
    return {
      ok: false,
      message:
        kind === "percent"
          ? `must be a percentage from ${range}`
          : `must be from ${range} ${metric.unit}; check the unit (${metric.label} is in ${metric.unit})`,
    };
  }
  // "-0" is zero: storing a negative zero would print as "0" and no longer match what was written.
  return { ok: true, value: value === 0 ? 0 : value, decimals: decimalsOf(text) };
}
