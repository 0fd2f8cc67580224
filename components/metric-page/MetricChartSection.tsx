import { ChartDownloads } from "@/components/charts/ChartDownloads";
import { SeasonalChart } from "@/components/charts/SeasonalChart";
import { TrendChart } from "@/components/charts/TrendChart";
import { type ChartImageMeta, chartFileBase } from "@/lib/domain/chart-image";
import { type QuarterCode, quarterLabel } from "@/lib/domain/quarter";
import { seasonalRows } from "@/lib/domain/series-view";
import type { MetricDTO } from "@/lib/domain/types";
import type { MetricView } from "@/lib/url-state";
import { type MetricPageView, VIEW_LABELS } from "@/lib/view-models/metric-page";

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
  const chartMetric = { label: metric.label, unit: metric.unit, kind: metric.kind };
  const imageMeta = (range: string, from: string, to: string): ChartImageMeta => ({
    title: `${brand.name}: ${metric.label}`,
    unit: metric.unit,
    range: `${VIEW_LABELS[viewName]}, ${range}`,
    // Fiscal years are summed from these quarters, so their sources are the year's sources too.
    sources: chart.flatMap((row) => (row.sourceTitle ? [row.sourceTitle] : [])),
    date: today.toISOString().slice(0, 10),
    fileBase: chartFileBase({ brands: [brand.slug], metrics: [metric.key], from, to }),
  });
  const noFigures = <p className="muted">No figures for this metric in the selected range.</p>;
  const trendChart = (rows: MetricPageView["chart"]) => (
    <TrendChart
      rows={rows}
      metric={chartMetric}
      height={380}
      events={markers}
      comparePeriods={periods}
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
        <ChartDownloads
          meta={imageMeta(
            `${annualChart[0]?.label} to ${annualChart.at(-1)?.label}`,
            (annualChart[0]?.label ?? "").replace(/\s/g, ""),
            (annualChart.at(-1)?.label ?? "").replace(/\s/g, ""),
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
  return (
    <section
      aria-labelledby="chart-heading"
      data-testid="metric-chart"
      data-view={viewName}
      id="chart"
    >
      <h2 id="chart-heading">
        {VIEW_LABELS[viewName]}, {quarterLabel(firstQuarter)} to {quarterLabel(lastQuarter)}
      </h2>
      <ChartDownloads
        meta={imageMeta(
          `${quarterLabel(firstQuarter)} to ${quarterLabel(lastQuarter)}`,
          firstQuarter,
          lastQuarter,
        )}
      >
        <div className="chart-frame chart-frame--large">
          {viewName === "bars" ? (
            trendChart(chart)
          ) : (
            <SeasonalChart {...seasonalRows(chart)} metric={chartMetric} height={380} />
          )}
        </div>
      </ChartDownloads>
    </section>
  );
}
