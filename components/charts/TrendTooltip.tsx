import type { TooltipContentProps, TooltipValueType } from "recharts";
import type { EventMarker } from "@/lib/domain/events";
import { formatChartChange, formatValue, qualifierWord } from "@/lib/domain/format";
import type { Locale } from "@/lib/domain/locale";
import type { ChartRow } from "@/lib/domain/series-view";
import type { ChartMetric } from "./chart-theme";
import type { TrendChartText } from "./TrendChart";

/** The trend chart's tooltip: the quarter's figure with its source, its changes and its events. */
export function TrendTooltip({
  active,
  payload,
  metric,
  markers,
  showOneYear,
  showTwoYears,
  text,
  locale,
}: TooltipContentProps<TooltipValueType, string | number> & {
  metric: ChartMetric;
  markers: Map<string, EventMarker>;
  showOneYear: boolean;
  showTwoYears: boolean;
  text: TrendChartText;
  locale: Locale;
}) {
  // A Chinese label ends in a full-width colon, which carries its own space.
  const colon = locale === "zh" ? "：" : ": ";
  const row = payload?.[0]?.payload as ChartRow | undefined;
  if (!active || !row) return null;
  const marker = markers.get(row.label);
  return (
    <div className="chart-tooltip">
      <strong>{row.label}</strong>
      {row.value === null ? (
        <div>{row.note ?? text.noFigure}</div>
      ) : (
        <>
          <div>
            {metric.label}
            {colon}
            {formatValue(row.value, metric.unit, row.decimals, row.qualifier ?? "exact", locale)}
            {row.qualifier && row.qualifier !== "exact"
              ? locale === "zh"
                ? `（${qualifierWord(row.qualifier, locale)}）`
                : ` (${qualifierWord(row.qualifier, locale)})`
              : ""}
          </div>
          {showOneYear ? (
            <div>
              {text.yoy}
              {colon}
              {row.yoy === null
                ? text.yoyNone
                : `${row.yoyApproximate ? "≈ " : ""}${formatChartChange(row.yoy, metric.kind, locale)}`}
            </div>
          ) : null}
          {showTwoYears ? (
            <div>
              {text.twoYears}
              {colon}
              {row.yoy2 === null
                ? text.twoYearsNone
                : `${row.yoy2Approximate ? "≈ " : ""}${formatChartChange(row.yoy2, metric.kind, locale)}`}
            </div>
          ) : null}
          {row.note ? <div>{row.note}</div> : null}
          {row.restated ? <div>{text.restated}</div> : null}
          {row.sourceTitle ? (
            <div className="chart-tooltip__source">
              {text.source}
              {row.sourceTitle}
            </div>
          ) : null}
        </>
      )}
      {marker ? (
        <ul className="chart-tooltip__events">
          {marker.events.map((event) => (
            <li key={event.uid}>
              ◆ {event.dateLabel}
              {colon}
              {event.title}
              {locale === "zh" ? `（${event.sourceTitle}）` : ` (${event.sourceTitle})`}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
