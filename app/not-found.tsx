import Link from "next/link";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { currentLocale } from "@/i18n/locale";
import { localizeMetric } from "@/lib/domain/metric-locale";
import { listBrands } from "@/lib/queries/brands";
import { listMetrics } from "@/lib/queries/metrics";

/** Unknown brands and metrics land here, with what does exist one click away. */
export default async function NotFound() {
  // Rendered per request: the lists come from the database, which does not exist at build time.
  await connection();
  const [brands, metrics] = await Promise.all([listBrands(), listMetrics()]);
  const t = await getTranslations("NotFoundPage");
  const locale = await currentLocale();
  return (
    <section className="problem" aria-labelledby="not-found-title">
      <h1 id="not-found-title">{t("title")}</h1>
      <p>{t("lede")}</p>
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
