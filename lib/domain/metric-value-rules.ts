/**
 * The rules one figure's value must satisfy, whatever the way it comes in (the quarter form, a
 * CSV import): one function, so that a value the form refuses is refused by an import too. The
 * literal is checked here (plain decimal, digits a double keeps); the range a metric allows comes
 * from its catalog entry (metric-bounds.ts).
 */
import { readDecimalText } from "./decimal-reading";
import { fieldMessage } from "./field-messages";
import { DecimalLiteralSchema } from "./fields";
import { decimalsOf } from "./kpi";
import { type BoundedMetric, valueRuleFor, valueRuleProblem } from "./metric-bounds";

export type MetricValueCheck =
  | {
      ok: true;
      value: number;
      decimals: number;
      /** The plain decimal a grouped input was read as ("1,050" → "1050"), else null. */
      readAs: string | null;
    }
  | { ok: false; message: string };

/**
 * A double holds any decimal of up to 15 significant digits exactly enough to give it back; a
 * longer literal would be stored as a different number than the one written.
 */
export const MAX_SIGNIFICANT_DIGITS = 15;

export function significantDigits(literal: string): number {
  const digits = literal.replace(/^-/, "").replace(".", "").replace(/^0+/, "");
  return Math.max(digits.length, 1);
}

export function validateMetricValue(metric: BoundedMetric, literal: string): MetricValueCheck {
  const reading = readDecimalText(literal);
  if (!reading.ok) return reading;
  const parsed = DecimalLiteralSchema.safeParse(reading.text);
  if (!parsed.success) {
    return { ok: false, message: parsed.error.issues[0]?.message ?? fieldMessage("notANumber") };
  }
  const text = parsed.data;
  if (significantDigits(text) > MAX_SIGNIFICANT_DIGITS) {
    return {
      ok: false,
      message: fieldMessage("significantDigits", { max: MAX_SIGNIFICANT_DIGITS }),
    };
  }
  // "-0" is zero: a negative zero would print as "0" and no longer match what was written.
  const number = Number(text);
  const value = Object.is(number, -0) ? 0 : number;
  const problem = valueRuleProblem(valueRuleFor(metric), value, metric.unit);
  if (problem) return { ok: false, message: problem };
  return { ok: true, value, decimals: decimalsOf(text), readAs: reading.readAs };
}
