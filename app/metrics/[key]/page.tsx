import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BrandSwitcher } from "@/components/BrandSwitcher";
import { SeasonalChart } from "@/components/charts/SeasonalChart";
import { TrendChart } from "@/components/charts/TrendChart";
import { ParamProblems } from "@/components/ParamProblems";
import { RangeForm } from "@/components/RangeForm";
import { SeriesTable } from "@/components/SeriesTable";
import { getEditorSession } from "@/lib/auth/session";
import { MetricKeySchema } from "@/lib/domain/fields";
import { withinRange } from "@/lib/domain/kpi";
import { type QuarterCode, quarterLabel } from "@/lib/domain/quarter";
import { chartRows, seasonalRows, seriesRows } from "@/lib/domain/series-view";
import {
  getCachedBrand,
  getCachedMetric,
  listCachedBrandSeries,
  listCachedBrands,
} from "@/lib/queries/cached-reads";
import {
  type MetricPageState,
  type MetricView,
  metricPageQuery,
  overviewQuery,
  parseMetricPageParams,
  parseWithdrawnNotice,
  quarterFormHref,
  type SearchParams,
  withdrawHref,
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
  const metric = parsedKey.success ? await getCachedMetric(parsedKey.data) : null;
  return { title: metric?.label ?? "Metric not found" };
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
  const [metric, brand, brands, session] = await Promise.all([
    getCachedMetric(parsedKey.data),
    getCachedBrand(state.brand),
    listCachedBrands(),
    getEditorSession(),
  ]);
  if (!metric || !brand) notFound();
  const [series] = await listCachedBrandSeries(brand.slug, { metricKeys: [metric.key] });
  if (!series) notFound();

  const allRows = seriesRows(series);
  // Withdrawn quarters count for the span too: their gap rows say what was withdrawn, when.
  const quarters = [
    ...allRows.map((row) => row.point.quarter),
    ...series.withdrawn.map((entry) => entry.quarter),
  ].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
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
  const withdrawnNotice = parseWithdrawnNotice(query);
  const editorLinks = session
    ? {
        restate: (quarter: QuarterCode) => quarterFormHref(brand.slug, quarter),
        withdraw: (quarter: QuarterCode) => withdrawHref(metric.key, brand.slug, quarter),
      }
    : null;

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

      {withdrawnNotice ? (
        <p className="notice" role="status" data-testid="withdrawn-notice">
          Withdrew the {quarterLabel(withdrawnNotice)} figure: the quarter is now a gap, and the
          table below keeps what it was.
        </p>
      ) : null}

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
          withdrawn={series.withdrawn}
          editorLinks={editorLinks}
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
