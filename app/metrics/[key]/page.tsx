import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { MetricClaims } from "@/app/_claims/MetricClaims";
import { AnnualTable } from "@/components/AnnualTable";
import { ChartEvents } from "@/components/ChartEvents";
import { MetricChartSection } from "@/components/metric-page/MetricChartSection";
import { MetricControls } from "@/components/metric-page/MetricControls";
import { MetricPageHead } from "@/components/metric-page/MetricPageHead";
import { ParamProblems } from "@/components/ParamProblems";
import { SeriesTable } from "@/components/SeriesTable";
import { SignalsPanel } from "@/components/SignalsPanel";
import { currentLocale } from "@/i18n/locale";
import { getTranslations } from "@/i18n/messages";
import { canEdit, requireReader } from "@/lib/auth/current-user";
import { now } from "@/lib/clock";
import { MetricKeySchema } from "@/lib/domain/fields";
import { localizeMetric, localizeSeries } from "@/lib/domain/metric-locale";
import { changesVsYearsAgo } from "@/lib/domain/series-view";
import { tableWindow } from "@/lib/domain/table-window";
import { getBrand, listBrands } from "@/lib/queries/brands";
import { listEvents } from "@/lib/queries/events";
import { getMetric } from "@/lib/queries/metrics";
import { listBrandSeries } from "@/lib/queries/series";
import {
  metricPageQuery,
  overviewQuery,
  parseMetricPageParams,
  parseWithdrawnNotice,
  quarterEditTemplates,
  type SearchParams,
} from "@/lib/url-state";
import { metricPageControls, metricPageView } from "@/lib/view-models/metric-page";

interface PageProps {
  params: Promise<{ key: string }>;
  searchParams: Promise<SearchParams>;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const { key } = await params;
  const parsedKey = MetricKeySchema.safeParse(key);
  const metric = parsedKey.success ? await getMetric(parsedKey.data) : null;
  const [t, locale] = await Promise.all([getTranslations("MetricPage"), currentLocale()]);
  return { title: metric ? localizeMetric(metric, locale).label : t("notFound") };
}

export default async function MetricPage({ params, searchParams }: PageProps) {
  const { key } = await params;
  const parsedKey = MetricKeySchema.safeParse(key);
  if (!parsedKey.success) notFound();
  const query = await searchParams;
  const parsed = parseMetricPageParams(query);
  if (!parsed.ok) {
    return <ParamProblems problems={parsed.problems} resetHref={`/metrics/${parsedKey.data}`} />;
  }
  const state = parsed.value;
  const [t, locale] = await Promise.all([getTranslations("MetricPage"), currentLocale()]);
  const [storedMetric, brand, brands, session] = await Promise.all([
    getMetric(parsedKey.data),
    getBrand(state.brand),
    listBrands(),
    requireReader(`/metrics/${parsedKey.data}`),
  ]);
  if (!storedMetric || !brand) notFound();
  const metric = localizeMetric(storedMetric, locale);
  // Every metric of the brand: the signals compare this one with the others.
  const [storedSeries, events] = await Promise.all([
    listBrandSeries(brand.slug),
    listEvents(brand.slug),
  ]);
  const allSeries = localizeSeries(storedSeries, locale);
  const series = allSeries.find((entry) => entry.metric.key === metric.key);
  if (!series) notFound();
  const today = now();
  const view = metricPageView({
    state,
    brand,
    allSeries,
    series,
    events,
    now: today,
    locale,
    metricHref: (key) =>
      `/metrics/${key}${metricPageQuery({ brand: brand.slug, view: "bars", from: null, to: null })}#chart`,
  });
  const controls = metricPageControls({
    state,
    metricKey: metric.key,
    brandSlug: brand.slug,
    brandSlugs: brands.map((entry) => entry.slug),
    view,
  });
  const { placed, eventSpan } = view;
  const editorLinks = canEdit(session) ? quarterEditTemplates(metric.key, brand.slug) : null;
  const fold = view.span
    ? {
        ...tableWindow({
          ...view.span,
          all: state.allRows === true,
          writtenAt: new Map([
            ...series.points.flatMap((point) =>
              point.enteredAt ? [[point.quarter, point.enteredAt] as const] : [],
            ),
            ...series.withdrawn.map((entry) => [entry.quarter, entry.withdrawnAt] as const),
          ]),
        }),
        allHref: `/metrics/${metric.key}${metricPageQuery({ ...state, allRows: true })}#data`,
      }
    : null;

  return (
    <>
      <MetricPageHead
        brand={brand}
        brands={brands}
        metric={metric}
        brandHidden={controls.brandHidden}
        withdrawnNotice={parseWithdrawnNotice(query)}
      />
      <MetricControls
        brandSlug={brand.slug}
        metricKey={metric.key}
        state={state}
        quarters={view.quarters}
        controls={controls}
      />
      <MetricChartSection
        brand={brand}
        metric={metric}
        viewName={state.view}
        view={view}
        today={today}
      />

      {view.showEvents && placed && eventSpan && state.view !== "seasonal" ? (
        <section aria-labelledby="events-heading">
          <h2 id="events-heading" className="visually-hidden">
            {t("events")}
          </h2>
          <ChartEvents
            within={placed.within}
            after={placed.after}
            before={placed.before}
            firstLabel={eventSpan.firstLabel}
            lastLabel={eventSpan.lastLabel}
            editable={canEdit(session)}
            timelineHref={`/${overviewQuery({ brand: brand.slug })}`}
          />
        </section>
      ) : null}

      <SignalsPanel
        findings={view.findings}
        headingId="signals-heading"
        heading={t("signalsFor", { metric: metric.label })}
      />

      <section aria-labelledby="table-heading" id="data" tabIndex={-1}>
        <h2 id="table-heading">{t("data")}</h2>
        {state.view === "annual" && view.annual?.aggregatable ? (
          <AnnualTable metric={metric} rows={view.annualRows} />
        ) : (
          <SeriesTable
            metric={metric}
            rows={view.rows}
            caption={t("caption", { brand: brand.name, metric: metric.label })}
            detailed
            span={view.span}
            withdrawn={series.withdrawn}
            editorLinks={editorLinks}
            twoYearChanges={view.periods.includes(2) ? changesVsYearsAgo(series, 2) : undefined}
            fold={fold}
          />
        )}
      </section>
      <MetricClaims brand={brand.slug} metric={metric.key} />
    </>
  );
}
