import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { claimFormWords } from "@/app/_claims/form-words";
import { ClaimForm } from "@/components/ClaimForm";
import { currentLocale } from "@/i18n/locale";
import { getTranslations } from "@/i18n/messages";
import { reviseClaimAction } from "@/lib/actions/revise-claim";
import { requireRole } from "@/lib/auth/current-user";
import { claimsHref } from "@/lib/claims-url";
import type { ClaimField } from "@/lib/domain/claim-input";
import { localizeMetric } from "@/lib/domain/metric-locale";
import { getClaim } from "@/lib/queries/claims";
import { listMetrics } from "@/lib/queries/metrics";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ClaimEditPage"))("title") };
}

/** The stated number as it was written: its stored digits are part of what it says. */
function statedLiteral(value: number, decimals: number): string {
  return value.toFixed(decimals);
}

export default async function EditClaimPage({ params }: { params: Promise<{ uid: string }> }) {
  const { uid } = await params;
  const self = `/claims/${encodeURIComponent(uid)}/edit`;
  await requireRole("editor", self);
  const [claim, metrics, t, words, locale] = await Promise.all([
    getClaim(uid),
    listMetrics(),
    getTranslations("ClaimEditPage"),
    claimFormWords(),
    currentLocale(),
  ]);
  if (!claim) notFound();
  const initial: Record<ClaimField, string> = {
    claimantKind: claim.claimantKind,
    claimant: claim.claimant,
    sourceTitle: claim.source.title,
    sourceUrl: claim.source.url ?? "",
    sourcePublishedOn: claim.source.publishedOn ?? "",
    quote: claim.quote,
    metric: claim.metricKey,
    quarter: claim.quarter ?? "",
    kind: claim.kind,
    comparison: claim.comparison ?? "",
    statedValue: statedLiteral(claim.statedValue, claim.statedDecimals),
    statedUnit: claim.statedUnit,
    hedge: claim.hedge,
    relativeMetric: claim.relativeMetricKey ?? "",
    note: claim.note ?? "",
  };
  return (
    <section className="narrow">
      <h1>{t("title")}</h1>
      <p className="lede">{t("lede")}</p>
      <ClaimForm
        action={reviseClaimAction.bind(null, uid, claim.brandSlug)}
        initial={initial}
        metrics={metrics.map((metric) => localizeMetric(metric, locale))}
        revision={claim.revision}
        submitLabel={t("submit")}
        words={words}
        cancelHref={claimsHref({ brand: claim.brandSlug })}
      />
    </section>
  );
}
