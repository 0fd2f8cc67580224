import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { claimFormWords } from "@/app/_claims/form-words";
import { ClaimForm } from "@/components/ClaimForm";
import { ParamProblems } from "@/components/ParamProblems";
import { currentLocale } from "@/i18n/locale";
import { getTranslations } from "@/i18n/messages";
import { createClaimAction } from "@/lib/actions/create-claim";
import { requireRole } from "@/lib/auth/current-user";
import { claimsHref } from "@/lib/claims-url";
import { EMPTY_CLAIM_VALUES } from "@/lib/domain/claim-input";
import { localizeMetric } from "@/lib/domain/metric-locale";
import { getBrand } from "@/lib/queries/brands";
import { listMetrics } from "@/lib/queries/metrics";
import { parseOverviewParams, type SearchParams } from "@/lib/url-state";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ClaimNewPage"))("title") };
}

export default async function NewClaimPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const parsed = parseOverviewParams(await searchParams);
  if (!parsed.ok) return <ParamProblems problems={parsed.problems} resetHref="/claims/new" />;
  const self = `/claims/new?brand=${encodeURIComponent(parsed.value.brand)}`;
  await requireRole("editor", self);
  const [brand, metrics, t, words, locale] = await Promise.all([
    getBrand(parsed.value.brand),
    listMetrics(),
    getTranslations("ClaimNewPage"),
    claimFormWords(),
    currentLocale(),
  ]);
  if (!brand) notFound();
  return (
    <section className="narrow">
      <h1>{t("heading", { brand: brand.name })}</h1>
      <p className="lede">{t("lede")}</p>
      <ClaimForm
        action={createClaimAction.bind(null, brand.slug)}
        initial={EMPTY_CLAIM_VALUES}
        metrics={metrics.map((metric) => localizeMetric(metric, locale))}
        submitLabel={t("submit")}
        words={words}
        cancelHref={claimsHref({ brand: brand.slug })}
      />
    </section>
  );
}
