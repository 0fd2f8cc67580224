import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BrandSwitcher } from "@/components/BrandSwitcher";
import { ClaimList } from "@/components/ClaimCard";
import { ClaimFilters } from "@/components/ClaimFilters";
import { ParamProblems } from "@/components/ParamProblems";
import { currentLocale } from "@/i18n/locale";
import { getTranslations } from "@/i18n/messages";
import { canEdit, requireReader } from "@/lib/auth/current-user";
import { claimsHref, parseClaimsParams } from "@/lib/claims-url";
import { ABOUT_RELATIVE_TOLERANCE, HEDGES, NEARLY_LOWER_FRACTION } from "@/lib/domain/claims";
import { localizeMetric } from "@/lib/domain/metric-locale";
import { getBrand, listBrands } from "@/lib/queries/brands";
import { listClaims } from "@/lib/queries/claims";
import { listMetrics } from "@/lib/queries/metrics";
import { type SearchParams, withExportLang } from "@/lib/url-state";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ClaimsPage"))("title") };
}

export default async function ClaimsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const parsed = parseClaimsParams(await searchParams);
  if (!parsed.ok) return <ParamProblems problems={parsed.problems} resetHref="/claims" />;
  const state = parsed.value;
  const locale = await currentLocale();
  const [brand, brands, metrics, claims, session, t] = await Promise.all([
    getBrand(state.brand),
    listBrands(),
    listMetrics(),
    listClaims(state, locale),
    requireReader("/claims"),
    getTranslations("ClaimsPage"),
  ]);
  if (!brand) notFound();
  // A page read in Chinese downloads Chinese column names, as the figures' export links do.
  const exportParams = withExportLang(new URLSearchParams({ brand: brand.slug }), locale);
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t("heading", { brand: brand.name })}</h1>
          <p className="lede">{t("lede")}</p>
        </div>
        <div className="page-head__actions">
          <BrandSwitcher brands={brands} current={brand.slug} action="/claims" />
          {canEdit(session) ? (
            <Link
              className="button-link"
              href={`/claims/new?brand=${encodeURIComponent(brand.slug)}`}
            >
              {t("add")}
            </Link>
          ) : null}
          {canEdit(session) ? (
            <Link className="button-link" href="/claims/import">
              {t("import")}
            </Link>
          ) : null}
        </div>
      </div>
      <ClaimFilters
        brand={brand.slug}
        metrics={metrics.map((metric) => localizeMetric(metric, locale))}
        who={state.who}
        metric={state.metric}
        verdict={state.verdict}
      />
      <p className="section-note">
        {t("count", { count: claims.length })} ·{" "}
        <a href={`/api/claims/export?${exportParams.toString()}`} download>
          {t("export", { brand: brand.name })}
        </a>
        {state.who || state.metric || state.verdict ? (
          <>
            {" · "}
            <Link href={claimsHref({ brand: brand.slug })}>{t("clear")}</Link>
          </>
        ) : null}
      </p>
      <ClaimList
        claims={claims}
        editHref={canEdit(session) ? (uid) => `/claims/${encodeURIComponent(uid)}/edit` : null}
        emptyText={t("empty")}
      />
      <details className="section-note">
        <summary>{t("howSummary")}</summary>
        <p>{t("howText")}</p>
        <ul>
          {HEDGES.map((hedge) => (
            <li key={hedge}>
              <strong>{t(`hedges.${hedge}`)}</strong>:{" "}
              {t(`rules.${hedge}`, {
                percent: (hedge === "about"
                  ? ABOUT_RELATIVE_TOLERANCE * 100
                  : NEARLY_LOWER_FRACTION * 100
                ).toString(),
              })}
            </li>
          ))}
        </ul>
      </details>
    </>
  );
}
