/** Small helpers of the quarter form: ids, aria-describedby lists, what the inputs name. */
import { readDecimalText } from "@/lib/domain/decimal-reading";
import { decimalLiteralProblem } from "@/lib/domain/fields";
import { isQuarterCode, type QuarterCode } from "@/lib/domain/quarter";
import { QUARTER_FIELDS, type QuarterFormValues } from "@/lib/domain/quarter-input";

export function errorId(field: string): string {
  return `${field}-error`;
}

export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const list = ids.filter((id): id is string => typeof id === "string" && id !== "");
  return list.length > 0 ? list.join(" ") : undefined;
}

/** The quarter the year and quarter inputs name, when they name one. */
export function selectedQuarter(values: QuarterFormValues): QuarterCode | null {
  const code = `${values[QUARTER_FIELDS.year]?.trim()}Q${values[QUARTER_FIELDS.quarter]?.trim().replace(/^q/i, "")}`;
  return isQuarterCode(code) ? code : null;
}

/** The number typed so far, read as the server will read it ("1,050" is 1050), or null. */
export function typedNumber(
  text: string | undefined,
): { value: number; readAs: string | null } | null {
  const reading = readDecimalText(text ?? "");
  if (!reading.ok || reading.text === "" || decimalLiteralProblem(reading.text) !== null) {
    return null;
  }
  const value = Number(reading.text);
  return Number.isFinite(value) ? { value, readAs: reading.readAs } : null;
}

export function plainNumber(value: number, decimals: number): string {
  return value.toFixed(Math.min(Math.max(decimals, 0), 20));
}
