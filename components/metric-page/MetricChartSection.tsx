import { SeasonalChart } from "@/components/charts/SeasonalChart";
import { TrendChart } from "@/components/charts/TrendChart";
import { type QuarterCode, quarterLabel } from "@/lib/domain/quarter";
import { seasonalRows } from "@/lib/domain/series-view";
import type { MetricDTO } from "@/lib/domain/types";
import type { MetricView } from "@/lib/url-state";
import { type MetricPageView, VIEW_LABELS } from "@/lib/view-models/metric-page";

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
  const chartMetric = { label: metric.label, unit: metric.unit, kind: metric.kind };
  const noFigures = <p className="muted">No figures for this metric in the selected range.</p>;
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
          {metric.kind === "flow" ? "Fiscal-year totals" : "Year-end values"} and YoY,{" "}
          {annualChart[0]?.label} to {annualChart.at(-1)?.label}
        </h2>
        <p className="section-note">
          {metric.kind === "flow"
            ? "A year's total is shown only when all four quarters have a figure; an incomplete year is an empty slot, with the missing quarters in the table."
            : "A stock's fiscal-year value is its level at the end of Q4; a year without a Q4 figure has none."}
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
        {VIEW_LABELS[viewName]}, {quarterLabel(chart[0]?.quarter as QuarterCode)} to{" "}
        {quarterLabel(chart.at(-1)?.quarter as QuarterCode)}
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
