/**
 * Arithmetic on figures as their sources state them. A figure with 1 decimal is a decimal, not a
 * double: 11.1 − 11.7 is −0.6, not −0.5999999999999996. Differences of decimals are therefore
 * rounded to the larger number of decimals of their inputs (which is exact), and computed
 * percentages, which have no natural number of digits, to PERCENT_DECIMALS.
 */
import { roundTo } from "./format";

/**
 * The precision of every computed percentage Pulse writes (CSV export, claim arithmetic). Pages
 * show 1 decimal; 4 keep a re-computation from the export within rounding of what the page says.
 */
export const PERCENT_DECIMALS = 4;

/** a − b for two decimals stated with `aDecimals` and `bDecimals` digits: an exact decimal. */
export function decimalDifference(
  a: number,
  aDecimals: number,
  b: number,
  bDecimals: number,
): number {
  return roundTo(a - b, Math.max(aDecimals, bDecimals));
}

/** A computed percentage (or percentage-point measure of one) at the documented precision. */
export function roundPercent(value: number): number {
  return roundTo(value, PERCENT_DECIMALS);
}

/** Half a unit of the last stated digit: 15,000 is known to ±0.5, 8.2 to ±0.05. */
export function halfUnit(decimals: number): number {
  return 0.5 * 10 ** -decimals;
}
