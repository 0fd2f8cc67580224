"use client";

import { type FocusEvent, type KeyboardEvent, useState } from "react";
import {
  Bar,
  CartesianGrid,
  Cell,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  Tooltip,
  type TooltipContentProps,
  type TooltipValueType,
  XAxis,
  YAxis,
} from "recharts";
import { changeAxis, valueAxis } from "@/lib/domain/chart-scale";
import {
  EVENT_KIND_LABELS,
  type EventMarker,
  isAdverse,
  markerDescription,
} from "@/lib/domain/events";
import {
  changeUnit,
  formatAxisNumber,
  formatChartChange,
  formatValue,
  QUALIFIER_WORDS,
} from "@/lib/domain/format";
import type { ChartRow } from "@/lib/domain/series-view";
import type { MetricKind } from "@/lib/domain/types";
import { CHART_COLORS, QUARTER_X_AXIS } from "./chart-theme";

export interface ChartMetric {
  label: string;
  unit: string;
  kind: MetricKind;
}

function TrendTooltip({
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

/** A point of a value line: filled when exact, hollow when the source gives an approximation. */
function ValueDot({ cx, cy, approximate }: { cx?: number; cy?: number; approximate: boolean }) {
  if (cx === undefined || cy === undefined || !Number.isFinite(cy)) return <g />;
  return (
    <circle
      cx={cx}
      cy={cy}
      r={4}
      fill={approximate ? CHART_COLORS.background : CHART_COLORS.value}
      stroke={CHART_COLORS.value}
      strokeWidth={2}
      strokeDasharray={approximate ? "2 2" : undefined}
      data-approximate={approximate ? "true" : undefined}
    />
  );
}

interface MarkerShapeProps {
  x1?: number;
  y1?: number;
  x2?: number;
  y2?: number;
  marker: EventMarker;
  active: boolean;
  onActivate: (label: string | null) => void;
}

/**
 * An event marker: a dashed line through the quarter and a numbered dot above it. The dot is a
 * focusable button whose name carries every event's date, title, line and
 * source, and focusing or hovering it shows the same below the chart.
 */
function EventMarkerShape({ x1, y1, y2, marker, active, onActivate }: MarkerShapeProps) {
  if (x1 === undefined || y1 === undefined || y2 === undefined) return null;
  const radius = 9;
  // The dot sits inside the plot, just below its top edge: above it, the legend would cover it.
  const top = Math.min(y1, y2) + radius + 1;
  const bottom = Math.max(y1, y2);
  const adverse = marker.events.some((event) => isAdverse(event.kind));
  const color = adverse ? CHART_COLORS.eventAdverse : CHART_COLORS.event;
  // The chart's own keyboard layer listens on the same tree; a marker's focus and keys are its own.
  const onKeyDown = (event: KeyboardEvent<SVGGElement>) => {
    event.stopPropagation();
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      onActivate(marker.label);
    } else if (event.key === "Escape") onActivate(null);
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: inside an SVG there is no <button>; role, name and keys make the <g> one.
    <g
      className={`event-marker${active ? " event-marker--active" : ""}`}
      data-quarter={marker.label}
      data-testid="event-marker"
      tabIndex={0}
      role="button"
      aria-label={markerDescription(marker)}
      aria-pressed={active}
      onFocus={(event: FocusEvent<SVGGElement>) => {
        event.stopPropagation();
        onActivate(marker.label);
      }}
      onMouseEnter={() => onActivate(marker.label)}
      onClick={() => onActivate(marker.label)}
      onKeyDown={onKeyDown}
    >
      <line
        x1={x1}
        x2={x1}
        y1={top + radius}
        y2={bottom}
        stroke={color}
        strokeWidth={active ? 2 : 1.25}
        strokeDasharray="4 3"
      />
      <circle
        cx={x1}
        cy={top}
        r={radius}
        fill={color}
        stroke={CHART_COLORS.background}
        strokeWidth={1.5}
      />
      <text
        x={x1}
        y={top}
        dy="0.35em"
        textAnchor="middle"
        fontSize={11}
        fontWeight={700}
        fill={CHART_COLORS.background}
        pointerEvents="none"
      >
        {marker.events.length}
      </text>
    </g>
  );
}

function EventDetail({ marker }: { marker: EventMarker | null }) {
  return (
    <div className="event-detail" aria-live="polite" data-testid="event-detail">
      {marker === null ? (
        <p className="muted">
          Numbered dots on the chart are events: tap or click one, or reach it with Tab, to read its
          date, what happened and the source.
        </p>
      ) : (
        <>
          <p className="event-detail__heading">
            {marker.events.length === 1 ? "Event" : "Events"} in {marker.label}
          </p>
          <ul>
            {marker.events.map((event) => (
              <li key={event.uid}>
                <span className="event-detail__date">{event.dateLabel}</span>{" "}
                <span className={`kind-badge kind-badge--${event.kind}`}>
                  {EVENT_KIND_LABELS[event.kind]}
                </span>{" "}
                <strong>{event.title}</strong>: {event.description}{" "}
                <span className="source">
                  Source:{" "}
                  {event.sourceUrl ? (
                    <a href={event.sourceUrl} rel="noopener noreferrer nofollow" target="_blank">
                      {event.sourceTitle}
                    </a>
                  ) : (
                    <cite>{event.sourceTitle}</cite>
                  )}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/**
 * Quarterly values as bars with the YoY change as a line on a second axis, and optionally the
 * change against two years earlier as a dashed line and events as markers. Quarters without a
 * figure stay on the axis with no bar and a break in the lines.
 */
export function TrendChart({
  rows,
  metric,
  height = 320,
  events = [],
  comparePeriods = [1],
}: {
  rows: ChartRow[];
  metric: ChartMetric;
  height?: number;
  /** Markers to draw; each label must be one of the rows' labels (others are not drawn). */
  events?: EventMarker[];
  /** Years back for the change lines: [1] (default), [2] or [1, 2]. */
  comparePeriods?: readonly number[];
}) {
  const [activeLabel, setActiveLabel] = useState<string | null>(null);
  const unitLabel = metric.unit;
  const changeLabel = metric.kind === "ratio" ? "YoY change (pp)" : "YoY growth (%)";
  const twoYearLabel =
    metric.kind === "ratio" ? "Change vs two years ago (pp)" : "Growth vs two years ago (%)";
  const labels = new Set(rows.map((row) => row.label));
  const markers = events.filter((marker) => labels.has(marker.label));
  const markersByLabel = new Map(markers.map((marker) => [marker.label, marker]));
  const activeMarker = activeLabel ? (markersByLabel.get(activeLabel) ?? null) : null;
  const showOneYear = comparePeriods.includes(1);
  const showTwoYears = comparePeriods.includes(2);
  const values = valueAxis(
    metric.kind,
    rows.map((row) => row.value),
  );
  const changes = changeAxis([
    ...(showOneYear ? rows.map((row) => row.yoy) : []),
    ...(showTwoYears ? rows.map((row) => row.yoy2) : []),
  ]);
  const hasApproximate = rows.some((row) => row.qualifier && row.qualifier !== "exact");
  const first = rows[0]?.label ?? "";
  const last = rows.at(-1)?.label ?? "";
  const name = `${metric.label} in ${unitLabel}, ${first} to ${last}, ${values.mark === "line" ? "as a line" : "as bars"}${showOneYear || showTwoYears ? ` with the ${metric.kind === "ratio" ? "change in percentage points" : "growth in percent"} as a line` : ""}. The data table below has every figure.`;
  const isApproximate = (row: ChartRow) => Boolean(row.qualifier && row.qualifier !== "exact");
  return (
    <figure className="trend-chart" aria-label={name} data-testid="trend-chart">
      <ComposedChart
        responsive
        data={rows}
        style={{ width: "100%", height }}
        margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
        accessibilityLayer
        title={name}
      >
        <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
        <XAxis {...QUARTER_X_AXIS} />
        <YAxis
          yAxisId="value"
          domain={[values.scale.min, values.scale.max]}
          ticks={values.scale.ticks}
          allowDataOverflow
          tickFormatter={formatAxisNumber}
          tick={{ fontSize: 11, fill: CHART_COLORS.axis }}
          width={56}
          label={{
            value: unitLabel,
            angle: -90,
            position: "insideLeft",
            style: { fontSize: 11, fill: CHART_COLORS.axis, textAnchor: "middle" },
          }}
        />
        <YAxis
          yAxisId="yoy"
          orientation="right"
          domain={[changes.min, changes.max]}
          ticks={changes.ticks}
          allowDataOverflow
          tickFormatter={(value: number) => `${formatAxisNumber(value)}${changeUnit(metric.kind)}`}
          tick={{ fontSize: 11, fill: CHART_COLORS.yoy }}
          width={56}
        />
        {showOneYear || showTwoYears ? (
          <ReferenceLine
            yAxisId="yoy"
            y={0}
            shape={(props: { x1?: number; y1?: number; x2?: number; y2?: number }) =>
              props.x1 === undefined || props.y1 === undefined ? (
                <g />
              ) : (
                <line
                  data-testid="zero-line"
                  x1={props.x1}
                  x2={props.x2}
                  y1={props.y1}
                  y2={props.y2}
                  stroke={CHART_COLORS.yoy}
                  strokeWidth={1.25}
                />
              )
            }
          />
        ) : null}
        {values.cutAt !== null ? (
          <ReferenceLine
            yAxisId="value"
            y={values.cutAt}
            shape={(props: { x1?: number; y1?: number; x2?: number; y2?: number }) =>
              props.x1 === undefined || props.y1 === undefined ? (
                <g />
              ) : (
                <g data-testid="baseline-mark">
                  <line
                    x1={props.x1}
                    x2={props.x2}
                    y1={props.y1}
                    y2={props.y2}
                    stroke={CHART_COLORS.axis}
                    strokeWidth={1.5}
                    strokeDasharray="8 3 2 3"
                  />
                  <text
                    x={(props.x1 ?? 0) + 6}
                    y={(props.y1 ?? 0) - 6}
                    fontSize={11}
                    fill={CHART_COLORS.axis}
                  >
                    {`Axis starts at ${formatAxisNumber(values.cutAt ?? 0)}${metric.unit === "%" ? "%" : ` ${metric.unit}`}, not zero`}
                  </text>
                </g>
              )
            }
          />
        ) : null}
        <Tooltip
          content={(props) => (
            <TrendTooltip
              {...props}
              metric={metric}
              markers={markersByLabel}
              showOneYear={showOneYear}
              showTwoYears={showTwoYears}
            />
          )}
        />
        <Legend verticalAlign="top" />
        {values.mark === "bars" ? (
          <Bar
            yAxisId="value"
            dataKey="value"
            name={`${metric.label} (${unitLabel})`}
            fill={CHART_COLORS.value}
            isAnimationActive={false}
          >
            {rows.map((row) => (
              <Cell
                key={row.label}
                data-approximate={isApproximate(row) ? "true" : undefined}
                fill={isApproximate(row) ? CHART_COLORS.valueApproximate : CHART_COLORS.value}
                stroke={isApproximate(row) ? CHART_COLORS.value : undefined}
                strokeDasharray={isApproximate(row) ? "4 2" : undefined}
              />
            ))}
          </Bar>
        ) : (
          <Line
            yAxisId="value"
            dataKey="value"
            name={`${metric.label} (${unitLabel})`}
            stroke={CHART_COLORS.value}
            strokeWidth={2.5}
            dot={(props: { cx?: number; cy?: number; index?: number }) => (
              <ValueDot
                key={`dot-${props.index}`}
                {...props}
                approximate={
                  rows[props.index ?? -1]
                    ? isApproximate(rows[props.index ?? -1] as ChartRow)
                    : false
                }
              />
            )}
            connectNulls={false}
            isAnimationActive={false}
          />
        )}
        {markers.map((marker) => (
          <ReferenceLine
            key={`event-${marker.label}`}
            yAxisId="value"
            x={marker.label}
            shape={(props: { x1?: number; y1?: number; x2?: number; y2?: number }) => (
              <EventMarkerShape
                {...props}
                marker={marker}
                active={activeLabel === marker.label}
                onActivate={setActiveLabel}
              />
            )}
          />
        ))}
        {showOneYear ? (
          <Line
            yAxisId="yoy"
            dataKey="yoy"
            name={changeLabel}
            stroke={CHART_COLORS.yoy}
            strokeWidth={2}
            dot={{ r: 3 }}
            connectNulls={false}
            isAnimationActive={false}
          />
        ) : null}
        {showTwoYears ? (
          <Line
            yAxisId="yoy"
            dataKey="yoy2"
            name={twoYearLabel}
            stroke={CHART_COLORS.yoy2}
            strokeWidth={2}
            strokeDasharray="6 4"
            dot={{ r: 3 }}
            connectNulls={false}
            isAnimationActive={false}
          />
        ) : null}
      </ComposedChart>
      {hasApproximate ? (
        <p className="chart-key" data-testid="approximate-key">
          <span className="chart-key__swatch chart-key__swatch--approximate" aria-hidden="true" />{" "}
          Pale with a dashed outline: an approximate figure (the source says "about" or "over").
        </p>
      ) : null}
      {markers.length > 0 ? <EventDetail marker={activeMarker} /> : null}
    </figure>
  );
}
