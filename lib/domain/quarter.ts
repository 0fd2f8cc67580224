import type { Locale } from "./locale";
/** A fiscal quarter, written `2025Q3` in URLs, CSV and DTOs and shown as "Q3 2025". */
export type QuarterCode = `${number}Q${1 | 2 | 3 | 4}`;

export interface QuarterParts {
  year: number;
  quarter: 1 | 2 | 3 | 4;
}

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2099;

const QUARTER_PATTERN = /^(\d{4})Q([1-4])$/;

export function isQuarterCode(text: string): text is QuarterCode {
  const match = QUARTER_PATTERN.exec(text);
  return match !== null && Number(match[1]) >= MIN_YEAR && Number(match[1]) <= MAX_YEAR;
}

export function parseQuarter(code: QuarterCode): QuarterParts {
  const match = QUARTER_PATTERN.exec(code);
  if (!match) throw new RangeError(`Not a quarter: ${code}`);
  return { year: Number(match[1]), quarter: Number(match[2]) as QuarterParts["quarter"] };
}

export function quarterCode(year: number, quarter: number): QuarterCode {
  if (!Number.isInteger(year) || !Number.isInteger(quarter) || quarter < 1 || quarter > 4) {
    throw new RangeError(`Not a quarter: year ${year}, quarter ${quarter}`);
  }
  return `${year}Q${quarter}` as QuarterCode;
}

/*
 * Every row of every series asks for the indexes of its quarter and of the quarters around it,
 * and the regular expression was a sixteenth of a metric page's CPU. A code's index never
 * changes, and only codes that parsed are kept: at most 40,000 (four-digit years).
 */
const indexByCode = new Map<string, number>();

/** Quarters since year 0: consecutive quarters differ by exactly one. */
export function quarterIndex(code: QuarterCode): number {
  const known = indexByCode.get(code);
  if (known !== undefined) return known;
  const { year, quarter } = parseQuarter(code);
  const index = year * 4 + (quarter - 1);
  indexByCode.set(code, index);
  return index;
}

export function quarterFromIndex(index: number): QuarterCode {
  return quarterCode(Math.floor(index / 4), (index % 4) + 1);
}

export function shiftQuarter(code: QuarterCode, quarters: number): QuarterCode {
  return quarterFromIndex(quarterIndex(code) + quarters);
}

/** "Q3 2025". */
/** "Q3 2025"; in Chinese "2025年Q3", as the Chinese financial press writes it. */
export function quarterLabel(code: QuarterCode, locale: Locale = "en"): string {
  const { year, quarter } = parseQuarter(code);
  return locale === "zh" ? `${year}年Q${quarter}` : `Q${quarter} ${year}`;
}

/** Every quarter from `from` to `to`, both included; empty when from is after to. */
export function quarterRange(from: QuarterCode, to: QuarterCode): QuarterCode[] {
  const start = quarterIndex(from);
  const end = quarterIndex(to);
  const codes: QuarterCode[] = [];
  for (let index = start; index <= end; index++) codes.push(quarterFromIndex(index));
  return codes;
}

/** The later of two quarters; a null side is no bound. */
export function maxQuarter(a: QuarterCode | null, b: QuarterCode | null): QuarterCode | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}

/** The earlier of two quarters; a null side is no bound. */
export function minQuarter(a: QuarterCode | null, b: QuarterCode | null): QuarterCode | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

export function compareQuarters(a: QuarterCode, b: QuarterCode): number {
  return quarterIndex(a) - quarterIndex(b);
}

/** The last day of a calendar quarter, as YYYY-MM-DD. */
export function quarterEndDate(code: QuarterCode): string {
  const { year, quarter } = parseQuarter(code);
  const endDay = ["03-31", "06-30", "09-30", "12-31"][quarter - 1];
  return `${year}-${endDay}`;
}

/** The quarter a date (YYYY-MM-DD or YYYY-MM) falls in. */
export function quarterOfDate(date: string): QuarterCode {
  const match = /^(\d{4})-(\d{2})/.exec(date);
  if (!match) throw new RangeError(`Not a date: ${date}`);
  const month = Number(match[2]);
  return quarterCode(Number(match[1]), Math.floor((month - 1) / 3) + 1);
}

/** The quarter containing `now` (UTC). */
export function currentQuarter(now: Date = new Date()): QuarterCode {
  return quarterCode(now.getUTCFullYear(), Math.floor(now.getUTCMonth() / 3) + 1);
}
