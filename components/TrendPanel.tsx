import Link from "next/link";
import { useMessages } from "next-intl";
import { useTranslations } from "@/i18n/messages";
import { useCurrentLocale } from "@/i18n/use-locale";
import {
  type EventWords,
  eventMarkers,
  eventsForMetric,
  miniChartMarkers,
  placeEvents,
} from "@/lib/domain/events";
import { unitLabel } from "@/lib/domain/format";
import type { QuarterCode } from "@/lib/domain/quarter";
import {
  chartRows,
  OVERVIEW_QUARTERS,
  overviewWindowStart,
  packMiniChartRows,
} from "@/lib/domain/series-view";
import type { EventDTO, SeriesDTO } from "@/lib/domain/types";
import { LaterEventsNote } from "./ChartEvents";
import { MiniTrendChart, type MiniTrendChartText } from "./charts/MiniTrendChart";

/**
 * One metric's compact YoY chart on the overview (the last five years), with its data table one
 * link away on the metric page. The table used to be folded under each chart, but thirty folded
 * tables were a third of a 30-metric overview's bytes (twice: as HTML and as the RSC payload)
 * for a table the metric page shows whole. Each bar's title keeps its quarter, value, unit and
 * source on the overview itself. Events in the chart's span are drawn as markers (their details in the SVG titles;
 * the timeline lists them for keyboards and touch), and those after its last quarter are named under it.
 */
export function TrendPanel({
  series,
  href,
  events = [],
  commonLast = null,
}: {
  series: SeriesDTO;
  href: string;
  events?: readonly EventDTO[];
  /** The page names events after this quarter once; a chart ending there does not repeat it. */
  commonLast?: QuarterCode | null;
}) {
  const { metric } = series;
  const t = useTranslations("TrendPanel");
  const locale = useCurrentLocale();
  // The same object for every panel, so the page's payload carries the chart's words once.
  const messages = useMessages();
  const chartText = messages.MiniTrendChart as unknown as MiniTrendChartText;
  const trendText = messages.TrendChart as unknown as Pick<EventWords, "kinds" | "source">;
  const windowStart = overviewWindowStart(series);
  const hasEarlier =
    windowStart !== null && series.points.some((point) => point.quarter < windowStart);
  const rows = chartRows(series, hasEarlier ? windowStart : null, null, locale);
  const first = rows[0]?.quarter;
  const last = rows.at(-1)?.quarter;
  // A chart draws only the events that concern its metric; the timeline keeps them all.
  const placed =
    first && last ? placeEvents(eventsForMetric(events, metric.key), first, last) : null;
  const headingId = `trend-${metric.key}`;
  return (
    <article className="panel" aria-labelledby={headingId} data-testid={`chart-${metric.key}`}>
      <h3 id={headingId}>
        <Link href={href}>{metric.label}</Link>{" "}
        <span className="unit">({unitLabel(metric.unit, locale)})</span>
      </h3>
      {rows.length === 0 || !first || !last ? (
        <p className="muted">{t("empty")}</p>
      ) : (
        <>
          {/* The chart opens the metric page's interactive chart: on a touch screen the SVG
              titles never show, and a tap there shows a bar's figure and source. Out of the tab
              order: the heading is the same link for keyboards. */}
          <Link
            href={`${href}#chart`}
            className="chart-frame chart-frame--mini chart-frame--link"
            tabIndex={-1}
            data-testid={`mini-chart-link-${metric.key}`}
          >
            <MiniTrendChart
              rows={packMiniChartRows(rows)}
              metric={{ label: metric.label, unit: metric.unit, kind: metric.kind }}
              markers={
                placed
                  ? miniChartMarkers(eventMarkers(placed.within, undefined, locale), {
                      locale,
                      kinds: trendText.kinds,
                      source: trendText.source,
                    })
                  : []
              }
              titleId={`mini-${metric.key}`}
              text={chartText}
              locale={locale}
            />
          </Link>
          {placed && last !== commonLast ? (
            <LaterEventsNote events={placed.after} last={last} />
          ) : null}
          <p className="panel__table-link">
            <Link href={`${href}#data`}>
              {t("table")}
              <span className="visually-hidden">{t("tableOf", { metric: metric.label })}</span>
              {t("withSources")}
            </Link>
            {hasEarlier ? t("window", { count: OVERVIEW_QUARTERS }) : ""}
          </p>
        </>
      )}
    </article>
  );
}
