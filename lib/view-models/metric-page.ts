/**
 * The metric page's view model: from the parsed URL state, the brand's series and events, what
 * the page draws (the shown span, chart rows, fiscal years, event placement, signals). Pure, so
 * the page only composes components and these rules are unit-tested.
 */
import { SIGNAL_LANGUAGE } from "@/i18n/signal-words";
import {
  type AnnualRow,
  type AnnualView,
  annualChartRows,
  annualView,
  fiscalYearLabel,
} from "@/lib/domain/annual";
import {
  type EventMarker,
  eventMarkers,
  eventsForMetric,
  type PlacedEvents,
  placeEvents,
} from "@/lib/domain/events";
import { withinRange } from "@/lib/domain/kpi";
import type { Locale } from "@/lib/domain/locale";
import {
  maxQuarter,
  minQuarter,
  type QuarterCode,
  quarterCode,
  quarterLabel,
} from "@/lib/domain/quarter";
import { type ChartRow, chartRows, type PointRow, seriesRows } from "@/lib/domain/series-view";
import { evaluateSignals, findingsForMetric, type SignalFinding } from "@/lib/domain/signals";
import type { BrandDTO, EventDTO, MetricKind, SeriesDTO } from "@/lib/domain/types";
import {
  type ComparePeriod,
  compareQuery,
  MAX_COMPARED,
  type MetricPageState,
  type MetricView,
  metricPageQuery,
} from "@/lib/url-state";

export const KIND_NOTES: Record<MetricKind, string> = {
  flow: "A flow: summed over the quarter. The trailing-twelve-month total adds the last four quarters.",
  stock: "A stock: the level at the end of the quarter.",
  ratio: "A ratio for the quarter: changes are in percentage points.",
};

export const VIEW_LABELS: Record<MetricView, string> = {
  bars: "Values and YoY growth",
  seasonal: "Seasonal overlay (Q1 to Q4 by year)",
  annual: "Fiscal years",
};

const PERIOD_CHOICES: { periods: ComparePeriod[]; label: string }[] = [
  { periods: [1], label: "vs 1 year ago" },
  { periods: [2], label: "vs 2 years ago" },
  { periods: [1, 2], label: "vs 1 and 2 years ago" },
];

export interface EventSpan {
  from: QuarterCode;
  to: QuarterCode;
  firstLabel: string;
  lastLabel: string;
}

export interface MetricPageView {
  /** Every quarter with a figure or a withdrawal, oldest first: the range form's choices. */
  quarters: QuarterCode[];
  /** The requested range cut to the quarters that have data; null when there are none. */
  span: { from: QuarterCode; to: QuarterCode } | null;
  /** The data table's rows over the span. */
  rows: readonly PointRow[];
  /** The quarterly chart's rows over the span, gaps included. */
  chart: ChartRow[];
  /** Fiscal years (view=annual only). */
  annual: AnnualView | null;
  annualRows: AnnualRow[];
  annualChart: ChartRow[];
  showEvents: boolean;
  periods: ComparePeriod[];
  /** The events of this metric, split by the span the chart shows; null without a span. */
  placed: PlacedEvents<EventDTO> | null;
  eventSpan: EventSpan | null;
  markers: EventMarker[];
  /** Whether the brand has any event for this metric (the show/hide link needs one). */
  hasEvents: boolean;
  findings: SignalFinding[];
}

export interface MetricPageInput {
  state: MetricPageState;
  brand: BrandDTO;
  /** Every series of the brand: the signals compare this metric with the others. */
  allSeries: readonly SeriesDTO[];
  series: SeriesDTO;
  events: readonly EventDTO[];
  now: Date;
  metricHref: (metricKey: string) => string;
  /** The reader's language: the chart's quarter and year labels, event texts and findings follow it; English when not given. */
  locale?: Locale;
}

export function metricPageView(input: MetricPageInput): MetricPageView {
  const { state, series } = input;
  const locale = input.locale ?? "en";
  const metric = series.metric;
  const allRows = seriesRows(series);
  // Withdrawn quarters count for the span too: their gap rows say what was withdrawn, when.
  const quarters = [
    ...allRows.map((row) => row.point.quarter),
    ...series.withdrawn.map((entry) => entry.quarter),
  ].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  // The shown span is the requested range cut to the quarters that have data, so a wide range
  // does not pad the chart with empty years.
  const spanFrom = maxQuarter(state.from, quarters[0] ?? null);
  const spanTo = minQuarter(state.to, quarters.at(-1) ?? null);
  const span = spanFrom && spanTo ? { from: spanFrom, to: spanTo } : null;
  const rows = withinRange(allRows, spanFrom, spanTo);
  const chart = span ? chartRows(series, span.from, span.to, locale) : [];

  const annual = state.view === "annual" ? annualView(series, locale) : null;
  const annualRows = annual?.aggregatable
    ? annual.rows.filter(
        (row) =>
          (!spanFrom || row.year >= Number(spanFrom.slice(0, 4))) &&
          (!spanTo || row.year <= Number(spanTo.slice(0, 4))),
      )
    : [];
  const annualChart = annualChartRows(metric.kind, annualRows, locale);

  const events = eventsForMetric(input.events, metric.key);
  const showEvents = state.events !== false;
  const eventSpan = eventSpanOf(state, annualRows, span, locale);
  const placed = eventSpan ? placeEvents(events, eventSpan.from, eventSpan.to) : null;
  const markers =
    showEvents && placed && state.view !== "seasonal"
      ? state.view === "annual"
        ? eventMarkers(
            placed.within,
            (event) => fiscalYearLabel(Number(event.date.slice(0, 4)), locale),
            locale,
          )
        : eventMarkers(placed.within, undefined, locale)
      : [];

  const findings = findingsForMetric(
    evaluateSignals({
      brand: input.brand,
      series: input.allSeries,
      now: input.now,
      metricHref: input.metricHref,
      language: SIGNAL_LANGUAGE[locale],
    }),
    metric.key,
  );

  return {
    quarters,
    span,
    rows,
    chart,
    annual,
    annualRows,
    annualChart,
    showEvents,
    periods: state.compare ?? [1],
    placed,
    eventSpan,
    markers,
    hasEvents: events.length > 0,
    findings,
  };
}

/** Events are placed on the span the chart shows: quarters, or whole fiscal years. */
function eventSpanOf(
  state: MetricPageState,
  annualRows: readonly AnnualRow[],
  span: { from: QuarterCode; to: QuarterCode } | null,
  locale: Locale,
): EventSpan | null {
  const firstYear = annualRows[0];
  const lastYear = annualRows.at(-1);
  if (state.view === "annual" && firstYear && lastYear) {
    return {
      from: quarterCode(firstYear.year, 1),
      to: quarterCode(lastYear.year, 4),
      firstLabel: firstYear.label,
      lastLabel: lastYear.label,
    };
  }
  if (!span) return null;
  return {
    from: span.from,
    to: span.to,
    firstLabel: quarterLabel(span.from, locale),
    lastLabel: quarterLabel(span.to, locale),
  };
}

export interface NavLink {
  /** What the link stands for (a view, a set of periods), for a translated label. */
  code: string;
  label: string;
  href: string;
  current: boolean;
}

export interface MetricPageControls {
  /** Links to this metric with a patch of the state (same brand, range, view unless patched). */
  href: (patch: Partial<MetricPageState>) => string;
  views: NavLink[];
  /** The change-line choices; empty on the seasonal view, which draws no change lines. */
  periods: NavLink[];
  /** The show/hide markers link; null when there is nothing to toggle. */
  eventsToggle: { label: string; href: string } | null;
  /** Compare this metric across brands, this brand first; null with a single brand. */
  compareHref: string | null;
  /** Hidden fields that keep the rest of the state when a GET form changes brand or range. */
  brandHidden: Record<string, string>;
  rangeHidden: Record<string, string>;
}

/** The page's links and form state: every URL the controls write back, from one state. */
export function metricPageControls(input: {
  state: MetricPageState;
  metricKey: string;
  brandSlug: string;
  /** Every brand's slug, in the order the site lists them. */
  brandSlugs: readonly string[];
  view: Pick<MetricPageView, "periods" | "showEvents" | "hasEvents">;
}): MetricPageControls {
  const { state, metricKey, brandSlug, view } = input;
  const href = (patch: Partial<MetricPageState>) =>
    `/metrics/${metricKey}${metricPageQuery({ ...state, ...patch })}`;
  const chosen = view.periods.join(",");
  const seasonal = state.view === "seasonal";
  return {
    href,
    views: (Object.keys(VIEW_LABELS) as MetricView[]).map((entry) => ({
      code: entry,
      label: VIEW_LABELS[entry],
      href: href({ view: entry }),
      current: state.view === entry,
    })),
    periods: seasonal
      ? []
      : PERIOD_CHOICES.map((choice) => ({
          code: choice.periods.join(","),
          label: choice.label,
          href: href({ compare: choice.periods }),
          current: choice.periods.join(",") === chosen,
        })),
    eventsToggle:
      !seasonal && view.hasEvents
        ? {
            label: view.showEvents ? "Hide event markers" : "Show event markers",
            href: href({ events: !view.showEvents }),
          }
        : null,
    compareHref:
      input.brandSlugs.length > 1
        ? `/compare${compareQuery({
            brands: [brandSlug, ...input.brandSlugs.filter((slug) => slug !== brandSlug)].slice(
              0,
              MAX_COMPARED,
            ),
            metrics: [metricKey],
            mode: null,
            base: null,
            from: null,
            to: null,
          })}`
        : null,
    brandHidden: hiddenFields(state, ["brand", "from", "to"]),
    rangeHidden: hiddenFields(state, ["from", "to"]),
  };
}

/** The non-default parameters of a state as hidden form fields, so that a GET form keeps them. */
function hiddenFields(state: MetricPageState, omit: readonly string[]): Record<string, string> {
  const params = new URLSearchParams(metricPageQuery(state).slice(1));
  return Object.fromEntries([...params.entries()].filter(([name]) => !omit.includes(name)));
}
