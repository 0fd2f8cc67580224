import Link from "next/link";
import { eventMarkers, placeEvents } from "@/lib/domain/events";
import { chartRows, seriesRows } from "@/lib/domain/series-view";
import type { EventDTO, SeriesDTO } from "@/lib/domain/types";
import { LaterEventsNote } from "./ChartEvents";
import { TrendChart } from "./charts/TrendChart";
import { SeriesTable } from "./SeriesTable";

/**
 * One metric's compact YoY chart on the overview, with its data table one click away. Events in
 * the chart's span are drawn as markers (read on hover; the timeline lists them for keyboards),
 * and those after its last quarter are named under it.
 */
export function TrendPanel({
  series,
  href,
  events = [],
}: {
  series: SeriesDTO;
  href: string;
  events?: readonly EventDTO[];
}) {
  const { metric } = series;
  const rows = chartRows(series);
  const first = rows[0]?.quarter;
  const last = rows.at(-1)?.quarter;
  const placed = first && last ? placeEvents(events, first, last) : null;
  const headingId = `trend-${metric.key}`;
  return (
    <article className="panel" aria-labelledby={headingId} data-testid={`chart-${metric.key}`}>
      <h3 id={headingId}>
        <Link href={href}>{metric.label}</Link> <span className="unit">({metric.unit})</span>
      </h3>
      {rows.length === 0 ? (
        <p className="muted">No figures stored yet.</p>
      ) : (
        <>
          <div className="chart-frame">
            <TrendChart
              rows={rows}
              metric={{ label: metric.label, unit: metric.unit, kind: metric.kind }}
              height={200}
              compact
              events={placed ? eventMarkers(placed.within) : []}
            />
          </div>
          {placed && last ? <LaterEventsNote events={placed.after} last={last} /> : null}
          <details>
            <summary>Data table</summary>
            <SeriesTable
              metric={metric}
              rows={seriesRows(series)}
              caption={`${metric.label} by quarter, with YoY and sources`}
              detailed={false}
              withdrawn={series.withdrawn}
            />
          </details>
        </>
      )}
    </article>
  );
}
