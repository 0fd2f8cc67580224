"use client";

import type { CSSProperties } from "react";
import { useHydrated } from "@/components/use-hydrated";
import { fill } from "@/i18n/fill";
import { changeAxis, valueAxis } from "@/lib/domain/chart-scale";
import type { MiniChartMarker } from "@/lib/domain/events";
import {
  changeUnit,
  formatAxisNumber,
  formatChartChange,
  formatValue,
  qualifierWord,
  unitLabel,
} from "@/lib/domain/format";
import type { Locale } from "@/lib/domain/locale";
import { quarterLabel } from "@/lib/domain/quarter";
import {
  type MiniChartRow,
  type PackedMiniChartRow,
  unpackMiniChartRows,
} from "@/lib/domain/series-view";
import type { MetricKind } from "@/lib/domain/types";
import type { ChartText } from "./chart-text";
import { CHART_COLORS } from "./chart-theme";

/** The small chart's words (the MiniTrendChart namespace), handed down by its server parent. */
export type MiniTrendChartText = ChartText<
  | "title"
  | "row"
  | "qualifier"
  | "noFigure"
  | "yoy"
  | "yoyNone"
  | "restated"
  | "noFigures"
  | "axisStarts"
>;

const WIDTH = 360;
const HEIGHT = 190;
const MARGIN = { top: 16, right: 40, bottom: 20, left: 40 };
const PLOT_WIDTH = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_HEIGHT = HEIGHT - MARGIN.top - MARGIN.bottom;

/**
 * Coordinates to a tenth of a unit: a 360-unit-wide chart drawn at most a few hundred pixels wide
 * cannot show more, and fifteen-digit numbers were a fifth of the overview's bytes (each printed
 * twice, in the HTML and in the RSC payload).
 */
const tenth = (value: number) => Math.round(value * 10) / 10;

/**
 * The marks' colours as CSS variables set once per chart, so that the stylesheet
 * (.mini-chart in globals.css) paints every bar and point instead of each carrying its own
 * fill and stroke attributes; CHART_COLORS stays their one definition.
 */
const COLOR_VARIABLES = {
  "--mini-value": CHART_COLORS.value,
  "--mini-value-approximate": CHART_COLORS.valueApproximate,
  "--mini-yoy": CHART_COLORS.yoy,
  "--mini-grid": CHART_COLORS.grid,
} as CSSProperties;

function rowTitle(
  row: MiniChartRow,
  unit: string,
  kind: MetricKind,
  text: MiniTrendChartText,
  locale: Locale,
): string {
  const quarter = quarterLabel(row.quarter, locale);
  if (row.value === null) return fill(text.noFigure, { quarter });
  return fill(text.row, {
    quarter,
    value: formatValue(row.value, unit, row.decimals, row.qualifier ?? "exact", locale),
    qualifier:
      row.qualifier && row.qualifier !== "exact"
        ? fill(text.qualifier, { word: qualifierWord(row.qualifier, locale) })
        : "",
    yoy:
      row.yoy === null
        ? text.yoyNone
        : fill(text.yoy, {
            change: `${row.yoyApproximate ? "≈ " : ""}${formatChartChange(row.yoy, kind, locale)}`,
          }),
    restated: row.restated ? text.restated : "",
    source: row.sourceTitle ?? "",
  });
}

/** Labels every few quarters so they never collide: the first, the last and evenly between. */
function labelledIndexes(count: number, maxLabels: number): Set<number> {
  if (count <= maxLabels) return new Set(Array.from({ length: count }, (_, index) => index));
  const step = Math.ceil((count - 1) / (maxLabels - 1));
  const indexes = new Set<number>([count - 1]);
  // A label closer than three quarters of a step to the last one would collide with it.
  for (let index = 0; count - 1 - index >= step * 0.75; index += step) indexes.add(index);
  return indexes;
}

/**
 * The overview's small multiple: quarterly values as bars and the YoY change as a line on a
 * second axis, as plain SVG without Recharts; the metric page has the interactive chart. Hovering
 * a bar, a point or an event marker shows its figures and source (SVG titles); the metric page's
 * table carries the same numbers for keyboards and screen readers.
 *
 * Drawn in the browser, not on the server (issue 12). The RSC payload carries its rows (numbers
 * and source titles) rather than every SVG element, which had made the payload the larger half
 * of the overview; and the server no longer renders the SVG's HTML either. Thirteen charts were
 * half of the Xiaomi overview's elements: without them a signed-in render costs a sixth less CPU
 * and the overview serves 15 to 25% more renders a second (bench/NOTES.md, round 9). The server
 * sends an empty box of the chart's proportions, so that nothing moves when it is drawn; without
 * JavaScript the trends section says so, and each heading links to the metric page's table.
 */
export function MiniTrendChart(props: MiniTrendChartProps) {
  const drawn = useHydrated();
  if (!drawn) {
    return (
      <svg
        className="mini-chart mini-chart--pending"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        aria-hidden="true"
      />
    );
  }
  return <DrawnMiniTrendChart {...props} />;
}

interface MiniTrendChartProps {
  rows: readonly PackedMiniChartRow[];
  metric: { label: string; unit: string; kind: MetricKind };
  markers?: readonly MiniChartMarker[];
  titleId: string;
  text: MiniTrendChartText;
  locale?: Locale;
}

function DrawnMiniTrendChart({
  rows: packedRows,
  metric,
  markers = [],
  titleId,
  text,
  locale = "en",
}: MiniTrendChartProps) {
  const rows = unpackMiniChartRows(packedRows);
  const first = rows[0];
  const last = rows.at(-1);
  if (!first || !last) return null;
  const axis = valueAxis(
    metric.kind,
    rows.map((row) => row.value),
    4,
  );
  const values = axis.scale;
  const changes = changeAxis(
    rows.map((row) => row.yoy),
    4,
  );
  const band = PLOT_WIDTH / rows.length;
  const barWidth = tenth(Math.max(band * 0.72, 1));
  const x = (index: number) => tenth(MARGIN.left + band * index + band / 2);
  const yValue = (value: number) => tenth(MARGIN.top + PLOT_HEIGHT * (1 - values.fraction(value)));
  const yChange = (value: number) =>
    tenth(MARGIN.top + PLOT_HEIGHT * (1 - changes.fraction(value)));
  const unitOfChange = changeUnit(metric.kind);
  // The markers are keyed by the quarter's label in the page's language (TrendPanel's eventMarkers).
  const indexByLabel = new Map(
    rows.map((row, index) => [quarterLabel(row.quarter, locale), index]),
  );
  const unit = unitLabel(metric.unit, locale);

  const linePath: string[] = [];
  let pen = "M";
  rows.forEach((row, index) => {
    if (row.yoy === null) {
      pen = "M";
      return;
    }
    linePath.push(`${pen}${x(index)},${yChange(row.yoy)}`);
    pen = "L";
  });
  const valuePath: string[] = [];
  pen = "M";
  rows.forEach((row, index) => {
    if (row.value === null) {
      pen = "M";
      return;
    }
    valuePath.push(`${pen}${x(index)},${yValue(row.value)}`);
    pen = "L";
  });
  const isApproximate = (row: MiniChartRow) => Boolean(row.qualifier && row.qualifier !== "exact");
  const labelled = labelledIndexes(rows.length, 4);
  const latest = [...rows].reverse().find((row) => row.value !== null);

  return (
    <svg
      className="mini-chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-labelledby={`${titleId}-title ${titleId}-desc`}
      data-testid="mini-chart"
      style={COLOR_VARIABLES}
    >
      <title id={`${titleId}-title`}>
        {fill(text.title, {
          metric: metric.label,
          unit,
          from: quarterLabel(first.quarter, locale),
          to: quarterLabel(last.quarter, locale),
        })}
      </title>
      <desc id={`${titleId}-desc`}>
        {latest ? rowTitle(latest, metric.unit, metric.kind, text, locale) : text.noFigures}
      </desc>
      <g className="mini-chart__grid">
        {values.ticks.map((tick) => (
          <g key={`v${tick}`}>
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={yValue(tick)} y2={yValue(tick)} />
            <text x={MARGIN.left - 4} y={yValue(tick)} dy="0.32em" textAnchor="end">
              {formatAxisNumber(tick)}
            </text>
          </g>
        ))}
        {changes.ticks.map((tick) => (
          <text
            key={`c${tick}`}
            x={WIDTH - MARGIN.right + 4}
            y={yChange(tick)}
            dy="0.32em"
            className="mini-chart__change-tick"
          >
            {`${formatAxisNumber(tick)}${unitOfChange}`}
          </text>
        ))}
        <line
          data-testid="zero-line"
          x1={MARGIN.left}
          x2={WIDTH - MARGIN.right}
          y1={yChange(0)}
          y2={yChange(0)}
          stroke={CHART_COLORS.yoy}
          strokeWidth={1}
        />
        {rows.map((row, index) =>
          labelled.has(index) ? (
            <text
              key={row.quarter}
              x={x(index)}
              y={HEIGHT - 4}
              textAnchor={index === 0 ? "start" : index === rows.length - 1 ? "end" : "middle"}
              dx={index === 0 ? tenth(-band / 2) : index === rows.length - 1 ? tenth(band / 2) : 0}
            >
              {quarterLabel(row.quarter, locale)}
            </text>
          ) : null,
        )}
      </g>
      {axis.cutAt !== null ? (
        <g className="mini-chart__baseline" data-testid="baseline-mark">
          <line
            x1={MARGIN.left}
            x2={WIDTH - MARGIN.right}
            y1={yValue(axis.cutAt)}
            y2={yValue(axis.cutAt)}
            stroke={CHART_COLORS.axis}
            strokeDasharray="8 3 2 3"
          />
          <text x={MARGIN.left + 4} y={yValue(axis.cutAt) - 4} className="mini-chart__note">
            {fill(text.axisStarts, {
              value: `${formatAxisNumber(axis.cutAt)}${unit === "%" ? "%" : ` ${unit}`}`,
            })}
          </text>
        </g>
      ) : null}
      {axis.mark === "line" ? (
        <g className="mini-chart__values">
          <path d={valuePath.join(" ")} />
          {rows.map((row, index) =>
            row.value === null ? null : (
              <circle
                key={row.quarter}
                data-mark="value"
                data-approximate={isApproximate(row) ? "true" : undefined}
                cx={x(index)}
                cy={yValue(row.value)}
                r={3}
              >
                <title>{rowTitle(row, metric.unit, metric.kind, text, locale)}</title>
              </circle>
            ),
          )}
        </g>
      ) : null}
      <g className="mini-chart__bars">
        {rows.map((row, index) =>
          row.value === null || axis.mark === "line" ? null : (
            <rect
              key={row.quarter}
              data-mark="bar"
              x={tenth(x(index) - barWidth / 2)}
              width={barWidth}
              y={Math.min(yValue(row.value), yValue(0))}
              height={tenth(Math.max(Math.abs(yValue(0) - yValue(row.value)), 0.5))}
              data-approximate={isApproximate(row) ? "true" : undefined}
            >
              <title>{rowTitle(row, metric.unit, metric.kind, text, locale)}</title>
            </rect>
          ),
        )}
      </g>
      <path className="mini-chart__yoy-line" d={linePath.join(" ")} />
      {/* No title of their own: the bar's (or value point's) title has the quarter's YoY. */}
      <g className="mini-chart__points">
        {rows.map((row, index) =>
          row.yoy === null ? null : (
            <circle key={row.quarter} cx={x(index)} cy={yChange(row.yoy)} r={2.5} />
          ),
        )}
      </g>
      <g className="mini-chart__events">
        {markers.map((marker) => {
          const index = indexByLabel.get(marker.label);
          if (index === undefined) return null;
          const color = marker.adverse ? CHART_COLORS.eventAdverse : CHART_COLORS.event;
          return (
            <g key={marker.label} data-testid="event-marker" data-quarter={marker.label}>
              <title>{marker.title}</title>
              <line
                x1={x(index)}
                x2={x(index)}
                y1={MARGIN.top}
                y2={MARGIN.top + PLOT_HEIGHT}
                stroke={color}
                strokeWidth={1.25}
                strokeDasharray="4 3"
              />
              <circle
                cx={x(index)}
                cy={MARGIN.top - 6}
                r={5}
                fill={color}
                stroke={CHART_COLORS.background}
                strokeWidth={1.5}
              />
            </g>
          );
        })}
      </g>
    </svg>
  );
}
