import { useMessages } from "next-intl";
import { ChartDownloads, type ChartDownloadsText } from "@/components/charts/ChartDownloads";
import { SeasonalChart, type SeasonalChartText } from "@/components/charts/SeasonalChart";
import { TrendChart, type TrendChartText } from "@/components/charts/TrendChart";
import { useTranslations } from "@/i18n/messages";
import { useCurrentLocale } from "@/i18n/use-locale";
import { type ChartImageMeta, chartFileBase } from "@/lib/domain/chart-image";
import { unitLabel } from "@/lib/domain/format";
import { type QuarterCode, quarterLabel } from "@/lib/domain/quarter";
import { packChartRows, seasonalRows } from "@/lib/domain/series-view";
import type { MetricDTO } from "@/lib/domain/types";
import type { MetricView } from "@/lib/url-state";
import type { MetricPageView } from "@/lib/view-models/metric-page";

/**
 * The large chart in the chosen view: quarterly bars, the seasonal overlay or fiscal years, with
 * its PNG and SVG downloads. `today` is the server's date (lib/clock.ts), printed on the image.
 */
export function MetricChartSection({
  brand,
  metric,
  viewName,
  view,
  today,
}: {
  brand: { slug: string; name: string };
  metric: MetricDTO;
  viewName: MetricView;
  view: Pick<MetricPageView, "annual" | "annualChart" | "chart" | "markers" | "periods">;
  today: Date;
}) {
  const { annual, annualChart, chart, markers, periods } = view;
  const t = useTranslations("MetricPage");
  const locale = useCurrentLocale();
  // The charts are client components: their words come from here (components/charts/chart-text.ts).
  const messages = useMessages();
  const trendText = messages.TrendChart as unknown as TrendChartText;
  const seasonalText = messages.SeasonalChart as unknown as SeasonalChartText;
  const downloadsText = messages.ChartDownloads as unknown as ChartDownloadsText;
  const chartMetric = { label: metric.label, unit: metric.unit, kind: metric.kind };
  const imageMeta = (
    labels: { from: string; to: string },
    from: string,
    to: string,
  ): ChartImageMeta => ({
    title: locale === "zh" ? `${brand.name}：${metric.label}` : `${brand.name}: ${metric.label}`,
    unit: unitLabel(metric.unit, locale),
    range: t("chartHeading", { view: t(`views.${viewName}`), ...labels }),
    // Fiscal years are summed from these quarters, so their sources are the year's sources too.
    sources: chart.flatMap((row) => (row.sourceTitle ? [row.sourceTitle] : [])),
    date: today.toISOString().slice(0, 10),
    fileBase: chartFileBase({ brands: [brand.slug], metrics: [metric.key], from, to }),
    locale,
  });
  const noFigures = <p className="muted">{t("noFigures")}</p>;
  const trendChart = (rows: MetricPageView["chart"]) => (
    <TrendChart
      rows={packChartRows(rows)}
      metric={chartMetric}
      height={380}
      events={markers}
      comparePeriods={periods}
      text={trendText}
      locale={locale}
    />
  );
  if (viewName === "annual") {
    if (annual && !annual.aggregatable) {
      return (
        <p className="notice notice--info" data-testid="annual-not-aggregatable">
          {annual.reason}
        </p>
      );
    }
    if (annualChart.length === 0) return noFigures;
    const firstYear = annualChart[0]?.label ?? "";
    const lastYear = annualChart.at(-1)?.label ?? "";
    return (
      <section
        aria-labelledby="chart-heading"
        data-testid="metric-chart"
        data-view="annual"
        id="chart"
      >
        <h2 id="chart-heading">
          {t("annualHeading", { kind: metric.kind, from: firstYear, to: lastYear })}
        </h2>
        <p className="section-note">
          {metric.kind === "flow" ? t("annualFlowNote") : t("annualStockNote")}
        </p>
        <ChartDownloads
          text={downloadsText}
          meta={imageMeta(
            { from: firstYear, to: lastYear },
            // The file is named in ASCII whatever the language: "FY2024", as the English label.
            `FY${annualChart[0]?.quarter.slice(0, 4) ?? ""}`,
            `FY${annualChart.at(-1)?.quarter.slice(0, 4) ?? ""}`,
          )}
        >
          <div className="chart-frame chart-frame--large">{trendChart(annualChart)}</div>
        </ChartDownloads>
      </section>
    );
  }
  if (chart.length === 0) return noFigures;
  const firstQuarter = chart[0]?.quarter as QuarterCode;
  const lastQuarter = chart.at(-1)?.quarter as QuarterCode;
  const from = quarterLabel(firstQuarter, locale);
  const to = quarterLabel(lastQuarter, locale);
  return (
    <section
      aria-labelledby="chart-heading"
      data-testid="metric-chart"
      data-view={viewName}
      id="chart"
    >
      <h2 id="chart-heading">{t("chartHeading", { view: t(`views.${viewName}`), from, to })}</h2>
      <ChartDownloads
        text={downloadsText}
        meta={imageMeta({ from, to }, firstQuarter, lastQuarter)}
      >
        <div className="chart-frame chart-frame--large">
          {viewName === "bars" ? (
            trendChart(chart)
          ) : (
            <SeasonalChart
              {...seasonalRows(chart)}
              metric={chartMetric}
              height={380}
              text={seasonalText}
              locale={locale}
            />
          )}
        </div>
      </ChartDownloads>
    </section>
  );
}
