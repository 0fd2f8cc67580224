import Link from "next/link";
import { SourceLink } from "@/components/SourceLink";
import {
  CLAIMANT_KIND_LABELS,
  type ClaimArithmetic,
  formatClaimNumber,
  formatStatedClaim,
  formatVerdictDifference,
  VERDICT_LABELS,
} from "@/lib/domain/claims";
import { formatValue } from "@/lib/domain/format";
import { quarterLabel } from "@/lib/domain/quarter";
import type { ClaimDTO, ClaimVerdictDTO } from "@/lib/queries/claims";

function figureHref(brand: string, metricKey: string): string {
  return `/metrics/${encodeURIComponent(metricKey)}?brand=${encodeURIComponent(brand)}`;
}

/** The arithmetic under a verdict: the figures used (linked), the formula, and what the hedge allows. */
function Arithmetic({
  arithmetic,
  brand,
  decimals,
  statedDecimals,
}: {
  arithmetic: ClaimArithmetic;
  brand: string;
  /** Digits of the computed number (levels: their figure's; changes: 1). */
  decimals: number;
  statedDecimals: number;
}) {
  const fine = statedDecimals + 1;
  const low = arithmetic.allowedLow;
  const high = arithmetic.allowedHigh;
  const allowed =
    low !== null && high !== null
      ? `${formatClaimNumber(low, arithmetic.unit, fine)} to ${formatClaimNumber(high, arithmetic.unit, fine)}`
      : low !== null
        ? `at least ${formatClaimNumber(low, arithmetic.unit, fine)}`
        : high !== null
          ? `at most ${formatClaimNumber(high, arithmetic.unit, fine)}`
          : null;
  return (
    <div className="claim__arithmetic" data-testid="claim-arithmetic">
      {arithmetic.inputs.length > 0 ? (
        <p>
          Figures used:{" "}
          {arithmetic.inputs.map((figure, index) => (
            <span key={figure.id}>
              {index > 0 ? "; " : ""}
              <Link href={figureHref(brand, figure.metricKey)}>
                {figure.metricKey} {quarterLabel(figure.quarter)}:{" "}
                {formatValue(figure.value, "", figure.decimals, figure.qualifier).trim()}
              </Link>{" "}
              <span className="muted">(revision {figure.revision})</span>
            </span>
          ))}
        </p>
      ) : null}
      {arithmetic.formula && arithmetic.computed !== null ? (
        <p>
          <code>
            {arithmetic.formula} ={" "}
            {formatClaimNumber(arithmetic.computed, arithmetic.unit, decimals)}
          </code>
        </p>
      ) : null}
      {arithmetic.steps.length > 0 ? (
        <ul className="claim__steps">
          {arithmetic.steps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ul>
      ) : null}
      {allowed ? (
        <p className="muted">
          The claim allows {allowed} ({arithmetic.rule}).
        </p>
      ) : null}
    </div>
  );
}

function VerdictLine({
  verdict,
  testId = "claim-verdict",
}: {
  verdict: ClaimVerdictDTO;
  testId?: string;
}) {
  const difference = formatVerdictDifference(verdict);
  return (
    <p className="claim__verdict">
      <span className={`verdict verdict--${verdict.verdict}`} data-testid={testId}>
        {VERDICT_LABELS[verdict.verdict]}
      </span>{" "}
      {difference ? <span>{difference}</span> : null}
      {verdict.reason ? <span>: {verdict.reason}</span> : null}
    </p>
  );
}

function claimAbout(claim: ClaimDTO): string {
  return `${claim.metricLabel}${claim.quarter ? `, ${quarterLabel(claim.quarter)}` : ""}`;
}

function claimComparison(claim: ClaimDTO): string {
  return claim.comparison ? ` ${claim.comparison.toUpperCase()}` : "";
}

/** One claim: who said what where, the verdict, the arithmetic behind it and the verdict history. */
export function ClaimCard({ claim, editHref }: { claim: ClaimDTO; editHref: string | null }) {
  const about = claimAbout(claim);
  const comparison = claimComparison(claim);
  // A level is shown with the digits of its figure (or of the claim, if it states more).
  const decimals =
    claim.kind === "level" || claim.kind === "record"
      ? Math.max(
          claim.statedDecimals,
          ...(claim.verdict?.arithmetic.inputs.map((figure) => figure.decimals) ?? []),
        )
      : 1;
  return (
    <li
      className="claim"
      id={`claim-${claim.uid}`}
      data-testid={`claim-${claim.uid}`}
      data-verdict={claim.verdict?.verdict}
    >
      <p className="claim__head">
        <strong>{CLAIMANT_KIND_LABELS[claim.claimantKind]}</strong> ({claim.claimant}) on{" "}
        <Link href={figureHref(claim.brandSlug, claim.metricKey)}>{about}</Link>: {claim.kind}
        {comparison} <strong>{formatStatedClaim(claim)}</strong>
        {claim.relativeMetricKey ? ` of ${claim.relativeMetricKey}` : ""}
      </p>
      <blockquote className="quote">“{claim.quote}”</blockquote>
      <p className="muted">
        <SourceLink source={claim.source} />
        {claim.note ? ` · ${claim.note}` : ""}
      </p>
      {claim.verdict ? (
        <>
          <VerdictLine verdict={claim.verdict} />
          <Arithmetic
            arithmetic={claim.verdict.arithmetic}
            brand={claim.brandSlug}
            decimals={decimals}
            statedDecimals={claim.statedDecimals}
          />
        </>
      ) : (
        <p className="muted">Not judged yet.</p>
      )}
      {claim.history.length > 0 ? (
        <details className="claim__history" data-testid="claim-history">
          <summary>Earlier verdicts ({claim.history.length})</summary>
          <ol>
            {claim.history.map((entry) => (
              <li key={`${entry.computedAt}-${entry.trigger}`}>
                {entry.computedAt.slice(0, 16).replace("T", " ")} ({entry.trigger}, claim revision{" "}
                {entry.claimRevision}):{" "}
                <VerdictLine verdict={entry} testId="claim-earlier-verdict" />
                {entry.arithmetic.formula && entry.arithmetic.computed !== null ? (
                  <code>
                    {entry.arithmetic.formula} ={" "}
                    {formatClaimNumber(entry.arithmetic.computed, entry.arithmetic.unit, decimals)}
                  </code>
                ) : null}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      <p className="muted claim__meta">
        Revision {claim.revision}, recorded by {claim.createdBy} on {claim.createdAt.slice(0, 10)}
        {claim.verdict
          ? `; judged ${claim.verdict.computedAt.slice(0, 10)} (${claim.verdict.trigger})`
          : ""}
        {editHref ? (
          <>
            {" · "}
            <Link href={editHref}>Revise this claim</Link>
          </>
        ) : null}
      </p>
    </li>
  );
}

/**
 * One claim in a line: who, what they stated and the verdict, linked to its card in the claims
 * ledger, which has the quote, the source, the arithmetic and the earlier verdicts. The metric
 * page lists its claims so: their full cards were a third of its bytes (issue 12).
 */
export function ClaimSummary({ claim, href }: { claim: ClaimDTO; href: string }) {
  return (
    <li
      className="claim claim--summary"
      data-testid={`claim-${claim.uid}`}
      data-verdict={claim.verdict?.verdict}
    >
      <p className="claim__head">
        <strong>{CLAIMANT_KIND_LABELS[claim.claimantKind]}</strong> ({claim.claimant}) on{" "}
        {claimAbout(claim)}: {claim.kind}
        {claimComparison(claim)} <Link href={href}>{formatStatedClaim(claim)}</Link>
        {claim.relativeMetricKey ? ` of ${claim.relativeMetricKey}` : ""}
      </p>
      {claim.verdict ? (
        <VerdictLine verdict={claim.verdict} />
      ) : (
        <p className="muted">Not judged yet.</p>
      )}
    </li>
  );
}

/** A list of claims, or a sentence saying there are none. */
export function ClaimList({
  claims,
  editHref,
  emptyText,
}: {
  claims: readonly ClaimDTO[];
  editHref: ((uid: string) => string) | null;
  emptyText: string;
}) {
  if (claims.length === 0) return <p className="muted">{emptyText}</p>;
  return (
    <ul className="claim-list" data-testid="claim-list">
      {claims.map((claim) => (
        <ClaimCard key={claim.uid} claim={claim} editHref={editHref ? editHref(claim.uid) : null} />
      ))}
    </ul>
  );
}
