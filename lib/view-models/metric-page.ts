/**
 * The metric page's view model: from the parsed URL state, the brand's series and events, what
 * the page draws (the shown span, chart rows, fiscal years, event placement, signals). Pure, so
 * the page only composes components and these rules are unit-tested.
 */
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
import {
  maxQuarter,
  minQuarter,
  type QuarterCode,
  quarterCode,
  quarterLabel,
} from "@/lib/domain/quarter";
import { type ChartRow, chartRows, type PointRow, seriesRows } from "@/lib/domain/series-view";
import { evaluateSignals, findingsForMetric, type SignalFinding } from "@/lib/domain/signals";
import type { BrandDTO, EventDTO, SeriesDTO } from "@/lib/domain/types";
import type { ComparePeriod, MetricPageState } from "@/lib/url-state";

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
  rows: PointRow[];
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
}

export function metricPageView(input: MetricPageInput): MetricPageView {
  const { state, series } = input;
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
  const chart = span ? chartRows(series, span.from, span.to) : [];

  const annual = state.view === "annual" ? annualView(series) : null;
  const annualRows = annual?.aggregatable
    ? annual.rows.filter(
        (row) =>
          (!spanFrom || row.year >= Number(spanFrom.slice(0, 4))) &&
          (!spanTo || row.year <= Number(spanTo.slice(0, 4))),
      )
    : [];
  const annualChart = annualChartRows(metric.kind, annualRows);

  const events = eventsForMetric(input.events, metric.key);
  const showEvents = state.events !== false;
  const eventSpan = eventSpanOf(state, annualRows, span);
  const placed = eventSpan ? placeEvents(events, eventSpan.from, eventSpan.to) : null;
  const markers =
    showEvents && placed && state.view !== "seasonal"
      ? state.view === "annual"
        ? eventMarkers(placed.within, (event) => fiscalYearLabel(Number(event.date.slice(0, 4))))
        : eventMarkers(placed.within)
      : [];

  const findings = findingsForMetric(
    evaluateSignals({
      brand: input.brand,
      series: input.allSeries,
      now: input.now,
      metricHref: input.metricHref,
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
    firstLabel: quarterLabel(span.from),
    lastLabel: quarterLabel(span.to),
  };
}
