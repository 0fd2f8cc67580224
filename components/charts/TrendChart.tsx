"use client";

import { useMemo, useState } from "react";
import {
  Bar,
  CartesianGrid,
  Cell,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { EventMarker } from "@/lib/domain/events";
import { changeUnit, formatAxisNumber, unitLabel as unitLabelIn } from "@/lib/domain/format";
import type { Locale } from "@/lib/domain/locale";
import { type ChartRow, type PackedChartRow, unpackChartRows } from "@/lib/domain/series-view";
import { isApproximate, trendChartModel } from "@/lib/view-models/trend-chart";
import { BaselineMark, type LineShapeProps, ValueDot, ZeroLine } from "./chart-marks";
import type { ChartText } from "./chart-text";
import { CHART_COLORS, type ChartMetric, QUARTER_X_AXIS } from "./chart-theme";
import { EventDetail } from "./EventDetail";
import { EventMarkerShape } from "./EventMarkerShape";
import { TrendTooltip } from "./TrendTooltip";

/** The trend chart's words (the TrendChart namespace), handed down by its server parent. */
export type TrendChartText = ChartText<
  | "approximateKey"
  | "axisStarts"
  | "noFigure"
  | "yoy"
  | "yoyNone"
  | "twoYears"
  | "twoYearsNone"
  | "restated"
  | "source"
  | "eventsHint"
  | "eventIn"
  | "eventsIn"
> & { kinds: ChartText<EventMarker["events"][number]["kind"]> };

/**
 * Quarterly values as bars with the YoY change as a line on a second axis, and optionally the
 * change against two years earlier as a dashed line and events as markers. Quarters without a
 * figure stay on the axis with no bar and a break in the lines.
 */
export function TrendChart({
  rows: packedRows,
  metric,
  height = 320,
  events = [],
  comparePeriods = [1],
  text,
  locale = "en",
}: {
  /** `packChartRows`: tuples, a third of the objects' payload. */
  rows: readonly PackedChartRow[];
  metric: ChartMetric;
  height?: number;
  /** Markers to draw; each label must be one of the rows' labels (others are not drawn). */
  events?: EventMarker[];
  /** Years back for the change lines: [1] (default), [2] or [1, 2]. */
  comparePeriods?: readonly number[];
  text: TrendChartText;
  locale?: Locale;
}) {
  const [activeLabel, setActiveLabel] = useState<string | null>(null);
  const rows = useMemo(() => unpackChartRows(packedRows), [packedRows]);
  const unitLabel = unitLabelIn(metric.unit, locale);
  const valueName =
    locale === "zh" ? `${metric.label}（${unitLabel}）` : `${metric.label} (${unitLabel})`;
  const model = trendChartModel({ rows, metric, events, comparePeriods, locale });
  const { values, changes, markers, markersByLabel, showOneYear, showTwoYears, name } = model;
  const activeMarker = activeLabel ? (markersByLabel.get(activeLabel) ?? null) : null;
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
            shape={(props: LineShapeProps) => <ZeroLine {...props} />}
          />
        ) : null}
        {values.cutAt !== null ? (
          <ReferenceLine
            yAxisId="value"
            y={values.cutAt}
            shape={(props: LineShapeProps) => (
              <BaselineMark
                {...props}
                cutAt={values.cutAt ?? 0}
                unit={unitLabel}
                template={text.axisStarts}
              />
            )}
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
              text={text}
              locale={locale}
            />
          )}
        />
        {/* By series (value, yoy, yoy2), not by label: Recharts sorts by label by default, which
            put the YoY line before the bars in Chinese (同 before 总) and after them in English. */}
        <Legend verticalAlign="top" itemSorter="dataKey" />
        {values.mark === "bars" ? (
          <Bar
            yAxisId="value"
            dataKey="value"
            name={valueName}
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
            name={valueName}
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
            shape={(props: LineShapeProps) => (
              <EventMarkerShape
                {...props}
                marker={marker}
                words={{ locale, kinds: text.kinds, source: text.source }}
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
            name={model.changeLabel}
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
            name={model.twoYearLabel}
            stroke={CHART_COLORS.yoy2}
            strokeWidth={2}
            strokeDasharray="6 4"
            dot={{ r: 3 }}
            connectNulls={false}
            isAnimationActive={false}
          />
        ) : null}
      </ComposedChart>
      {model.hasApproximate ? (
        <p className="chart-key" data-testid="approximate-key">
          <span className="chart-key__swatch chart-key__swatch--approximate" aria-hidden="true" />{" "}
          {text.approximateKey}
        </p>
      ) : null}
      {markers.length > 0 ? <EventDetail marker={activeMarker} text={text} /> : null}
    </figure>
  );
}
