import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BrandSwitcher } from "@/components/BrandSwitcher";
import { SeasonalChart } from "@/components/charts/SeasonalChart";
import { TrendChart } from "@/components/charts/TrendChart";
import { ExportLinks } from "@/components/ExportLinks";
import { ParamProblems } from "@/components/ParamProblems";
import { RangeForm } from "@/components/RangeForm";
import { SeriesTable } from "@/components/SeriesTable";
import { MetricKeySchema } from "@/lib/domain/fields";
import { withinRange } from "@/lib/domain/kpi";
import { type QuarterCode, quarterLabel } from "@/lib/domain/quarter";
import { chartRows, seasonalRows, seriesRows } from "@/lib/domain/series-view";
import { getBrand, listBrands } from "@/lib/queries/brands";
import { getMetric } from "@/lib/queries/metrics";
import { listBrandSeries } from "@/lib/queries/series";
import {
  type MetricPageState,
  type MetricView,
  metricPageQuery,
  overviewQuery,
  parseMetricPageParams,
  type SearchParams,
} from "@/lib/url-state";

interface PageProps {
  params: Promise<{ key: string }>;
  searchParams: Promise<SearchParams>;
}

const KIND_NOTES = {
  flow: "A flow: summed over the quarter. The trailing-twelve-month total adds the last four quarters.",
  stock: "A stock: the level at the end of the quarter.",
  ratio: "A ratio for the quarter: changes are in percentage points.",
} as const;

const VIEW_LABELS: Record<MetricView, string> = {
  bars: "Values and YoY growth",
  seasonal: "Seasonal overlay (Q1 to Q4 by year)",
};

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const { key } = await params;
  const parsedKey = MetricKeySchema.safeParse(key);
  const metric = parsedKey.success ? await getMetric(parsedKey.data) : null;
  return { title: metric?.label ?? "Metric not found" };
}

export default async function MetricPage({ params, searchParams }: PageProps) {
  const { key } = await params;
  const parsedKey = MetricKeySchema.safeParse(key);
  if (!parsedKey.success) notFound();
  const parsed = parseMetricPageParams(await searchParams);
  if (!parsed.ok) {
    return <ParamProblems problems={parsed.problems} resetHref={`/metrics/${parsedKey.data}`} />;
  }
  const state = parsed.value;
  const [metric, brand, brands] = await Promise.all([
    getMetric(parsedKey.data),
    getBrand(state.brand),
    listBrands(),
  ]);
  if (!metric || !brand) notFound();
  const [series] = await listBrandSeries(brand.slug, { metricKeys: [metric.key] });
  if (!series) notFound();

  const allRows = seriesRows(series);
  const quarters = allRows.map((row) => row.point.quarter);
  const first = quarters[0] ?? null;
  const last = quarters.at(-1) ?? null;
  // The shown span is the requested range cut to the quarters that have data, so a wide range
  // does not pad the chart with empty years.
  const spanFrom = maxQuarter(state.from, first);
  const spanTo = minQuarter(state.to, last);
  const rows = withinRange(allRows, spanFrom, spanTo);
  const chart = spanFrom && spanTo ? chartRows(series, spanFrom, spanTo) : [];
  const chartMetric = { label: metric.label, unit: metric.unit, kind: metric.kind };
  const href = (patch: Partial<MetricPageState>) =>
    `/metrics/${metric.key}${metricPageQuery({ ...state, ...patch })}`;

  return (
    <>
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href={`/${overviewQuery({ brand: brand.slug })}`}>{brand.name} overview</Link> ›{" "}
        <span aria-current="page">{metric.label}</span>
      </nav>
      <div className="page-head">
        <div>
          <h1>
            {brand.name}: {metric.label} <span className="unit">({metric.unit})</span>
          </h1>
          <p className="lede">
            {metric.definition} {KIND_NOTES[metric.kind]}
          </p>
        </div>
        <BrandSwitcher
          brands={brands}
          current={brand.slug}
          action={`/metrics/${metric.key}`}
          hidden={state.view === "bars" ? {} : { view: state.view }}
        />
      </div>

      <div className="controls">
        <nav aria-label="Chart view" className="view-switch">
          {(Object.keys(VIEW_LABELS) as MetricView[]).map((view) => (
            <Link
              key={view}
              href={href({ view })}
              aria-current={state.view === view ? "page" : undefined}
              className={state.view === view ? "active" : undefined}
            >
              {VIEW_LABELS[view]}
            </Link>
          ))}
        </nav>
        {quarters.length > 0 ? (
          <RangeForm
            action={`/metrics/${metric.key}`}
            quarters={quarters}
            from={state.from}
            to={state.to}
            hidden={{
              ...(state.brand ? { brand: state.brand } : {}),
              ...(state.view === "bars" ? {} : { view: state.view }),
            }}
            resetHref={href({ from: null, to: null })}
          />
        ) : null}
      </div>
      <ExportLinks brand={brand.slug} metrics={[metric.key]} from={state.from} to={state.to} />

      {chart.length === 0 ? (
        <p className="muted">No figures for this metric in the selected range.</p>
      ) : (
        <section aria-labelledby="chart-heading" data-testid="metric-chart" data-view={state.view}>
          <h2 id="chart-heading">
            {VIEW_LABELS[state.view]}, {quarterLabel(chart[0]?.quarter as QuarterCode)} to{" "}
            {quarterLabel(chart.at(-1)?.quarter as QuarterCode)}
          </h2>
          <div className="chart-frame chart-frame--large">
            {state.view === "bars" ? (
              <TrendChart rows={chart} metric={chartMetric} height={380} />
            ) : (
              <SeasonalChart {...seasonalRows(chart)} metric={chartMetric} height={380} />
            )}
          </div>
        </section>
      )}

      <section aria-labelledby="table-heading">
        <h2 id="table-heading">Data</h2>
        <SeriesTable
          metric={metric}
          rows={rows}
          caption={`${brand.name} ${metric.label} by quarter, newest first, with sources`}
          detailed
          span={spanFrom && spanTo ? { from: spanFrom, to: spanTo } : null}
        />
      </section>
    </>
  );
}

function maxQuarter(a: QuarterCode | null, b: QuarterCode | null): QuarterCode | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}

function minQuarter(a: QuarterCode | null, b: QuarterCode | null): QuarterCode | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}
