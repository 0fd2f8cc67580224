import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { currentLocale } from "@/i18n/locale";
import { getTranslations } from "@/i18n/messages";
import { localizeMetric } from "@/lib/domain/metric-locale";
import { listBrands } from "@/lib/queries/brands";
import { listMetrics } from "@/lib/queries/metrics";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("CatalogPage"))("title") };
}

/**
 * Every brand and metric Pulse holds, one click from the not-found page. The lists live here and
 * not on that page: Next puts the root not-found boundary's rendered tree into every page's
 * payload, so lists there were paid for by every reader of every page (issue 12).
 */
export default async function CatalogPage() {
  // Rendered per request: the lists come from the database, which does not exist at build time.
  await connection();
  const [brands, metrics] = await Promise.all([listBrands(), listMetrics()]);
  const t = await getTranslations("CatalogPage");
  const locale = await currentLocale();
  return (
    <section aria-labelledby="catalog-title">
      <h1 id="catalog-title">{t("title")}</h1>
      <h2>{t("brands")}</h2>
      <ul>
        {brands.map((brand) => (
          <li key={brand.slug}>
            <Link href={`/?brand=${brand.slug}`}>{brand.name}</Link> (<code>{brand.slug}</code>)
          </li>
        ))}
      </ul>
      <h2>{t("metrics")}</h2>
      <ul className="columns">
        {metrics
          .map((metric) => localizeMetric(metric, locale))
          .map((metric) => (
            <li key={metric.key}>
              <Link href={`/metrics/${metric.key}`}>{metric.label}</Link> (<code>{metric.key}</code>
              )
            </li>
          ))}
      </ul>
    </section>
  );
}
