"use client";

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
import { formatAxisNumber, formatValue, QUALIFIER_WORDS } from "@/lib/domain/format";
import type { ChartRow } from "@/lib/domain/series-view";
import type { MetricKind } from "@/lib/domain/types";
import { CHART_COLORS } from "./chart-theme";

export interface ChartMetric {
  label: string;
  unit: string;
  kind: MetricKind;
}

function yoyUnit(kind: MetricKind): string {
  return kind === "ratio" ? "pp" : "%";
}

function formatYoy(value: number, kind: MetricKind): string {
  const sign = value > 0 ? "+" : "";
  return kind === "ratio" ? `${sign}${value.toFixed(1)} pp` : `${sign}${value.toFixed(1)}%`;
}

function TrendTooltip({
  active,
  payload,
  metric,
}: TooltipContentProps<TooltipValueType, string | number> & { metric: ChartMetric }) {
  const row = payload?.[0]?.payload as ChartRow | undefined;
  if (!active || !row) return null;
  return (
    <div className="chart-tooltip">
      <strong>{row.label}</strong>
      {row.value === null ? (
        <div>No figure found for this quarter</div>
      ) : (
        <>
          <div>
            {metric.label}:{" "}
            {formatValue(row.value, metric.unit, row.decimals, row.qualifier ?? "exact")}
            {row.qualifier && row.qualifier !== "exact"
              ? ` (${QUALIFIER_WORDS[row.qualifier]})`
              : ""}
          </div>
          <div>
            YoY:{" "}
            {row.yoy === null
              ? "n/a (no figure a year earlier)"
              : `${row.yoyApproximate ? "≈ " : ""}${formatYoy(row.yoy, metric.kind)}`}
          </div>
          {row.restated ? <div>Restated: earlier figures kept as history</div> : null}
          <div className="chart-tooltip__source">Source: {row.sourceTitle}</div>
        </>
      )}
    </div>
  );
}

/**
 * Quarterly values as bars with the YoY change as a line on a second axis. Quarters without a
 * figure stay on the axis with no bar and a break in the line.
 */
export function TrendChart({
  rows,
  metric,
  height = 320,
  compact = false,
}: {
  rows: ChartRow[];
  metric: ChartMetric;
  height?: number;
  compact?: boolean;
}) {
  const unitLabel = metric.unit;
  const changeLabel = metric.kind === "ratio" ? "YoY change (pp)" : "YoY growth (%)";
  return (
    <ComposedChart
      responsive
      data={rows}
      style={{ width: "100%", height }}
      margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
      accessibilityLayer
    >
      <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
      <XAxis
        dataKey="label"
        tick={{ fontSize: 11, fill: CHART_COLORS.axis }}
        interval="preserveStartEnd"
        minTickGap={compact ? 12 : 4}
        angle={compact ? 0 : -35}
        textAnchor={compact ? "middle" : "end"}
        height={compact ? 24 : 52}
      />
      <YAxis
        yAxisId="value"
        tickFormatter={formatAxisNumber}
        tick={{ fontSize: 11, fill: CHART_COLORS.axis }}
        width={compact ? 44 : 56}
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
        tickFormatter={(value: number) => `${value}${yoyUnit(metric.kind)}`}
        tick={{ fontSize: 11, fill: CHART_COLORS.yoy }}
        width={compact ? 44 : 56}
      />
      <ReferenceLine yAxisId="yoy" y={0} stroke={CHART_COLORS.axis} strokeDasharray="3 3" />
      <Tooltip content={(props) => <TrendTooltip {...props} metric={metric} />} />
      {compact ? null : <Legend verticalAlign="top" height={28} />}
      <Bar
        yAxisId="value"
        dataKey="value"
        name={`${metric.label} (${unitLabel})`}
        fill={CHART_COLORS.value}
        isAnimationActive={false}
      >
        {rows.map((row) => (
          <Cell
            key={row.quarter}
            fill={
              row.qualifier && row.qualifier !== "exact"
                ? CHART_COLORS.valueApproximate
                : CHART_COLORS.value
            }
          />
        ))}
      </Bar>
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
    </ComposedChart>
  );
}
