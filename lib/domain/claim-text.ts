/** A claim and its verdict in words and numbers as the pages show them. */
import { HEDGE_LABELS } from "./claim-terms";
import type { ClaimToJudge, ClaimVerdictResult } from "./claim-verdict";
import { formatNumber } from "./format";

/** The stated number as read: "nearly 700%", "over 741.7 M users", "9 quarters". */
export function formatStatedClaim(
  claim: Pick<ClaimToJudge, "hedge" | "statedValue" | "statedDecimals" | "statedUnit" | "kind">,
): string {
  const hedge = claim.hedge === "exact" ? "" : `${HEDGE_LABELS[claim.hedge].split(" / ")[0]} `;
  const number = formatNumber(claim.statedValue, claim.statedDecimals);
  const unit =
    claim.statedUnit === "%" ? "%" : claim.statedUnit === "×" ? "×" : ` ${claim.statedUnit}`;
  const sign = claim.kind === "change" && claim.statedValue > 0 ? "+" : "";
  return `${hedge}${sign}${number}${unit}`;
}

/** How far off a claim is, in words: "by 526.6 pp (4.04× the figures)". 1 decimal, as on every page. */
export function formatVerdictDifference(
  result: Pick<ClaimVerdictResult, "difference" | "differenceUnit" | "ratio">,
): string | null {
  if (result.difference === null || result.differenceUnit === null) return null;
  const size = Math.abs(result.difference);
  const amount =
    result.differenceUnit === "quarters"
      ? `${formatNumber(size, 0)} quarter${size === 1 ? "" : "s"}`
      : `${formatNumber(size, 1)}${result.differenceUnit === "%" ? "%" : " pp"}`;
  const ratio =
    result.ratio === null ? "" : ` (${formatNumber(result.ratio, 2)}× what the figures give)`;
  return `by ${amount}${ratio}`;
}

/**
 * A number of the arithmetic as a page shows it: percentages and points at 1 decimal (as every
 * change on the site), multiples at 2, streaks whole, levels with the digits of their figure;
 * `decimals` overrides (the allowed range is shown one digit finer than the stated number).
 */
export function formatClaimNumber(value: number, unit: string, decimals?: number): string {
  if (unit === "%") return `${formatNumber(value, decimals ?? 1)}%`;
  if (unit === "pp") return `${formatNumber(value, decimals ?? 1)} pp`;
  if (unit === "×") return `${formatNumber(value, decimals ?? 2)}×`;
  if (unit === "quarters") return `${formatNumber(value, 0)} quarters`;
  return `${formatNumber(value, decimals ?? 1)} ${unit}`;
}
