/**
 * What a verdict says beyond its numbers (why a claim cannot be checked, a streak's or a record's
 * steps, the formula) as DATA: a phrase code and its parameters (quarters as quarter codes,
 * numbers as numbers with their digits, metric keys). The verdict stores phrases; a reader says
 * them in a language from a plain words table (messages/<locale>.claim-reasons.json, handed in by
 * i18n/claim-words.ts), so lib/domain stays free of the catalog.
 *
 * Verdicts stored before phrases were data hold English sentences. Those are history: they are
 * read back to their template (`templateReader`) and said in the reader's language when one fits,
 * else shown as stored. Whether a judgement changed is decided on what it says in English (the
 * one wording both formats share), so the change of format adds no verdict row.
 */
import { fill, templateReader } from "../../i18n/fill";
import type { ClaimArithmetic } from "./claim-verdict";
import { formatNumber } from "./format";
import type { Locale } from "./locale";
import { type QuarterCode, quarterLabel } from "./quarter";

export const CLAIM_PHRASE_CODES = [
  // Why a claim cannot be checked, or why a record is not one.
  "missingFigure",
  "changeBaseNotPositive",
  "multipleBaseNotPositive",
  "shareNeedsWhole",
  "shareWholeNotPositive",
  "streakGaps",
  "recordGaps",
  "notFirst",
  "cumulative",
  "noQuarter",
  // The steps of a streak or a record.
  "streakStops",
  "streakGrowth",
  "streakNoGrowth",
  "recordChecked",
  "recordNoEarlier",
  "recordAlready",
  "recordBelow",
  // Formulas.
  "formulaLevel",
  "formulaDifference",
  "formulaChange",
  "formulaMultiple",
  "formulaShare",
  "formulaStreak",
] as const;
export type ClaimPhraseCode = (typeof CLAIM_PHRASE_CODES)[number];

/**
 * A parameter: a metric key (as stored), a quarter, a list of quarters, or a number with its
 * digits (`plain`: as stated, ungrouped, as in a formula).
 */
export type ClaimPhraseValue =
  | string
  | { quarter: QuarterCode }
  | { quarters: QuarterCode[] }
  | { number: number; decimals: number; plain?: true };

export interface ClaimPhrase {
  code: ClaimPhraseCode;
  params: Record<string, ClaimPhraseValue>;
}

/** A verdict's phrase as stored: data, or an English sentence stored before phrases were data. */
export type StoredClaimPhrase = ClaimPhrase | string;

/** One language's templates, a {name} per parameter. */
export type ClaimPhraseWords = Record<ClaimPhraseCode, string>;
export type ClaimPhraseTables = Record<Locale, ClaimPhraseWords>;

export function phrase(code: ClaimPhraseCode, params: ClaimPhrase["params"] = {}): ClaimPhrase {
  return { code, params };
}

/** A figure's number as stated: its digits, ungrouped. */
export function plainNumber(value: number, decimals: number): ClaimPhraseValue {
  return { number: value, decimals, plain: true };
}

function sayQuarter(code: QuarterCode, locale: Locale): string {
  // English keeps the quarter codes the stored sentences always had ("2024Q3").
  return locale === "en" ? code : quarterLabel(code, locale);
}

function sayQuarters(codes: readonly QuarterCode[], locale: Locale): string {
  return codes.map((code) => sayQuarter(code, locale)).join(locale === "en" ? ", " : "、");
}

function sayValue(value: ClaimPhraseValue, locale: Locale): string {
  if (typeof value === "string") return value;
  if ("quarter" in value) return sayQuarter(value.quarter, locale);
  if ("quarters" in value) return sayQuarters(value.quarters, locale);
  return value.plain
    ? value.number.toFixed(Math.max(0, Math.min(value.decimals, 20)))
    : formatNumber(value.number, value.decimals);
}

const QUARTER = /^\d{4}Q[1-4]$/;

/** A value read back from an old English sentence: quarter codes are said in the reader's language. */
function sayReadBack(text: string, locale: Locale): string {
  if (QUARTER.test(text)) return sayQuarter(text as QuarterCode, locale);
  const parts = text.split(", ");
  if (parts.length > 1 && parts.every((part) => QUARTER.test(part))) {
    return sayQuarters(parts as QuarterCode[], locale);
  }
  return text;
}

const FORMULA_CODES = new Set<ClaimPhraseCode>(
  CLAIM_PHRASE_CODES.filter((code) => code.startsWith("formula")),
);

const readers = new WeakMap<ClaimPhraseWords, ReturnType<typeof templateReader<ClaimPhraseCode>>>();

/** Reads an old English sentence back to its phrase code (formulas excepted: "{value}" fits anything). */
function readBack(sentence: string, english: ClaimPhraseWords) {
  let reader = readers.get(english);
  if (!reader) {
    const templates = Object.fromEntries(
      CLAIM_PHRASE_CODES.filter((code) => !FORMULA_CODES.has(code)).map((code) => [
        code,
        english[code],
      ]),
    ) as Record<ClaimPhraseCode, string>;
    reader = templateReader(templates);
    readers.set(english, reader);
  }
  return reader(sentence);
}

/**
 * A stored phrase in a language. An old English sentence is shown as stored in English, and in
 * another language when its template is found; otherwise as stored (it is history).
 */
export function sayClaimPhrase(
  stored: StoredClaimPhrase,
  locale: Locale,
  tables: ClaimPhraseTables,
): string {
  const words = tables[locale];
  if (typeof stored !== "string") {
    const values = Object.fromEntries(
      Object.entries(stored.params).map(([name, value]) => [name, sayValue(value, locale)]),
    );
    return fill(words[stored.code], values);
  }
  if (locale === "en") return stored;
  const read = readBack(stored, tables.en);
  if (!read) return stored;
  const values = Object.fromEntries(
    Object.entries(read.values).map(([name, value]) => [name, sayReadBack(value, locale)]),
  );
  return fill(words[read.key], values);
}

/** A phrase that may be absent (a verdict's reason, a formula). */
export function sayOptionalClaimPhrase(
  stored: StoredClaimPhrase | null,
  locale: Locale,
  tables: ClaimPhraseTables,
): string | null {
  return stored === null ? null : sayClaimPhrase(stored, locale, tables);
}

/** The arithmetic as stored: phrases as data, or English sentences in rows judged before. */
export interface StoredClaimArithmetic extends Omit<ClaimArithmetic, "formula" | "steps"> {
  formula: StoredClaimPhrase | null;
  steps: StoredClaimPhrase[];
}

/** The arithmetic in a reader's language, as the pages, the feed and the export show it. */
export interface ClaimArithmeticText extends Omit<ClaimArithmetic, "formula" | "steps"> {
  formula: string | null;
  steps: string[];
}

/** The reason column: a phrase's JSON, or an English sentence stored before phrases were data. */
export function readStoredReason(column: string | null): StoredClaimPhrase | null {
  if (column === null) return null;
  return column.startsWith("{") ? (JSON.parse(column) as ClaimPhrase) : column;
}

/** What the reason column stores for a phrase. */
export function storedReason(reason: ClaimPhrase | null): string | null {
  return reason === null ? null : JSON.stringify(reason);
}

export function sayArithmetic(
  stored: StoredClaimArithmetic,
  locale: Locale,
  tables: ClaimPhraseTables,
): ClaimArithmeticText {
  return {
    ...stored,
    formula: sayOptionalClaimPhrase(stored.formula, locale, tables),
    steps: stored.steps.map((step) => sayClaimPhrase(step, locale, tables)),
  };
}

/**
 * A judgement's reason and arithmetic as one English text, field by field in a fixed order: two
 * judgements are the same when these are, whichever format either was stored in (a row stored
 * with sentences and a new one with phrases compare equal when they say the same).
 */
export function judgementInEnglish(
  reason: StoredClaimPhrase | null,
  arithmetic: StoredClaimArithmetic,
  tables: ClaimPhraseTables,
): string {
  const a = sayArithmetic(arithmetic, "en", tables);
  return JSON.stringify([
    sayOptionalClaimPhrase(reason, "en", tables),
    a.inputs,
    a.formula,
    a.computed,
    a.computedLow,
    a.computedHigh,
    a.unit,
    a.allowedLow,
    a.allowedHigh,
    a.rule,
    a.steps,
  ]);
}
