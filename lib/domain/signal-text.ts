/** The pieces of a finding's text shared by the rules: values, changes, points, restatements. */
import { fill } from "../../i18n/fill";
import en from "../../messages/en.signals-claims.json";
import zhPages from "../../messages/zh.json";
import zh from "../../messages/zh.signals-claims.json";
import { formatChangeHeadline, formatNumber, formatValue, pointsWord, roundTo } from "./format";
import type { Change } from "./kpi";
import type { Locale } from "./locale";
import { type QuarterCode, quarterLabel } from "./quarter";
import type { PointRow } from "./series-view";
import {
  SIGNAL_RULES,
  SIGNAL_THRESHOLDS,
  type SignalNumber,
  type SignalRuleName,
} from "./signal-rules";
import type { MetricDTO } from "./types";

export type SignalWords = typeof en.SignalText;

/*
 * A finding's sentence is built here, from numbers only lib/domain formats (quarters, values in
 * 亿/万), so the rules take the locale and read their words straight from the area's catalog
 * (plain data, no next-intl): the pages and the Atom feed, which has no request catalog for the
 * language its URL names, say the same sentences.
 */
const WORDS: Record<Locale, SignalWords> = { en: en.SignalText, zh: zh.SignalText };

/** The reader's language for the rules: the locale and its sentences. */
export interface SignalSay {
  locale: Locale;
  say: (key: keyof SignalWords, values?: Record<string, string | number>) => string;
  quarter: (code: QuarterCode) => string;
}

export function signalSay(locale: Locale = "en"): SignalSay {
  const words = WORDS[locale];
  return {
    locale,
    say: (key, values = {}) => fill(words[key], values),
    quarter: (code) => quarterLabel(code, locale),
  };
}

export function rule(name: SignalRuleName) {
  return {
    rule: name,
    ruleName: SIGNAL_RULES[name].name,
    explanation: SIGNAL_RULES[name].explanation,
  };
}

export function valueText(metric: MetricDTO, row: PointRow, s: SignalSay): string {
  return formatValue(
    row.point.value,
    metric.unit,
    row.point.decimals,
    row.point.qualifier,
    s.locale,
  );
}

export function changeText(delta: Change, s: SignalSay): string {
  return formatChangeHeadline(delta, s.locale);
}

/** "{value}, {change} YoY": a figure with its YoY change. */
export function valueYoy(metric: MetricDTO, row: PointRow, delta: Change, s: SignalSay): string {
  return s.say("valueYoy", { value: valueText(metric, row, s), change: changeText(delta, s) });
}

export function restatementNote(metric: MetricDTO, row: PointRow, s: SignalSay): SignalNumber[] {
  const earlier = row.point.history.at(-1);
  if (!earlier) return [];
  const was =
    earlier.value === null
      ? s.say("withdrawn")
      : formatValue(earlier.value, metric.unit, earlier.decimals, earlier.qualifier, s.locale);
  return [
    {
      label: s.say("restated"),
      value: s.say("restatedValue", { quarter: s.quarter(row.point.quarter), was }),
    },
  ];
}

export function pp(value: number, locale: Locale = "en"): string {
  const rounded = roundTo(value, 1);
  return `${rounded > 0 ? "+" : rounded < 0 ? "-" : ""}${formatNumber(Math.abs(rounded), 1)} ${pointsWord(locale)}`;
}

/** "quarter" or "quarters" (Chinese counts with 个季度 either way). */
export function quarterWord(count: number, s: SignalSay): string {
  return s.say(count > 1 ? "quarterMany" : "quarterOne");
}

export function lowerFirst(text: string): string {
  return text.length > 1 && text[1] === text[1]?.toLowerCase()
    ? `${text[0]?.toLowerCase()}${text.slice(1)}`
    : text;
}

/**
 * A rule's name and explanation in the reader's language, for text outside a page (the feed):
 * the pages say them from the SignalsPanel namespace of the reading pages' catalog, so does this.
 */
export function ruleWords(
  name: SignalRuleName,
  locale: Locale = "en",
): { name: string; explanation: string } {
  if (locale === "en") return SIGNAL_RULES[name];
  const words = zhPages.SignalsPanel.rules[name];
  return { name: words.name, explanation: fill(words.explanation, SIGNAL_THRESHOLDS) };
}
