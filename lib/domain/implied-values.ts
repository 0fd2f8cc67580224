/**
 * Values a stored source implies for the quarter a year before its figure: "rose 3.1 points to
 * 11.2" says the margin was 8.1 a year earlier; "up 28.1% to 42.2 M" says 32.9 M. A record
 * ("highest in the stored quarters") must not contradict them, even when that year-ago quarter is
 * not stored itself.
 *
 * What is read, and nothing more (a sentence we cannot read implies nothing):
 * - the stated YoY percent stored with a flow's or stock's figure (`statedYoyPct`):
 *   prior = value / (1 + pct / 100);
 * - for ratios, the quote's change in points in English ("rose|increased|improved|grew|climbed
 *   (by) 3.1 (percentage) points", "fell|decreased|declined|dropped (by) 0.68 percentage points"),
 *   only when the quote also names the stored value ("to 11.2"): prior = value - change;
 * - for ratios, the year-ago level a Chinese quote names ("上年同期14.80%", "去年同期为11.7%").
 * Each implied value keeps its sentence, so a finding can show where it came from.
 */
import { type QuarterCode, shiftQuarter } from "./quarter";
import type { MetricKind, PointDTO } from "./types";

export interface ImpliedValue {
  /** The year-ago quarter the value is implied for. */
  quarter: QuarterCode;
  value: number;
  /** The stored figure whose source implies it. */
  fromQuarter: QuarterCode;
  basis: "stated YoY" | "quote";
  /** The words it was read from: the quote, or "+28.1% YoY". */
  evidence: string;
}

const NUMBER = String.raw`(\d+(?:\.\d+)?)`;
const POINTS = String.raw`(?:percentage|percent|pct\.?)?\s*points?`;
const RISE = new RegExp(
  String.raw`\b(?:rose|increased|improved|grew|climbed|gained|up)\s+(?:by\s+)?${NUMBER}\s*${POINTS}`,
  "i",
);
const FALL = new RegExp(
  String.raw`\b(?:fell|decreased|declined|dropped|slipped|down)\s+(?:by\s+)?${NUMBER}\s*${POINTS}`,
  "i",
);
const YEAR_AGO_LEVEL = new RegExp(String.raw`(?:上年同期|去年同期)(?:为|的)?\s*${NUMBER}\s*%`);

/** Whether the quote names the stored value (as written, e.g. "11.2" or "11.47"). */
function namesValue(quote: string, value: number): boolean {
  const numbers = quote.match(/\d+(?:\.\d+)?/g) ?? [];
  return numbers.some((text) => Math.abs(Number(text) - value) < 1e-9);
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** The change in points a ratio's quote states, signed; null when it states none we can read. */
export function statedPointChange(quote: string, value: number): number | null {
  if (!namesValue(quote, value)) return null;
  const rise = RISE.exec(quote);
  const fall = FALL.exec(quote);
  // Both directions in one sentence is ambiguous: read neither.
  if (rise && fall) return null;
  if (rise?.[1]) return Number(rise[1]);
  if (fall?.[1]) return -Number(fall[1]);
  return null;
}

/** The value one stored figure's source implies for the same quarter a year earlier, if any. */
export function impliedYearAgo(kind: MetricKind, point: PointDTO): ImpliedValue | null {
  const quarter = shiftQuarter(point.quarter, -4);
  const base = { quarter, fromQuarter: point.quarter };
  if (kind !== "ratio") {
    const pct = point.statedYoyPct;
    if (pct === null || pct === undefined || pct <= -100) return null;
    return {
      ...base,
      value: round(point.value / (1 + pct / 100), point.decimals + 1),
      basis: "stated YoY",
      evidence: `${pct > 0 ? "+" : ""}${pct}% YoY`,
    };
  }
  const quote = point.quote;
  if (!quote) return null;
  const level = YEAR_AGO_LEVEL.exec(quote);
  if (level?.[1]) {
    return { ...base, value: Number(level[1]), basis: "quote", evidence: quote };
  }
  const delta = statedPointChange(quote, point.value);
  if (delta === null) return null;
  return {
    ...base,
    value: round(point.value - delta, Math.max(point.decimals, 2)),
    basis: "quote",
    evidence: quote,
  };
}

/**
 * The values a series' sources imply for quarters that are not stored: known values for a
 * record check. A quarter that is stored keeps its stored figure (restatements and all).
 */
export function impliedValues(kind: MetricKind, points: readonly PointDTO[]): ImpliedValue[] {
  const stored = new Set(points.map((point) => point.quarter));
  const implied = new Map<QuarterCode, ImpliedValue>();
  for (const point of points) {
    const value = impliedYearAgo(kind, point);
    if (value && !stored.has(value.quarter) && !implied.has(value.quarter)) {
      implied.set(value.quarter, value);
    }
  }
  return [...implied.values()].sort((a, b) => (a.quarter < b.quarter ? -1 : 1));
}
