/**
 * How numbers read on screen: "RMB 113.1 bn", "741.7 M users", "≈ 15,000 stores", "+22.3%",
 * "-0.6 pp". Values keep the digits their source states; changes get one decimal.
 */
import type { Change } from "./kpi";
import type { MetricKind, Qualifier } from "./types";

const CURRENCY_PREFIX = /^([A-Z]{3}) (.+)$/;

/** A unit like "RMB bn" puts the currency before the number and the scale after it. */
export function splitUnit(unit: string): { prefix: string; suffix: string } {
  const match = CURRENCY_PREFIX.exec(unit);
  if (match) return { prefix: `${match[1]} `, suffix: ` ${match[2]}` };
  if (unit === "%") return { prefix: "", suffix: "%" };
  return { prefix: "", suffix: unit ? ` ${unit}` : "" };
}

export const QUALIFIER_MARKS: Record<Qualifier, string> = {
  exact: "",
  approximate: "≈ ",
  at_least: "> ",
};

export const QUALIFIER_WORDS: Record<Qualifier, string> = {
  exact: "exact",
  approximate: "approximately",
  at_least: "more than",
};

/*
 * One formatter per number of decimals, made once: toLocaleString builds a new Intl formatter on
 * every call, which was 13% of rendering a thirty-metric overview (bench/NOTES.md).
 */
const numberFormats = new Map<number, Intl.NumberFormat>();

export function formatNumber(value: number, decimals: number): string {
  const digits = Math.min(Math.max(decimals, 0), 20);
  let format = numberFormats.get(digits);
  if (!format) {
    format = new Intl.NumberFormat("en-US", {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    numberFormats.set(digits, format);
  }
  return format.format(value);
}

export function formatValue(
  value: number,
  unit: string,
  decimals: number,
  qualifier: Qualifier = "exact",
): string {
  const { prefix, suffix } = splitUnit(unit);
  const digits = formatNumber(Math.abs(value), decimals);
  // A negative value that rounds to zero reads "0.0", not "-0.0".
  const sign = value < 0 && /[1-9]/.test(digits) ? "-" : "";
  return `${QUALIFIER_MARKS[qualifier]}${sign}${prefix}${digits}${suffix}`;
}

function signed(text: string, value: number): string {
  if (value > 0) return `+${text}`;
  if (value < 0) return `-${text}`;
  return text;
}

/** "+22.3%" or "-0.6 pp"; "n.m." (not meaningful) for a percentage of a zero or negative base. */
export function formatChangeHeadline(delta: Change): string {
  const mark = delta.approximate ? "≈ " : "";
  if (delta.kind === "points") {
    return `${mark}${signed(`${Math.abs(delta.pp).toFixed(1)} pp`, roundTo(delta.pp, 1))}`;
  }
  if (delta.pct === null) return "n.m.";
  return `${mark}${signed(`${Math.abs(delta.pct).toFixed(1)}%`, roundTo(delta.pct, 1))}`;
}

/** The absolute part of a relative change, in the metric's unit: "+RMB 20.6 bn". */
export function formatChangeAbsolute(delta: Change, unit: string, decimals: number): string {
  const amount = delta.kind === "points" ? delta.pp : delta.abs;
  const rounded = roundTo(amount, decimals);
  const body = formatValue(Math.abs(rounded), unit, decimals);
  if (rounded === 0) return body;
  return `${rounded > 0 ? "+" : "-"}${body}`;
}

export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  // Half away from zero, like toFixed: -0.05 rounds to -0.1 as 0.05 rounds to 0.1.
  const rounded = (Math.sign(value) * Math.round(Math.abs(value) * factor)) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}

/** Short axis labels: 1,035.5 -> "1,036", 108796 -> "109k". */
export function formatAxisNumber(value: number): string {
  const magnitude = Math.abs(value);
  // Each threshold sits where the smaller unit would round up: 999,999 is "1M", not "1000k".
  if (magnitude >= 999_500) return `${roundTo(value / 1_000_000, 1)}M`;
  if (magnitude >= 9_999.5) return `${roundTo(value / 1_000, 0)}k`;
  if (magnitude >= 100) return formatNumber(value, 0);
  if (magnitude >= 10) return formatNumber(value, 1).replace(/\.0$/, "");
  const small = formatNumber(value, 2).replace(/\.?0+$/, "");
  return small === "-0" ? "0" : small;
}

/** Whether a change is good news for a metric, given which direction is better. */
export function changeTone(
  magnitude: number | null,
  higherIsBetter: boolean,
): "good" | "bad" | "neutral" {
  if (magnitude === null || roundTo(magnitude, 1) === 0) return "neutral";
  return magnitude > 0 === higherIsBetter ? "good" : "bad";
}

/** The unit of a change on a chart's change axis: percentage points for ratios, else percent. */
export function changeUnit(kind: MetricKind): "pp" | "%" {
  return kind === "ratio" ? "pp" : "%";
}

/** A change as charts label it, one decimal: "+22.3%", "-0.6 pp". */
export function formatChartChange(value: number, kind: MetricKind): string {
  const sign = value > 0 ? "+" : "";
  return kind === "ratio" ? `${sign}${value.toFixed(1)} pp` : `${sign}${value.toFixed(1)}%`;
}
