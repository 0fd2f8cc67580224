import Link from "next/link";
import type { ReactNode } from "react";
import { CLAIM_TEXT } from "@/i18n/claim-words";
import { useTranslations } from "@/i18n/messages";
import { useCurrentLocale } from "@/i18n/use-locale";
import { claimsHref } from "@/lib/claims-url";
import type { ClaimImportPlan } from "@/lib/csv/claims-import";
import { formatStatedClaim } from "@/lib/domain/claims";
import { decimalsOf } from "@/lib/domain/kpi";
import { type QuarterCode, quarterLabel } from "@/lib/domain/quarter";
import type { MetricDTO } from "@/lib/domain/types";
import { ImportPreviewTable, ImportSourceCell } from "./ImportPreviewTable";
import { ImportRejectedRows } from "./ImportRejectedRows";

/** What a claims import would add, before anything is written; after it, what it added. */
export function ClaimImportPreview({
  plan,
  metrics,
  applied = false,
}: {
  plan: ClaimImportPlan;
  metrics: readonly MetricDTO[];
  applied?: boolean;
}) {
  const t = useTranslations("ClaimImportPreview");
  // The claimant kinds and claim kinds are the claim cards' words.
  const card = useTranslations("ClaimCard");
  const locale = useCurrentLocale();
  const label = (key: string) => metrics.find((metric) => metric.key === key)?.label ?? key;
  const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;
  const n = (value: number) => value.toLocaleString("en-US");
  return (
    <>
      <ul className="import-counts" data-testid="import-counts">
        <li>{t.rich("rowsRead", { strong, count: n(plan.rowCount) })}</li>
        <li data-testid="count-add">
          {t.rich(applied ? "added" : "toAdd", { strong, count: n(plan.writes.length) })}
        </li>
        <li data-testid="count-unchanged">
          {t.rich("unchanged", { strong, count: n(plan.unchanged.length) })}
        </li>
        <li data-testid="count-rejected" className={plan.rejected.length > 0 ? "change--bad" : ""}>
          {t.rich("problems", { strong, count: n(plan.rejected.length) })}
        </li>
      </ul>

      <ImportRejectedRows rejected={plan.rejected} />

      {plan.writes.length > 0 ? (
        <ImportPreviewTable
          headingId="add-heading"
          testId="added-rows"
          heading={applied ? t("addHeadingApplied") : t("addHeading")}
          note={applied ? null : t("addNote")}
          columns={[
            { label: t("row"), num: true },
            { label: t("brand") },
            { label: t("about") },
            { label: t("claim") },
            { label: t("who") },
            { label: t("source") },
          ]}
          rows={plan.writes}
          row={({ row, claim }) => (
            <tr key={row}>
              <td className="num">{row}</td>
              <td>
                {applied ? (
                  <Link href={claimsHref({ brand: claim.brand, metric: claim.metric })}>
                    {claim.brand}
                  </Link>
                ) : (
                  claim.brand
                )}
              </td>
              <td>
                {label(claim.metric)}
                {claim.quarter ? `, ${quarterLabel(claim.quarter as QuarterCode, locale)}` : ""}
              </td>
              <td>
                {card(`kinds.${claim.kind}`)}
                {claim.comparison ? ` ${claim.comparison.toUpperCase()}` : ""}:{" "}
                {formatStatedClaim(
                  {
                    ...claim,
                    statedValue: Number(claim.statedValue),
                    statedDecimals: decimalsOf(claim.statedValue),
                  },
                  CLAIM_TEXT[locale],
                )}
                {claim.kind === "share" && claim.relativeMetric
                  ? t("of", { metric: label(claim.relativeMetric) })
                  : ""}
              </td>
              <td>
                {claim.claimant} ({card(`claimants.${claim.claimantKind}`)})
              </td>
              <ImportSourceCell
                title={claim.sourceTitle}
                url={claim.sourceUrl}
                date={claim.sourcePublishedOn}
              />
            </tr>
          )}
        />
      ) : null}
    </>
  );
}
