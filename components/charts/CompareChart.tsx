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
import { fill } from "@/i18n/fill";
import { changeAxis, valueAxis } from "@/lib/domain/chart-scale";
import type { CompareMode, CompareRow } from "@/lib/domain/compare";
import { formatAxisNumber, formatNumber, pointsWord, unitLabel } from "@/lib/domain/format";
import type { Locale } from "@/lib/domain/locale";
import { type LineShapeProps, ZeroLine } from "./chart-marks";
import type { ChartText } from "./chart-text";
import { CHART_COLORS, QUARTER_X_AXIS, YEAR_COLORS } from "./chart-theme";

/** The compare chart's words (the CompareChart namespace), handed down by its server parent. */
export type CompareChartText = ChartText<"noValue" | "name" | "axisStarts" | "approximateKey">;

export interface CompareLine {
  id: string;
  label: string;
  unit: string;
  kind: "flow" | "stock" | "ratio";
}

function modeValue(value: number, mode: CompareMode, line: CompareLine, locale: Locale): string {
  if (mode === "index") return formatNumber(value, 1);
  if (mode === "yoy") {
    const sign = value > 0 ? "+" : "";
    return `${sign}${formatNumber(value, 1)}${line.kind === "ratio" ? ` ${pointsWord(locale)}` : "%"}`;
  }
  return `${formatNumber(value, Math.abs(value) >= 1000 ? 0 : 2).replace(/\.00$/, "")} ${unitLabel(line.unit, locale)}`;
}

function CompareTooltip({
  active,
  payload,
  label,
  lines,
  mode,
  text,
  locale,
}: TooltipContentProps<TooltipValueType, string | number> & {
  lines: readonly CompareLine[];
  mode: CompareMode;
  text: CompareChartText;
  locale: Locale;
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
            {line.label}
            {locale === "zh" ? "：" : ": "}
            {value === null || value === undefined
              ? text.noValue
              : `${row.approximate.includes(line.id) ? "≈ " : ""}${modeValue(value, mode, line, locale)}`}
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
  text,
  locale = "en",
}: {
  rows: readonly CompareRow[];
  lines: readonly CompareLine[];
  mode: CompareMode;
  axisLabel: string;
  height?: number;
  text: CompareChartText;
  locale?: Locale;
}) {
  const all = rows.flatMap((row) => lines.map((line) => row.values[line.id] ?? null));
  // Changes always show zero; absolute ratios (all lines ratios) get an axis cut to the data,
  // marked as such; everything else starts at zero.
  const kind = lines.every((line) => line.kind === "ratio") ? "ratio" : "flow";
  const absolute = valueAxis(kind, all);
  const scale = mode === "yoy" ? changeAxis(all) : mode === "absolute" ? absolute.scale : null;
  const cutAt = mode === "absolute" ? absolute.cutAt : null;
  const hasApproximate = rows.some((row) => row.approximate.length > 0);
  const first = rows[0]?.label ?? "";
  const last = rows.at(-1)?.label ?? "";
  const name = fill(text.name, {
    lines: lines.map((line) => line.label).join(locale === "zh" ? "、" : ", "),
    axis: axisLabel,
    from: first,
    to: last,
  });
  return (
    <figure className="compare-chart" aria-label={name}>
      <LineChart
        responsive
        data={rows as CompareRow[]}
        style={{ width: "100%", height }}
        margin={{ top: 8, right: 16, bottom: 0, left: 8 }}
        accessibilityLayer
        title={name}
      >
        <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
        <XAxis {...QUARTER_X_AXIS} />
        <YAxis
          domain={scale ? [scale.min, scale.max] : ["auto", "auto"]}
          ticks={scale ? scale.ticks : undefined}
          allowDataOverflow={scale !== null}
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
          <ReferenceLine
            y={0}
            shape={(props: LineShapeProps) => <ZeroLine {...props} tone="axis" />}
          />
        ) : null}
        {cutAt !== null ? (
          <ReferenceLine
            y={cutAt}
            shape={(props: { x1?: number; y1?: number; x2?: number; y2?: number }) => (
              <g data-testid="baseline-mark">
                <line
                  x1={props.x1}
                  x2={props.x2}
                  y1={props.y1}
                  y2={props.y2}
                  stroke={CHART_COLORS.axis}
                  strokeDasharray="8 3 2 3"
                />
                <text
                  x={(props.x1 ?? 0) + 6}
                  y={(props.y1 ?? 0) - 6}
                  fontSize={11}
                  fill={CHART_COLORS.axis}
                >
                  {fill(text.axisStarts, { value: formatAxisNumber(cutAt) })}
                </text>
              </g>
            )}
          />
        ) : null}
        {mode === "index" ? (
          <ReferenceLine y={100} stroke={CHART_COLORS.axis} strokeDasharray="3 3" />
        ) : null}
        <Tooltip
          content={(props) => (
            <CompareTooltip {...props} lines={lines} mode={mode} text={text} locale={locale} />
          )}
        />
        <Legend verticalAlign="top" />
        {lines.map((line, index) => (
          <Line
            key={line.id}
            dataKey={(row: CompareRow) => row.values[line.id] ?? null}
            name={line.label}
            stroke={YEAR_COLORS[index % YEAR_COLORS.length]}
            strokeWidth={2.5}
            strokeDasharray={index >= YEAR_COLORS.length ? "6 3" : undefined}
            dot={(props: { cx?: number; cy?: number; index?: number }) => {
              const row = rows[props.index ?? -1];
              const color = YEAR_COLORS[index % YEAR_COLORS.length];
              if (
                !row ||
                props.cx === undefined ||
                props.cy === undefined ||
                !Number.isFinite(props.cy)
              )
                return <g key={`${line.id}-${props.index}`} />;
              const approximate = row.approximate.includes(line.id);
              return (
                <circle
                  key={`${line.id}-${props.index}`}
                  cx={props.cx}
                  cy={props.cy}
                  r={approximate ? 5 : 3}
                  fill={approximate ? CHART_COLORS.background : color}
                  stroke={color}
                  strokeWidth={2}
                  strokeDasharray={approximate ? "2 2" : undefined}
                  data-approximate={approximate ? "true" : undefined}
                  data-quarter={row.quarter}
                />
              );
            }}
            connectNulls={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
      {hasApproximate ? (
        <p className="chart-key" data-testid="approximate-key">
          <span className="chart-key__swatch chart-key__swatch--approximate" aria-hidden="true" />{" "}
          {text.approximateKey}
        </p>
      ) : null}
    </figure>
  );
}
