import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MetricClaims } from "@/app/_claims/MetricClaims";
import { AnnualTable } from "@/components/AnnualTable";
import { BrandSwitcher } from "@/components/BrandSwitcher";
import { ChartEvents } from "@/components/ChartEvents";
import { ChartDownloads } from "@/components/charts/ChartDownloads";
import { SeasonalChart } from "@/components/charts/SeasonalChart";
import { TrendChart } from "@/components/charts/TrendChart";
import { ExportLinks } from "@/components/ExportLinks";
import { ParamProblems } from "@/components/ParamProblems";
import { RangeForm } from "@/components/RangeForm";
import { SeriesTable } from "@/components/SeriesTable";
import { SignalsPanel } from "@/components/SignalsPanel";
import { canEdit, requireReader } from "@/lib/auth/current-user";
import { now } from "@/lib/clock";
import { type ChartImageMeta, chartFileBase } from "@/lib/domain/chart-image";
import { MetricKeySchema } from "@/lib/domain/fields";
import { type QuarterCode, quarterLabel } from "@/lib/domain/quarter";
import { changesVsYearsAgo, seasonalRows } from "@/lib/domain/series-view";
import { getBrand, listBrands } from "@/lib/queries/brands";
import { listEvents } from "@/lib/queries/events";
import { getMetric } from "@/lib/queries/metrics";
import { listBrandSeries } from "@/lib/queries/series";
import {
  type ComparePeriod,
  compareQuery,
  MAX_COMPARED,
  type MetricPageState,
  type MetricView,
  metricPageQuery,
  overviewQuery,
  parseMetricPageParams,
  parseWithdrawnNotice,
  quarterFormHref,
  restateHref,
  type SearchParams,
  withdrawHref,
} from "@/lib/url-state";
import { metricPageView } from "@/lib/view-models/metric-page";

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
  annual: "Fiscal years",
};

const PERIOD_CHOICES: { periods: ComparePeriod[]; label: string }[] = [
  { periods: [1], label: "vs 1 year ago" },
  { periods: [2], label: "vs 2 years ago" },
  { periods: [1, 2], label: "vs 1 and 2 years ago" },
];

/** The non-default parameters of a state as hidden form fields, so that a GET form keeps them. */
function hiddenFields(state: MetricPageState, omit: readonly string[]): Record<string, string> {
  const params = new URLSearchParams(metricPageQuery(state).slice(1));
  return Object.fromEntries([...params.entries()].filter(([name]) => !omit.includes(name)));
}

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
  const query = await searchParams;
  const parsed = parseMetricPageParams(query);
  if (!parsed.ok) {
    return <ParamProblems problems={parsed.problems} resetHref={`/metrics/${parsedKey.data}`} />;
  }
  const state = parsed.value;
  const [metric, brand, brands, session] = await Promise.all([
    getMetric(parsedKey.data),
    getBrand(state.brand),
    listBrands(),
    requireReader(`/metrics/${parsedKey.data}`),
  ]);
  if (!metric || !brand) notFound();
  // Every metric of the brand: the signals compare this one with the others.
  const [allSeries, events] = await Promise.all([
    listBrandSeries(brand.slug),
    listEvents(brand.slug),
  ]);
  const series = allSeries.find((entry) => entry.metric.key === metric.key);
  if (!series) notFound();
  const view = metricPageView({
    state,
    brand,
    allSeries,
    series,
    events,
    now: new Date(),
    metricHref: (key) =>
      `/metrics/${key}${metricPageQuery({ brand: brand.slug, view: "bars", from: null, to: null })}#chart`,
  });
  const { quarters, span, rows, chart, annual, annualRows, annualChart, placed, eventSpan } = view;
  const { markers, showEvents, periods, findings } = view;
  const chartMetric = { label: metric.label, unit: metric.unit, kind: metric.kind };
  const href = (patch: Partial<MetricPageState>) =>
    `/metrics/${metric.key}${metricPageQuery({ ...state, ...patch })}`;
  const withdrawnNotice = parseWithdrawnNotice(query);
  const firstQuarter = chart[0]?.quarter as QuarterCode | undefined;
  const lastQuarter = chart.at(-1)?.quarter as QuarterCode | undefined;
  const imageMeta = (range: string, from: string, to: string): ChartImageMeta => ({
    title: `${brand.name}: ${metric.label}`,
    unit: metric.unit,
    range: `${VIEW_LABELS[state.view]}, ${range}`,
    // Fiscal years are summed from these quarters, so their sources are the year's sources too.
    sources: chart.flatMap((row) => (row.sourceTitle ? [row.sourceTitle] : [])),
    date: now().toISOString().slice(0, 10),
    fileBase: chartFileBase({ brands: [brand.slug], metrics: [metric.key], from, to }),
  });
  const editorLinks = canEdit(session)
    ? {
        restate: (quarter: QuarterCode) => restateHref(metric.key, brand.slug, quarter),
        add: (quarter: QuarterCode) => quarterFormHref(brand.slug, quarter),
        withdraw: (quarter: QuarterCode) => withdrawHref(metric.key, brand.slug, quarter),
      }
    : null;

  return (
    <>
      <a className="skip-link skip-link--inline" href="#data">
        Skip to the data table
      </a>
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
          hidden={hiddenFields(state, ["brand", "from", "to"])}
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
            hidden={hiddenFields(state, ["from", "to"])}
            resetHref={href({ from: null, to: null })}
          />
        ) : null}
      </div>
      <div className="controls controls--secondary">
        {state.view !== "seasonal" ? (
          <nav aria-label="Change lines" className="view-switch view-switch--small">
            <span className="view-switch__label">Change lines:</span>
            {PERIOD_CHOICES.map((choice) => {
              const current = choice.periods.join(",") === periods.join(",");
              return (
                <Link
                  key={choice.label}
                  href={href({ compare: choice.periods })}
                  aria-current={current ? "true" : undefined}
                  className={current ? "active" : undefined}
                >
                  {choice.label}
                </Link>
              );
            })}
          </nav>
        ) : null}
        {state.view !== "seasonal" && view.hasEvents ? (
          <Link href={href({ events: !showEvents })} className="toggle-link">
            {showEvents ? "Hide event markers" : "Show event markers"}
          </Link>
        ) : null}
        {brands.length > 1 ? (
          <Link
            href={`/compare${compareQuery({ brands: [brand.slug, ...brands.map((entry) => entry.slug).filter((slug) => slug !== brand.slug)].slice(0, MAX_COMPARED), metrics: [metric.key], mode: null, base: null, from: null, to: null })}`}
            className="toggle-link"
          >
            Compare across brands
          </Link>
        ) : null}
      </div>
      <ExportLinks brand={brand.slug} metrics={[metric.key]} from={state.from} to={state.to} />

      {state.view === "annual" ? (
        annual && !annual.aggregatable ? (
          <p className="notice notice--info" data-testid="annual-not-aggregatable">
            {annual.reason}
          </p>
        ) : annualChart.length === 0 ? (
          <p className="muted">No figures for this metric in the selected range.</p>
        ) : (
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
              <div className="chart-frame chart-frame--large">
                <TrendChart
                  rows={annualChart}
                  metric={chartMetric}
                  height={380}
                  events={markers}
                  comparePeriods={periods}
                />
              </div>
            </ChartDownloads>
          </section>
        )
      ) : chart.length === 0 ? (
        <p className="muted">No figures for this metric in the selected range.</p>
      ) : (
        <section
          aria-labelledby="chart-heading"
          data-testid="metric-chart"
          data-view={state.view}
          id="chart"
        >
          <h2 id="chart-heading">
            {VIEW_LABELS[state.view]}, {quarterLabel(chart[0]?.quarter as QuarterCode)} to{" "}
            {quarterLabel(chart.at(-1)?.quarter as QuarterCode)}
          </h2>
          <ChartDownloads
            meta={imageMeta(
              `${quarterLabel(firstQuarter as QuarterCode)} to ${quarterLabel(lastQuarter as QuarterCode)}`,
              firstQuarter ?? "",
              lastQuarter ?? "",
            )}
          >
            <div className="chart-frame chart-frame--large">
              {state.view === "bars" ? (
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
          </ChartDownloads>
        </section>
      )}

      {showEvents && placed && eventSpan && state.view !== "seasonal" ? (
        <section aria-labelledby="events-heading">
          <h2 id="events-heading" className="visually-hidden">
            Events
          </h2>
          <ChartEvents
            within={placed.within}
            after={placed.after}
            before={placed.before}
            firstLabel={eventSpan.firstLabel}
            lastLabel={eventSpan.lastLabel}
            editable={canEdit(session)}
          />
        </section>
      ) : null}

      <SignalsPanel
        findings={findings}
        headingId="signals-heading"
        heading={`Signals for ${metric.label}`}
      />

      <section aria-labelledby="table-heading" id="data" tabIndex={-1}>
        <h2 id="table-heading">Data</h2>
        {state.view === "annual" && annual?.aggregatable ? (
          <AnnualTable metric={metric} rows={annualRows} />
        ) : (
          <SeriesTable
            metric={metric}
            rows={rows}
            caption={`${brand.name} ${metric.label} by quarter, newest first, with sources`}
            detailed
            span={span}
            withdrawn={series.withdrawn}
            editorLinks={editorLinks}
            twoYearChanges={periods.includes(2) ? changesVsYearsAgo(series, 2) : undefined}
          />
        )}
      </section>
      <MetricClaims brand={brand.slug} metric={metric.key} />
    </>
  );
}
