/**
 * The claims export: the columns of data/claims.csv (so that a file can be read back as claims),
 * then the verdict and its arithmetic. Cells follow the figures' export rules (lib/csv/cells):
 * text neutralised against formula injection, numbers as plain decimals; computed numbers carry
 * the documented precision (PERCENT_DECIMALS), stated numbers their own digits.
 */
import type { ClaimDTO } from "@/lib/queries/claims";
import { escapeTextCell, formatMeasureCell, formatValueCell } from "./cells";

export const CLAIM_COLUMNS = [
  "brand",
  "claimant_kind",
  "claimant",
  "source_title",
  "source_url",
  "published_on",
  "metric",
  "quarter",
  "kind",
  "comparison",
  "stated_value",
  "stated_unit",
  "hedge",
  "relative_to",
  "quote",
  "note",
] as const;

export const VERDICT_COLUMNS = [
  "verdict",
  "computed",
  "difference",
  "difference_unit",
  "ratio",
  "reason",
  "formula",
  "figures_used",
  "judged_at",
  "claim_uid",
  "claim_revision",
] as const;

export function claimsHeader(): string[] {
  return [...CLAIM_COLUMNS, ...VERDICT_COLUMNS];
}

function text(value: string | null | undefined): string {
  return value === null || value === undefined ? "" : escapeTextCell(value);
}

export function claimRecord(claim: ClaimDTO): string[] {
  const verdict = claim.verdict;
  const figures = verdict?.arithmetic.inputs
    .map((figure) => `${figure.metricKey} ${figure.quarter} r${figure.revision}`)
    .join("; ");
  return [
    text(claim.brandSlug),
    text(claim.claimantKind),
    text(claim.claimant),
    text(claim.source.title),
    text(claim.source.url),
    text(claim.source.publishedOn),
    text(claim.metricKey),
    text(claim.quarter),
    text(claim.kind),
    text(claim.comparison),
    formatValueCell(claim.statedValue, claim.statedDecimals),
    text(claim.statedUnit),
    text(claim.hedge),
    text(claim.relativeMetricKey),
    text(claim.quote),
    text(claim.note),
    text(verdict?.verdict),
    formatMeasureCell(verdict?.arithmetic.computed ?? null),
    formatMeasureCell(verdict?.difference ?? null),
    text(verdict?.differenceUnit),
    formatMeasureCell(verdict?.ratio ?? null),
    text(verdict?.reason),
    text(verdict?.arithmetic.formula),
    text(figures),
    text(verdict?.computedAt),
    text(claim.uid),
    String(claim.revision),
  ];
}
