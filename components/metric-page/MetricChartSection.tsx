import { useTranslations } from "next-intl";
import { SeasonalChart } from "@/components/charts/SeasonalChart";
import { TrendChart } from "@/components/charts/TrendChart";
import { useCurrentLocale } from "@/i18n/use-locale";
import { type QuarterCode, quarterLabel } from "@/lib/domain/quarter";
import { seasonalRows } from "@/lib/domain/series-view";
import type { MetricDTO } from "@/lib/domain/types";
import type { MetricView } from "@/lib/url-state";
import type { MetricPageView } from "@/lib/view-models/metric-page";

/** The large chart in the chosen view: quarterly bars, the seasonal overlay or fiscal years. */
export function MetricChartSection({
  metric,
  viewName,
  view,
}: {
  metric: MetricDTO;
  viewName: MetricView;
  view: Pick<MetricPageView, "annual" | "annualChart" | "chart" | "markers" | "periods">;
}) {
  const { annual, annualChart, chart, markers, periods } = view;
  const t = useTranslations("MetricPage");
  const locale = useCurrentLocale();
  const chartMetric = { label: metric.label, unit: metric.unit, kind: metric.kind };
  const noFigures = <p className="muted">{t("noFigures")}</p>;
  if (viewName === "annual") {
    if (annual && !annual.aggregatable) {
      return (
        <p className="notice notice--info" data-testid="annual-not-aggregatable">
          {annual.reason}
        </p>
      );
    }
    if (annualChart.length === 0) return noFigures;
    return (
      <section
        aria-labelledby="chart-heading"
        data-testid="metric-chart"
        data-view="annual"
        id="chart"
      >
        <h2 id="chart-heading">
          {t("annualHeading", {
            kind: metric.kind,
            from: annualChart[0]?.label ?? "",
            to: annualChart.at(-1)?.label ?? "",
          })}
        </h2>
        <p className="section-note">
          {metric.kind === "flow" ? t("annualFlowNote") : t("annualStockNote")}
        </p>
        <div className="chart-frame chart-frame--large">
          <TrendChart
            rows={annualChart}
            metric={chartMetric}
            height={380}
            events={markers}
            comparePeriods={periods}
          />
        </div>
      </section>
    );
  }
  if (chart.length === 0) return noFigures;
  return (
    <section
      aria-labelledby="chart-heading"
      data-testid="metric-chart"
      data-view={viewName}
      id="chart"
    >
      <h2 id="chart-heading">
        {t("chartHeading", {
          view: t(`views.${viewName}`),
          from: quarterLabel(chart[0]?.quarter as QuarterCode, locale),
          to: quarterLabel(chart.at(-1)?.quarter as QuarterCode, locale),
        })}
      </h2>
      <div className="chart-frame chart-frame--large">
        {viewName === "bars" ? (
          <TrendChart
            rows={chart}
            metric={chartMetric}
            height={380}
            events={markers}
            comparePeriods={periods}
          />
        ) : (
          <SeasonalChart {...seasonalRows(chart)} metric={chartMetric} height={380} />
        )}
      </div>
    </section>
  );
}
