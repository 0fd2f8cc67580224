import Link from "next/link";
import { ClaimSummary } from "@/components/ClaimCard";
import { currentLocale } from "@/i18n/locale";
import { getTranslations } from "@/i18n/messages";
import { claimsHref } from "@/lib/claims-url";
import { listClaims } from "@/lib/queries/claims";

/**
 * The claims about one metric of one brand, beside its figures on the metric page: one line
 * each, with its verdict; the ledger has each claim's quote, source and arithmetic.
 */
export async function MetricClaims({ brand, metric }: { brand: string; metric: string }) {
  const locale = await currentLocale();
  const [claims, t] = await Promise.all([
    listClaims({ brand, metric }, locale),
    getTranslations("MetricClaims"),
  ]);
  const ledger = claimsHref({ brand, metric });
  return (
    <section aria-labelledby="claims-heading" data-testid="metric-claims">
      <h2 id="claims-heading">{t("heading")}</h2>
      <p className="section-note">
        {t("noteBefore")}
        <Link href={ledger}>{t("ledger")}</Link>
        {t("noteAfter")}
      </p>
      {claims.length === 0 ? (
        <p className="muted">{t("none")}</p>
      ) : (
        <ul className="claim-list" data-testid="claim-list">
          {claims.map((claim) => (
            <ClaimSummary key={claim.uid} claim={claim} href={`${ledger}#claim-${claim.uid}`} />
          ))}
        </ul>
      )}
    </section>
  );
}
