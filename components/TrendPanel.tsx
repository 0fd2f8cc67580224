import Link from "next/link";
import { chartRows, seriesRows } from "@/lib/domain/series-view";
import type { SeriesDTO } from "@/lib/domain/types";
import { TrendChart } from "./charts/TrendChart";
import { SeriesTable } from "./SeriesTable";

/** One metric's compact YoY chart on the overview, with its data table one click away. */
export function TrendPanel({ series, href }: { series: SeriesDTO; href: string }) {
  const { metric } = series;
  const rows = chartRows(series);
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
            />
          </div>
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
