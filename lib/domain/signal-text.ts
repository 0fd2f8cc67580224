/** The pieces of a finding's text shared by the rules: values, changes, points, restatements. */
import { fill } from "../../i18n/fill";
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

/** The sentences' templates: the keys of the signals-claims area's SignalText (a type only). */
export type SignalWords = Readonly<
  Record<keyof typeof import("../../messages/en.signals-claims.json")["SignalText"], string>
>;

/*
 * A finding's sentence is built here, from numbers only lib/domain formats (quarters, values in
 * 亿/万), so the rules take a language: its locale and a plain words table (i18n/signal-words.ts
 * reads them from the catalog; no next-intl here). The pages and the Atom feed, which has no
 * request catalog for the language its URL names, say the same sentences.
 */
export interface SignalLanguage {
  locale: Locale;
  text: SignalWords;
  /** Each rule's name and explanation ({threshold} placeholders filled from SIGNAL_THRESHOLDS). */
  rules: Readonly<Record<SignalRuleName, { name: string; explanation: string }>>;
}

/** The reader's language for the rules: the locale and its sentences. */
export interface SignalSay {
  locale: Locale;
  say: (key: keyof SignalWords, values?: Record<string, string | number>) => string;
  quarter: (code: QuarterCode) => string;
}

export function signalSay(language: SignalLanguage): SignalSay {
  const { locale, text: words } = language;
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
 * the same words the pages say from the SignalsPanel namespace.
 */
export function ruleWords(
  name: SignalRuleName,
  language: SignalLanguage,
): { name: string; explanation: string } {
  const words = language.rules[name];
  return { name: words.name, explanation: fill(words.explanation, SIGNAL_THRESHOLDS) };
}
