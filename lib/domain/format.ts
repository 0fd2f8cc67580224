/**
 * How numbers read on screen: "RMB 113.1 bn", "741.7 M users", "≈ 15,000 stores", "+22.3%",
 * "-0.6 pp". Values keep the digits their source states; changes get one decimal.
 *
 * In Chinese (decided in issue 11) amounts are counted in 亿 (10^8) and 万 (10^4), as the Chinese
 * reports write them: "1,131 亿元", "7.42 亿用户", "≈ 1.8 万家门店", "+1.2 个百分点". An amount shows
 * at most two decimals of its 亿 or 万 (the press convention: 741.7 M is "7.42 亿", not "7.417
 * 亿"); zeros that only come from the source's whole digits are dropped (18,000 is "1.8 万").
 */
import type { Change } from "./kpi";
import type { Locale } from "./locale";
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

export const QUALIFIER_WORDS_ZH: Record<Qualifier, string> = {
  exact: "精确",
  approximate: "约",
  at_least: "超过",
};

/** The qualifier spelled out in a language. */
export function qualifierWord(qualifier: Qualifier, locale: Locale = "en"): string {
  return (locale === "zh" ? QUALIFIER_WORDS_ZH : QUALIFIER_WORDS)[qualifier];
}

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

/* Fixed-range formatters for the Chinese amounts, made once like `numberFormats`. */
const rangeFormats = new Map<string, Intl.NumberFormat>();

function formatRange(value: number, minDecimals: number, maxDecimals: number): string {
  const key = `${minDecimals}-${maxDecimals}`;
  let format = rangeFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat("en-US", {
      minimumFractionDigits: minDecimals,
      maximumFractionDigits: maxDecimals,
    });
    rangeFormats.set(key, format);
  }
  return format.format(value);
}

/** Powers of ten of the scale words a unit may carry ("RMB bn", "M users"). */
const SCALE_EXPONENTS: Record<string, number> = { bn: 9, B: 9, M: 6, m: 6, k: 3, K: 3 };
const CURRENCIES_ZH: Record<string, string> = { RMB: "元", CNY: "元", USD: "美元", HKD: "港元" };
const NOUNS_ZH: Record<string, string> = {
  users: "用户",
  units: "台",
  unit: "台",
  devices: "台设备",
  stores: "家门店",
  vehicles: "辆",
};
/** The derived metrics' per-unit rates (lib/domain/derived-metrics.ts), said whole. */
const RATES_ZH: Record<string, string> = { "RMB/user": "元/用户", "devices/user": "台/用户" };
/** 万 and 亿: the Chinese large-number units, smallest first. */
const ZH_MAGNITUDES: { exponent: number; word: string }[] = [
  { exponent: 0, word: "" },
  { exponent: 4, word: "万" },
  { exponent: 8, word: "亿" },
];

function formatValueZh(value: number, unit: string, decimals: number): string {
  if (unit === "%") return `${formatNumber(Math.abs(value), decimals)}%`;
  const currencyMatch = CURRENCY_PREFIX.exec(unit);
  const currency = currencyMatch?.[1] ?? null;
  const words = (currencyMatch?.[2] ?? unit).trim().split(/\s+/).filter(Boolean);
  const scale = words[0] !== undefined ? SCALE_EXPONENTS[words[0]] : undefined;
  const nounWords = scale === undefined ? words : words.slice(1);
  const noun = RATES_ZH[unit] ?? nounWords.map((word) => NOUNS_ZH[word] ?? word).join(" ");
  const currencyWord = currency ? (CURRENCIES_ZH[currency] ?? ` ${currency}`) : "";
  const sourceExponent = scale ?? 0;
  const absolute = Math.abs(value) * 10 ** sourceExponent;
  let digits = "";
  let word = "";
  // The next unit up once the amount, rounded as shown, reaches 10,000 of this one (9,999 stays
  // "9,999"; 99,995,000 is "1 亿", not "10,000 万").
  for (const magnitude of ZH_MAGNITUDES) {
    const shown = Math.max(0, magnitude.exponent - sourceExponent + decimals);
    const maxDecimals = magnitude.exponent > 0 ? Math.min(2, shown) : shown;
    // Digits at or above the source's own scale are whole digits of the source: their trailing
    // zeros say nothing and go; digits below it were stated and stay.
    const minDecimals = maxDecimals <= magnitude.exponent - sourceExponent ? 0 : maxDecimals;
    const scaled = absolute / 10 ** magnitude.exponent;
    digits = formatRange(scaled, minDecimals, maxDecimals);
    word = magnitude.word;
    if (roundTo(scaled, maxDecimals) < 10_000) break;
  }
  const tail = `${word}${currencyWord}${noun}`;
  return tail ? `${digits} ${tail}` : digits;
}

const SCALE_WORDS_ZH: Record<number, string> = { 9: "十亿", 6: "百万", 3: "千" };

/**
 * A unit as a heading or an axis names it, in the stored scale (the chart's numbers are in it):
 * "RMB bn" stays in English, in Chinese it is "十亿元"; "M users" is "百万用户".
 */
export function unitLabel(unit: string, locale: Locale = "en"): string {
  if (locale !== "zh" || unit === "%") return unit;
  const currencyMatch = CURRENCY_PREFIX.exec(unit);
  const currency = currencyMatch?.[1] ?? null;
  const words = (currencyMatch?.[2] ?? unit).trim().split(/\s+/).filter(Boolean);
  const scale = words[0] !== undefined ? SCALE_EXPONENTS[words[0]] : undefined;
  const nounWords = scale === undefined ? words : words.slice(1);
  const noun = RATES_ZH[unit] ?? nounWords.map((word) => NOUNS_ZH[word] ?? word).join(" ");
  const currencyWord = currency ? (CURRENCIES_ZH[currency] ?? currency) : "";
  return `${scale === undefined ? "" : (SCALE_WORDS_ZH[scale] ?? "")}${currencyWord}${noun}`;
}

export function formatValue(
  value: number,
  unit: string,
  decimals: number,
  qualifier: Qualifier = "exact",
  locale: Locale = "en",
): string {
  if (locale === "zh") {
    const text = formatValueZh(value, unit, decimals);
    const sign = value < 0 && /[1-9]/.test(text.replace(/\D+$/, "")) ? "-" : "";
    return `${QUALIFIER_MARKS[qualifier]}${sign}${text}`;
  }
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

/** "pp" in English, "个百分点" in Chinese, after the number. */
export function pointsWord(locale: Locale = "en"): string {
  return locale === "zh" ? "个百分点" : "pp";
}

/**
 * "+22.3%" or "-0.6 pp" ("-0.6 个百分点"); "n.m." ("无意义": not meaningful) for a percentage of
 * a zero or negative base.
 */
export function formatChangeHeadline(delta: Change, locale: Locale = "en"): string {
  const mark = delta.approximate ? "≈ " : "";
  if (delta.kind === "points") {
    return `${mark}${signed(`${Math.abs(delta.pp).toFixed(1)} ${pointsWord(locale)}`, roundTo(delta.pp, 1))}`;
  }
  if (delta.pct === null) return locale === "zh" ? "无意义" : "n.m.";
  return `${mark}${signed(`${Math.abs(delta.pct).toFixed(1)}%`, roundTo(delta.pct, 1))}`;
}

/** The absolute part of a relative change, in the metric's unit: "+RMB 20.6 bn". */
export function formatChangeAbsolute(
  delta: Change,
  unit: string,
  decimals: number,
  locale: Locale = "en",
): string {
  const amount = delta.kind === "points" ? delta.pp : delta.abs;
  const rounded = roundTo(amount, decimals);
  const body = formatValue(Math.abs(rounded), unit, decimals, "exact", locale);
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
export function formatChartChange(value: number, kind: MetricKind, locale: Locale = "en"): string {
  const sign = value > 0 ? "+" : "";
  return kind === "ratio"
    ? `${sign}${value.toFixed(1)} ${pointsWord(locale)}`
    : `${sign}${value.toFixed(1)}%`;
}

/**
 * What a "must not be negative" message calls a figure of this unit: the unit as the reader's
 * language names it ("RMB bn", "十亿元"), or a count. field-messages.ts says it again in the
 * reader's words, from the English noun it reads back. Here, beside unitLabel, so that the field
 * messages and the metric bounds that use it do not import each other.
 */
export function unitNoun(unit: string, locale: Locale = "en"): string {
  if (unit === "" || unit === "count") return locale === "zh" ? "计数" : "count";
  return unitLabel(unit, locale);
}
