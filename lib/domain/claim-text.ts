/** A claim and its verdict in words and numbers as the pages show them. */
import { fill } from "../../i18n/fill";
import type { Hedge, Verdict } from "./claim-terms";
import {
  ABOUT_RELATIVE_TOLERANCE,
  type ClaimToJudge,
  type ClaimVerdictResult,
  NEARLY_LOWER_FRACTION,
} from "./claim-verdict";
import { formatNumber } from "./format";
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

/** "pp" and "quarters" in the reader's language; a metric's unit stays as stated. */
function unitWord(unit: string, size: number, words: ClaimTextWords): string {
  // English keeps the unit as the claim stated it ("1 quarters" included).
  if (words.locale === "en") return unit;
  if (unit === "pp") return words.pp;
  if (unit === "quarters") return size === 1 ? words.quarterOne : words.quarterMany;
  return unit;
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
  return `${formatNumber(value, decimals ?? 1)} ${unit}`;
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
