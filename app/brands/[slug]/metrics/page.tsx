import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { currentLocale } from "@/i18n/locale";
import { getTranslations } from "@/i18n/messages";
import { changeBrandMetrics } from "@/lib/actions/change-brand-metrics";
import { requireRole } from "@/lib/auth/current-user";
import { parseBrandMetricOutcome } from "@/lib/domain/brand-metric-input";
import { BRAND_METRIC_NOTE_MAX } from "@/lib/domain/brand-metrics";
import { SlugSchema } from "@/lib/domain/fields";
import { unitLabel } from "@/lib/domain/format";
import { localizeMetric } from "@/lib/domain/metric-locale";
import { listBrandMetrics } from "@/lib/queries/brand-metrics";
import { getBrand } from "@/lib/queries/brands";
import { listMetrics } from "@/lib/queries/metrics";
import { brandMetricsHref, overviewQuery, type SearchParams } from "@/lib/url-state";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("BrandMetricsPage"))("title") };
}

/** An editor's page for the metrics a brand tracks: add, remove, and the brand's note on each. */
export default async function BrandMetricsPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const slug = SlugSchema.safeParse((await params).slug);
  if (!slug.success) notFound();
  await requireRole("editor", brandMetricsHref(slug.data));
  const brand = await getBrand(slug.data);
  if (!brand) notFound();
  const [storedTracked, storedCatalog, t, locale] = await Promise.all([
    listBrandMetrics(brand.slug),
    listMetrics(),
    getTranslations("BrandMetricsPage"),
    currentLocale(),
  ]);
  const tracked = storedTracked.map((metric) => localizeMetric(metric, locale));
  const catalog = storedCatalog.map((metric) => localizeMetric(metric, locale));
  const unit = (metric: { unit: string }) =>
    metric.unit ? unitLabel(metric.unit, locale) : t("units");
  const outcome = parseBrandMetricOutcome(await searchParams);
  const trackedKeys = new Set(tracked.map((metric) => metric.key));
  const addable = catalog.filter((metric) => !trackedKeys.has(metric.key));

  return (
    <section className="narrow">
      <nav className="breadcrumb" aria-label={t("breadcrumb")}>
        <Link href={`/${overviewQuery({ brand: brand.slug })}`}>
          {t("overview", { brand: brand.name })}
        </Link>{" "}
        › <span aria-current="page">{t("metrics")}</span>
      </nav>
      <h1>{t("heading", { brand: brand.name })}</h1>
      <p className="lede">{t("lede", { brand: brand.name })}</p>
      {outcome ? (
        <p
          className={outcome.ok ? "notice" : "problem"}
          role={outcome.ok ? "status" : "alert"}
          data-testid="brand-metrics-outcome"
        >
          {outcome.metric ? t("outcomeMetric", { metric: outcome.metric }) : ""}
          {t(`outcomes.${outcome.code}`, { max: String(BRAND_METRIC_NOTE_MAX) })}
        </p>
      ) : null}
      <ul className="brand-metric-list">
        {tracked.map((metric) => (
          <li key={metric.key} data-testid={`brand-metric-${metric.key}`}>
            <form action={changeBrandMetrics} className="stack-form">
              <input type="hidden" name="brand" value={brand.slug} />
              <input type="hidden" name="metric" value={metric.key} />
              <div className="field">
                <label htmlFor={`note-${metric.key}`}>
                  {t("noteLabel", { metric: metric.label, unit: unit(metric) })}
                </label>
                <textarea
                  id={`note-${metric.key}`}
                  name="note"
                  rows={2}
                  maxLength={BRAND_METRIC_NOTE_MAX}
                  defaultValue={metric.note ?? ""}
                />
              </div>
              <div className="form-actions">
                <button type="submit" name="change" value="note">
                  {t("saveNote", { metric: metric.label })}
                </button>{" "}
                <button type="submit" name="change" value="remove" className="button--danger">
                  {t("remove", { metric: metric.label })}
                </button>
              </div>
            </form>
          </li>
        ))}
      </ul>
      {addable.length > 0 ? (
        <form action={changeBrandMetrics} className="stack-form">
          <h2>{t("addHeading")}</h2>
          <input type="hidden" name="brand" value={brand.slug} />
          <div className="field">
            <label htmlFor="add-metric">{t("metric")}</label>
            <select id="add-metric" name="metric">
              {addable.map((metric) => (
                <option key={metric.key} value={metric.key}>
                  {t("option", { metric: metric.label, unit: unit(metric) })}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="add-note">{t("noteOptional")}</label>
            <textarea id="add-note" name="note" rows={2} maxLength={BRAND_METRIC_NOTE_MAX} />
          </div>
          <div className="form-actions">
            <button type="submit" name="change" value="add">
              {t("add")}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
