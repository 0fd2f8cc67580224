import Link from "next/link";
import type { ReactNode } from "react";
import { SourceLink } from "@/components/SourceLink";
import { CLAIM_TEXT } from "@/i18n/claim-words";
import { useTranslations } from "@/i18n/messages";
import { useCurrentLocale } from "@/i18n/use-locale";
import {
  type ClaimArithmeticText,
  claimComparisonText,
  claimTriggerText,
  formatClaimNumber,
  formatStatedClaim,
  formatVerdictDifference,
  type Hedge,
  hedgeRule,
} from "@/lib/domain/claims";
import { formatValue } from "@/lib/domain/format";
import type { Locale } from "@/lib/domain/locale";
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
  hedge,
}: {
  arithmetic: ClaimArithmeticText;
  hedge: Hedge;
  brand: string;
  /** Digits of the computed number (levels: their figure's; changes: 1). */
  decimals: number;
  statedDecimals: number;
}) {
  const t = useTranslations("ClaimCard");
  const locale = useCurrentLocale();
  const fine = statedDecimals + 1;
  const low = arithmetic.allowedLow;
  const high = arithmetic.allowedHigh;
  const allowed =
    low !== null && high !== null
      ? t("range", {
          low: formatClaimNumber(low, arithmetic.unit, fine, CLAIM_TEXT[locale]),
          high: formatClaimNumber(high, arithmetic.unit, fine, CLAIM_TEXT[locale]),
        })
      : low !== null
        ? t("atLeast", { low: formatClaimNumber(low, arithmetic.unit, fine, CLAIM_TEXT[locale]) })
        : high !== null
          ? t("atMost", {
              high: formatClaimNumber(high, arithmetic.unit, fine, CLAIM_TEXT[locale]),
            })
          : null;
  return (
    <div className="claim__arithmetic" data-testid="claim-arithmetic">
      {arithmetic.inputs.length > 0 ? (
        <p>
          {t("figuresUsed")}
          {arithmetic.inputs.map((figure, index) => (
            <span key={figure.id}>
              {index > 0 ? "; " : ""}
              <Link href={figureHref(brand, figure.metricKey)}>
                {figure.metricKey} {quarterLabel(figure.quarter, locale)}:{" "}
                {formatValue(figure.value, "", figure.decimals, figure.qualifier, locale).trim()}
              </Link>{" "}
              <span className="muted">{t("revisionOf", { revision: figure.revision })}</span>
            </span>
          ))}
        </p>
      ) : null}
      {arithmetic.formula && arithmetic.computed !== null ? (
        <p>
          <code>
            {arithmetic.formula} ={" "}
            {formatClaimNumber(arithmetic.computed, arithmetic.unit, decimals, CLAIM_TEXT[locale])}
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
          {t("allows", {
            allowed,
            // The stored rule is English; another language says it from the hedge.
            rule: locale === "en" ? arithmetic.rule : hedgeRule(hedge, CLAIM_TEXT[locale]),
          })}
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
  const verdicts = useTranslations("Claims.verdicts");
  const locale = useCurrentLocale();
  const difference = formatVerdictDifference(verdict, CLAIM_TEXT[locale]);
  return (
    <p className="claim__verdict">
      <span className={`verdict verdict--${verdict.verdict}`} data-testid={testId}>
        {verdicts(verdict.verdict)}
      </span>{" "}
      {difference ? <span>{difference}</span> : null}
      {verdict.reason ? <span>: {verdict.reason}</span> : null}
    </p>
  );
}

function claimAbout(claim: ClaimDTO, locale: Locale): string {
  return `${claim.metricLabel}${claim.quarter ? `, ${quarterLabel(claim.quarter, locale)}` : ""}`;
}

/** Who said it about what: "<strong>Press</strong> (Reuters) on Revenue, Q3 2025: change YoY". */
function ClaimHead({ claim, about }: { claim: ClaimDTO; about: ReactNode }) {
  const t = useTranslations("ClaimCard");
  const locale = useCurrentLocale();
  return (
    <>
      <strong>{t(`claimants.${claim.claimantKind}`)}</strong> ({claim.claimant}){t("on")}
      {about}: {t(`kinds.${claim.kind}`)}
      {claimComparisonText(claim.comparison, CLAIM_TEXT[locale])}
    </>
  );
}

/** One claim: who said what where, the verdict, the arithmetic behind it and the verdict history. */
export function ClaimCard({ claim, editHref }: { claim: ClaimDTO; editHref: string | null }) {
  const t = useTranslations("ClaimCard");
  const locale = useCurrentLocale();
  const about = claimAbout(claim, locale);
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
        <ClaimHead
          claim={claim}
          about={<Link href={figureHref(claim.brandSlug, claim.metricKey)}>{about}</Link>}
        />{" "}
        <strong>{formatStatedClaim(claim, CLAIM_TEXT[locale])}</strong>
        {claim.relativeMetricKey ? t("of", { metric: claim.relativeMetricKey }) : ""}
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
            hedge={claim.hedge}
          />
        </>
      ) : (
        <p className="muted">{t("notJudged")}</p>
      )}
      {claim.history.length > 0 ? (
        <details className="claim__history" data-testid="claim-history">
          <summary>{t("earlier", { count: claim.history.length })}</summary>
          <ol>
            {claim.history.map((entry) => (
              <li key={`${entry.computedAt}-${entry.trigger}`}>
                {t("earlierEntry", {
                  when: entry.computedAt.slice(0, 16).replace("T", " "),
                  trigger: claimTriggerText(entry.trigger, CLAIM_TEXT[locale]),
                  revision: entry.claimRevision,
                })}
                <VerdictLine verdict={entry} testId="claim-earlier-verdict" />
                {entry.arithmetic.formula && entry.arithmetic.computed !== null ? (
                  <code>
                    {entry.arithmetic.formula} ={" "}
                    {formatClaimNumber(
                      entry.arithmetic.computed,
                      entry.arithmetic.unit,
                      decimals,
                      CLAIM_TEXT[locale],
                    )}
                  </code>
                ) : null}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      <p className="muted claim__meta">
        {t("meta", {
          revision: claim.revision,
          name: claim.createdBy,
          date: claim.createdAt.slice(0, 10),
        })}
        {claim.verdict
          ? t("judged", {
              date: claim.verdict.computedAt.slice(0, 10),
              trigger: claimTriggerText(claim.verdict.trigger, CLAIM_TEXT[locale]),
            })
          : ""}
        {editHref ? (
          <>
            {" · "}
            <Link href={editHref}>{t("revise")}</Link>
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
  const t = useTranslations("ClaimCard");
  const locale = useCurrentLocale();
  return (
    <li
      className="claim claim--summary"
      data-testid={`claim-${claim.uid}`}
      data-verdict={claim.verdict?.verdict}
    >
      <p className="claim__head">
        <ClaimHead claim={claim} about={claimAbout(claim, locale)} />{" "}
        <Link href={href}>{formatStatedClaim(claim, CLAIM_TEXT[locale])}</Link>
        {claim.relativeMetricKey ? t("of", { metric: claim.relativeMetricKey }) : ""}
      </p>
      {claim.verdict ? (
        <VerdictLine verdict={claim.verdict} />
      ) : (
        <p className="muted">{t("notJudged")}</p>
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
