import type { TooltipContentProps, TooltipValueType } from "recharts";
import type { EventMarker } from "@/lib/domain/events";
import { formatChartChange, formatValue, QUALIFIER_WORDS } from "@/lib/domain/format";
import type { ChartRow } from "@/lib/domain/series-view";
import type { ChartMetric } from "./chart-theme";

/** The trend chart's tooltip: the quarter's figure with its source, its changes and its events. */
export function TrendTooltip({
  active,
  payload,
  metric,
  markers,
  showOneYear,
  showTwoYears,
}: TooltipContentProps<TooltipValueType, string | number> & {
  metric: ChartMetric;
  markers: Map<string, EventMarker>;
  showOneYear: boolean;
  showTwoYears: boolean;
}) {
  const row = payload?.[0]?.payload as ChartRow | undefined;
  if (!active || !row) return null;
  const marker = markers.get(row.label);
  return (
    <div className="chart-tooltip">
      <strong>{row.label}</strong>
      {row.value === null ? (
        <div>{row.note ?? "No figure found for this quarter"}</div>
      ) : (
        <>
          <div>
            {metric.label}:{" "}
            {formatValue(row.value, metric.unit, row.decimals, row.qualifier ?? "exact")}
            {row.qualifier && row.qualifier !== "exact"
              ? ` (${QUALIFIER_WORDS[row.qualifier]})`
              : ""}
          </div>
          {showOneYear ? (
            <div>
              YoY:{" "}
              {row.yoy === null
                ? "n/a (no figure a year earlier)"
                : `${row.yoyApproximate ? "≈ " : ""}${formatChartChange(row.yoy, metric.kind)}`}
            </div>
          ) : null}
          {showTwoYears ? (
            <div>
              vs two years ago:{" "}
              {row.yoy2 === null
                ? "n/a (no figure two years earlier)"
                : `${row.yoy2Approximate ? "≈ " : ""}${formatChartChange(row.yoy2, metric.kind)}`}
            </div>
          ) : null}
          {row.note ? <div>{row.note}</div> : null}
          {row.restated ? <div>Restated: earlier figures kept as history</div> : null}
          {row.sourceTitle ? (
            <div className="chart-tooltip__source">Source: {row.sourceTitle}</div>
          ) : null}
        </>
      )}
      {marker ? (
        <ul className="chart-tooltip__events">
          {marker.events.map((event) => (
            <li key={event.uid}>
              ◆ {event.dateLabel}: {event.title} ({event.sourceTitle})
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
