"use client";

import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  Tooltip,
  type TooltipContentProps,
  type TooltipValueType,
  XAxis,
  YAxis,
} from "recharts";
import type { CompareMode, CompareRow } from "@/lib/domain/compare";
import { formatAxisNumber, formatNumber } from "@/lib/domain/format";
import { CHART_COLORS, QUARTER_X_AXIS, YEAR_COLORS } from "./chart-theme";

export interface CompareLine {
  id: string;
  label: string;
  unit: string;
  kind: "flow" | "stock" | "ratio";
}

function modeValue(value: number, mode: CompareMode, line: CompareLine): string {
  if (mode === "index") return formatNumber(value, 1);
  if (mode === "yoy") {
    const sign = value > 0 ? "+" : "";
    return `${sign}${formatNumber(value, 1)}${line.kind === "ratio" ? " pp" : "%"}`;
  }
  return `${formatNumber(value, Math.abs(value) >= 1000 ? 0 : 2).replace(/\.00$/, "")} ${line.unit}`;
}

function CompareTooltip({
  active,
  payload,
  label,
  lines,
  mode,
}: TooltipContentProps<TooltipValueType, string | number> & {
  lines: readonly CompareLine[];
  mode: CompareMode;
}) {
  const row = payload?.[0]?.payload as CompareRow | undefined;
  if (!active || !row) return null;
  return (
    <div className="chart-tooltip">
      <strong>{label}</strong>
      {lines.map((line) => {
        const value = row.values[line.id];
        return (
          <div key={line.id}>
            {line.label}:{" "}
            {value === null || value === undefined ? "no value" : modeValue(value, mode, line)}
          </div>
        );
      })}
    </div>
  );
}

/** Several series on one axis, in one unit: absolute values, YoY changes or an index. */
export function CompareChart({
  rows,
  lines,
  mode,
  axisLabel,
  height = 400,
}: {
  rows: readonly CompareRow[];
  lines: readonly CompareLine[];
  mode: CompareMode;
  axisLabel: string;
  height?: number;
}) {
  return (
    <LineChart
      responsive
      data={rows as CompareRow[]}
      style={{ width: "100%", height }}
      margin={{ top: 8, right: 16, bottom: 0, left: 8 }}
      accessibilityLayer
    >
      <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
      <XAxis {...QUARTER_X_AXIS} />
      <YAxis
        tickFormatter={(value: number) =>
          mode === "yoy"
            ? `${value}${lines.every((line) => line.kind === "ratio") ? "pp" : "%"}`
            : formatAxisNumber(value)
        }
        tick={{ fontSize: 11, fill: CHART_COLORS.axis }}
        width={64}
        label={{
          value: axisLabel,
          angle: -90,
          position: "insideLeft",
          style: { fontSize: 11, fill: CHART_COLORS.axis, textAnchor: "middle" },
        }}
      />
      {mode === "yoy" ? (
        <ReferenceLine y={0} stroke={CHART_COLORS.axis} strokeDasharray="3 3" />
      ) : null}
      {mode === "index" ? (
        <ReferenceLine y={100} stroke={CHART_COLORS.axis} strokeDasharray="3 3" />
      ) : null}
      <Tooltip content={(props) => <CompareTooltip {...props} lines={lines} mode={mode} />} />
      <Legend verticalAlign="top" />
      {lines.map((line, index) => (
        <Line
          key={line.id}
          dataKey={(row: CompareRow) => row.values[line.id] ?? null}
          name={line.label}
          stroke={YEAR_COLORS[index % YEAR_COLORS.length]}
          strokeWidth={2.5}
          strokeDasharray={index >= YEAR_COLORS.length ? "6 3" : undefined}
          dot={{ r: 3 }}
          connectNulls={false}
          isAnimationActive={false}
        />
      ))}
    </LineChart>
  );
}
