import type { Metadata } from "next";
import { headers } from "next/headers";
import { getMessages } from "next-intl/server";
import { BrandMetricNotes } from "@/components/BrandMetricNotes";
import { CompareForm } from "@/components/CompareForm";
import { CopyLink } from "@/components/CopyLink";
import { ChartDownloads, type ChartDownloadsText } from "@/components/charts/ChartDownloads";
import { CompareChart, type CompareChartText } from "@/components/charts/CompareChart";
import { CompareNotes } from "@/components/compare/CompareNotes";
import { CompareTable } from "@/components/compare/CompareTable";
import { ParamProblems } from "@/components/ParamProblems";
import { currentLocale } from "@/i18n/locale";
import { getTranslations } from "@/i18n/messages";
import { now } from "@/lib/clock";
import { derivedMetrics } from "@/lib/domain/derived-metrics";
import { localizeMetric } from "@/lib/domain/metric-locale";
import { listBrandMetricNotes } from "@/lib/queries/brand-metrics";
import { loadCompareView } from "@/lib/queries/compare-view";
import { listMetricsWithFigures } from "@/lib/queries/metrics";
import { compareExportHref, parseCompareParams, type SearchParams } from "@/lib/url-state";
import { comparePageView } from "@/lib/view-models/compare-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Compare"))("title") };
}

export default async function ComparePage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const parsed = parseCompareParams(await searchParams);
  if (!parsed.ok) return <ParamProblems problems={parsed.problems} resetHref="/compare" />;
  const state = parsed.value;
  const locale = await currentLocale();
  const [view, requestHeaders, t, copy, messages] = await Promise.all([
    loadCompareView(state, locale),
    headers(),
    getTranslations("Compare"),
    getTranslations("CopyLink"),
    // The charts are client components: their words come from here (components/charts/chart-text.ts).
    getMessages(),
  ]);
  const { allBrands, unknownBrands, selected, series, unknownMetrics, decision, table } = view;
  const offered = (await listMetricsWithFigures(selected.map((brand) => brand.slug))).map(
    (metric) => localizeMetric(metric, locale),
  );
  if (unknownBrands.length > 0 || unknownMetrics.length > 0) {
    const problem = await getTranslations("CompareProblems");
    const known = allBrands.map((brand) => brand.slug).join(locale === "zh" ? "、" : ", ");
    return (
      <ParamProblems
        problems={[
          ...unknownBrands.map((slug) => ({
            param: "brands",
            message: problem("unknownBrand", { slug, known }),
          })),
          ...unknownMetrics.map((key) => ({
            param: "metrics",
            message: problem("unknownMetric", { key }),
          })),
        ]}
        resetHref="/compare"
      />
    );
  }
  const {
    brands,
    metrics,
    quarters,
    drawn,
    empty,
    derivedShown,
    pointsById,
    shareLink,
    imageMeta,
    chartHeading,
  } = comparePageView({ state, view, offered, locale, today: now() });
  const host = requestHeaders.get("x-forwarded-host") ?? requestHeaders.get("host") ?? "localhost";
  const protocol = requestHeaders.get("x-forwarded-proto") ?? "http";
  const shareUrl = `${protocol}://${host}${shareLink}`;

  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t("title")}</h1>
          <p className="lede">{t("lede")}</p>
        </div>
      </div>
      <CompareForm
        state={state}
        brands={brands}
        metrics={metrics}
        derived={derivedMetrics(locale)}
        quarters={quarters}
      />
      <CopyLink
        url={shareUrl}
        text={{
          label: copy("label"),
          copy: copy("copy"),
          copied: copy("copied"),
          refused: copy("refused"),
        }}
      />
      <p className="export-links" data-testid="compare-export-links">
        <a
          href={compareExportHref(state, { lang: locale })}
          download
          className="export-links__main"
        >
          {t("download")}
        </a>
        <span className="export-links__more">
          {t("also")}{" "}
          <a href={compareExportHref(state, { bom: true, lang: locale })} download>
            {t("excel")}
          </a>
        </span>
      </p>
      <BrandMetricNotes notes={await listBrandMetricNotes(state.brands, state.metrics, locale)} />

      {decision.reason ? (
        <p className="notice notice--info" data-testid="mode-reason">
          {decision.reason}
        </p>
      ) : null}

      <CompareNotes series={series} empty={empty} derivedShown={derivedShown} notes={table.notes} />

      {drawn.length === 0 || table.rows.length === 0 ? (
        <p className="muted">{t("nothing")}</p>
      ) : (
        <section
          aria-labelledby="compare-chart-heading"
          data-testid="compare-chart"
          data-mode={decision.mode}
        >
          <h2 id="compare-chart-heading">{chartHeading}</h2>
          <ChartDownloads
            meta={imageMeta}
            text={messages.ChartDownloads as unknown as ChartDownloadsText}
          >
            <div className="chart-frame chart-frame--large">
              <CompareChart
                rows={table.rows}
                lines={drawn.map(({ id, label, unit, kind }) => ({ id, label, unit, kind }))}
                mode={decision.mode}
                axisLabel={table.axisLabel}
                text={messages.CompareChart as unknown as CompareChartText}
                locale={locale}
              />
            </div>
          </ChartDownloads>
        </section>
      )}

      {table.rows.length > 0 ? (
        <CompareTable
          state={state}
          series={series}
          mode={decision.mode}
          table={table}
          pointsById={pointsById}
          locale={locale}
        />
      ) : null}
    </>
  );
}
