import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ParamProblems } from "@/components/ParamProblems";
import { QUALIFIER_OPTIONS } from "@/components/quarter-form/qualifier-options";
import { RestateForm } from "@/components/RestateForm";
import { SourceLink } from "@/components/SourceLink";
import { currentLocale } from "@/i18n/locale";
import { getTranslations } from "@/i18n/messages";
import { requireRole } from "@/lib/auth/current-user";
import { CONFIRMATION_WORDS_EN, type ConfirmationWords } from "@/lib/domain/confirmation-text";
import { MetricKeySchema } from "@/lib/domain/fields";
import { formatValue, unitLabel } from "@/lib/domain/format";
import { localizeMetric } from "@/lib/domain/metric-locale";
import { quarterLabel } from "@/lib/domain/quarter";
import { restateDefaults } from "@/lib/domain/restate-view";
import { getBrand } from "@/lib/queries/brands";
import { getMetric } from "@/lib/queries/metrics";
import { listBrandSeries } from "@/lib/queries/series";
import {
  metricPageQuery,
  parseWithdrawParams,
  quarterFormHref,
  restateHref,
  type SearchParams,
} from "@/lib/url-state";

type Props = { params: Promise<{ key: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const key = MetricKeySchema.safeParse((await params).key);
  const parsed = parseWithdrawParams(await searchParams);
  const [t, locale] = await Promise.all([getTranslations("RestatePage"), currentLocale()]);
  if (!key.success || !parsed.ok) return { title: t("titleGeneric") };
  const [metric, brand] = await Promise.all([getMetric(key.data), getBrand(parsed.value.brand)]);
  if (!metric || !brand) return { title: t("titleGeneric") };
  return {
    title: t("title", {
      metric: localizeMetric(metric, locale).label,
      quarter: quarterLabel(parsed.value.quarter, locale),
      brand: brand.name,
    }),
  };
}

/** One figure's restatement on one page, prefilled with the stored figure and its whole source. */
export default async function RestatePage({ params, searchParams }: Props) {
  const { key } = await params;
  const parsedKey = MetricKeySchema.safeParse(key);
  if (!parsedKey.success) notFound();
  const parsed = parseWithdrawParams(await searchParams);
  await requireRole(
    "editor",
    parsed.ok
      ? restateHref(parsedKey.data, parsed.value.brand, parsed.value.quarter)
      : `/metrics/${parsedKey.data}`,
  );
  if (!parsed.ok) {
    return <ParamProblems problems={parsed.problems} resetHref={`/metrics/${parsedKey.data}`} />;
  }
  const [storedMetric, brand, t, tForm, tQualifier, tSentence, locale] = await Promise.all([
    getMetric(parsedKey.data),
    getBrand(parsed.value.brand),
    getTranslations("RestatePage"),
    getTranslations("RestateForm"),
    getTranslations("QualifierOptions"),
    getTranslations("ConfirmationSentence"),
    currentLocale(),
  ]);
  if (!storedMetric || !brand) notFound();
  const metric = localizeMetric(storedMetric, locale);
  const [series] = await listBrandSeries(brand.slug, { metricKeys: [metric.key] });
  const point = series?.points.find((entry) => entry.quarter === parsed.value.quarter);
  const metricHref = `/metrics/${metric.key}${metricPageQuery({ brand: brand.slug, view: "bars", from: null, to: null })}`;
  const label = quarterLabel(parsed.value.quarter, locale);
  const title = t("title", { metric: metric.label, quarter: label, brand: brand.name });

  return (
    <section className="narrow">
      <nav className="breadcrumb" aria-label={t("breadcrumb")}>
        <Link href={metricHref}>
          {t("crumbMetric", { brand: brand.name, metric: metric.label })}
        </Link>{" "}
        › <span aria-current="page">{t("crumbHere", { quarter: label })}</span>
      </nav>
      <h1>{title}</h1>
      {point ? (
        <>
          <p className="lede" data-testid="restate-stored">
            {t.rich("stored", {
              value: formatValue(point.value, metric.unit, point.decimals, point.qualifier, locale),
              revision: String(point.revision),
              strong: (chunks) => <strong>{chunks}</strong>,
              source: () => <SourceLink source={point.source} prefix={t("sourcePrefix")} />,
            })}
          </p>
          <RestateForm
            hidden={{
              brand: brand.slug,
              metric: metric.key,
              quarter: parsed.value.quarter,
              revision: point.revision,
            }}
            defaults={restateDefaults(point)}
            metric={{ label: metric.label, unit: metric.unit }}
            returnTo={restateHref(metric.key, brand.slug, parsed.value.quarter)}
            text={{
              figure: tForm("figure"),
              value: tForm("valueLabel", {
                metric: metric.label,
                unit: metric.unit ? unitLabel(metric.unit, locale) : tForm("units"),
              }),
              qualifier: tForm("qualifier"),
              qualifiers: QUALIFIER_OPTIONS.map((value) => ({
                value,
                label: tQualifier(value),
              })),
              source: tForm("source"),
              sourceTitle: tForm("sourceTitle"),
              sourceUrl: tForm("sourceUrl"),
              sourcePublishedOn: tForm("sourcePublishedOn"),
              dateHint: tForm("dateHint"),
              quote: tForm("quote"),
              note: tForm("note"),
              confirmTitle: tForm("confirmTitle"),
              confirm: tForm("confirm", {
                description: t("description", { metric: metric.label, quarter: label }),
              }),
              saving: tForm("saving"),
              submit: tForm("submit"),
              confirmation: Object.fromEntries(
                Object.keys(CONFIRMATION_WORDS_EN).map((key) => [key, String(tSentence.raw(key))]),
              ) as unknown as ConfirmationWords,
            }}
            locale={locale}
          />
        </>
      ) : (
        <p className="problem" role="alert">
          {t.rich("noFigure", {
            brand: brand.name,
            metric: metric.label,
            quarter: label,
            add: (chunks) => (
              <Link href={quarterFormHref(brand.slug, parsed.value.quarter)}>{chunks}</Link>
            ),
            back: (chunks) => <Link href={metricHref}>{chunks}</Link>,
          })}
        </p>
      )}
    </section>
  );
}
