/** A claim and its verdict in words and numbers as the pages show them. */
import { fill, templateReader } from "../../i18n/fill";
import type { Hedge, Verdict } from "./claim-terms";
import {
  ABOUT_RELATIVE_TOLERANCE,
  type ClaimToJudge,
  type ClaimVerdictResult,
  NEARLY_LOWER_FRACTION,
} from "./claim-verdict";
import { formatNumber, unitLabel } from "./format";
import type { Locale } from "./locale";

/*
 * The words are a plain table handed in (i18n/claim-words.ts reads them from the catalog): the
 * claims ledger, the signals and the Atom feed all say a verdict's numbers the same way, and
 * lib/domain does not read the catalog.
 */
export interface ClaimTextWords {
  locale: Locale;
  /** English hedges carry their space ("nearly "); Chinese runs on ("近"). */
  hedges: Record<Exclude<Hedge, "exact">, string>;
  pp: string;
  quarterOne: string;
  quarterMany: string;
  /** "by {amount}{ratio}". */
  difference: string;
  ratio: string;
  /** What each hedge allows, a {percent} where it has one. */
  rules: Record<Hedge, string>;
  verdicts: Record<Verdict, string>;
  /** What caused a judgement, as the judging code writes it in English (ClaimVerdict.trigger). */
  triggers: Record<ClaimTrigger, string>;
  /** "YOY", "QOQ": the comparison a change claim is about. */
  comparisons: Record<string, string>;
}

/**
 * The causes of a judgement, as stored: English, from these templates (lib/mutations: the claim's
 * own revisions, figures written). A page says them in the reader's words by reading the stored
 * sentence back to its template; one that fits none is shown as stored.
 */
export const CLAIM_TRIGGERS = {
  recorded: "claim recorded",
  revised: "claim revised (revision {revision})",
  figures: "figure written: {keys}",
  manyFigures: "{count} figures written",
} as const;
export type ClaimTrigger = keyof typeof CLAIM_TRIGGERS;

const readTrigger = templateReader(CLAIM_TRIGGERS);

/** A judgement's stored cause in the reader's words ("claim recorded", "说法已记录"). */
export function claimTriggerText(trigger: string, words: ClaimTextWords): string {
  if (words.locale === "en") return trigger;
  const read = readTrigger(trigger);
  return read ? fill(words.triggers[read.key], read.values) : trigger;
}

/** " YOY" after a change claim's kind, in the reader's words; nothing for other kinds. */
export function claimComparisonText(comparison: string | null, words: ClaimTextWords): string {
  if (!comparison) return "";
  return ` ${words.comparisons[comparison] ?? comparison.toUpperCase()}`;
}

/** The stated number as read: "nearly 700%", "over 741.7 M users", "9 quarters". */
export function formatStatedClaim(
  claim: Pick<ClaimToJudge, "hedge" | "statedValue" | "statedDecimals" | "statedUnit" | "kind">,
  words: ClaimTextWords,
): string {
  const hedge = claim.hedge === "exact" ? "" : words.hedges[claim.hedge];
  const number = formatNumber(claim.statedValue, claim.statedDecimals);
  const unit =
    claim.statedUnit === "%"
      ? "%"
      : claim.statedUnit === "×"
        ? "×"
        : ` ${unitWord(claim.statedUnit, claim.statedValue, words)}`;
  const sign = claim.kind === "change" && claim.statedValue > 0 ? "+" : "";
  return `${hedge}${sign}${number}${unit}`;
}

/**
 * "pp" and "quarters" in the reader's language; a metric's unit in its stored scale, named in the
 * reader's language ("RMB bn", "十亿元"). Not 亿/万 as the figures' pages write amounts: those keep
 * at most two decimals of 亿, and a claim's numbers and the range a hedge allows must keep every
 * digit they are judged by (741.65 M users is not "7.42 亿").
 */
function unitWord(unit: string, size: number, words: ClaimTextWords): string {
  // English keeps the unit as the claim stated it ("1 quarters" included).
  if (words.locale === "en") return unit;
  if (unit === "pp") return words.pp;
  if (unit === "quarters") return size === 1 ? words.quarterOne : words.quarterMany;
  return unitLabel(unit, words.locale);
}

/** How far off a claim is, in words: "by 526.6 pp (4.04× the figures)". 1 decimal, as on every page. */
export function formatVerdictDifference(
  result: Pick<ClaimVerdictResult, "difference" | "differenceUnit" | "ratio">,
  words: ClaimTextWords,
): string | null {
  if (result.difference === null || result.differenceUnit === null) return null;
  const size = Math.abs(result.difference);
  const amount =
    result.differenceUnit === "quarters"
      ? `${formatNumber(size, 0)} ${size === 1 ? words.quarterOne : words.quarterMany}`
      : `${formatNumber(size, 1)}${result.differenceUnit === "%" ? "%" : ` ${words.pp}`}`;
  const ratio =
    result.ratio === null ? "" : fill(words.ratio, { ratio: formatNumber(result.ratio, 2) });
  return fill(words.difference, { amount, ratio });
}

/**
 * A number of the arithmetic as a page shows it: percentages and points at 1 decimal (as every
 * change on the site), multiples at 2, streaks whole, levels with the digits of their figure;
 * `decimals` overrides (the allowed range is shown one digit finer than the stated number).
 */
export function formatClaimNumber(
  value: number,
  unit: string,
  decimals: number | undefined,
  words: ClaimTextWords,
): string {
  if (unit === "%") return `${formatNumber(value, decimals ?? 1)}%`;
  if (unit === "pp") return `${formatNumber(value, decimals ?? 1)} ${words.pp}`;
  if (unit === "×") return `${formatNumber(value, decimals ?? 2)}×`;
  if (unit === "quarters") return `${formatNumber(value, 0)} ${words.quarterMany}`;
  return `${formatNumber(value, decimals ?? 1)} ${unitWord(unit, value, words)}`;
}

/** What a hedge allows, in words (the English is the rule stored with a verdict). */
export function hedgeRule(hedge: Hedge, words: ClaimTextWords): string {
  const percent = hedge === "about" ? ABOUT_RELATIVE_TOLERANCE * 100 : NEARLY_LOWER_FRACTION * 100;
  return fill(words.rules[hedge], { percent });
}

/** A verdict's name: the ledger's own words. */
export function verdictLabel(verdict: Verdict, words: ClaimTextWords): string {
  return words.verdicts[verdict];
}
