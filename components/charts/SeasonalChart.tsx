"use client";

import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  Tooltip,
  type TooltipContentProps,
  type TooltipValueType,
  XAxis,
  YAxis,
} from "recharts";
import { formatAxisNumber, formatNumber, unitLabel } from "@/lib/domain/format";
import type { Locale } from "@/lib/domain/locale";
import type { SeasonalRow } from "@/lib/domain/series-view";
import type { ChartText } from "./chart-text";
import { CHART_COLORS, type ChartMetric, YEAR_COLORS } from "./chart-theme";

/** The seasonal chart's words (the SeasonalChart namespace), handed down by its server parent. */
export type SeasonalChartText = ChartText<"noFigure">;

function SeasonalTooltip({
  active,
  payload,
  label,
  metric,
  text,
  locale,
}: TooltipContentProps<TooltipValueType, string | number> & {
  metric: ChartMetric;
  text: SeasonalChartText;
  locale: Locale;
}) {
  if (!active || !payload?.length) return null;
  return (
    <div className="chart-tooltip">
      <strong>{label}</strong>
      {payload.map((entry) => (
        <div key={String(entry.dataKey)}>
          {entry.name}
          {locale === "zh" ? "：" : ": "}
          {typeof entry.value === "number"
            ? `${formatNumber(entry.value, 2).replace(/\.?0+$/, "")} ${unitLabel(metric.unit, locale)}`
            : text.noFigure}
        </div>
      ))}
    </div>
  );
}

/** Q1..Q4 on the x axis, one line per fiscal year: seasonality and year-on-year shifts at once. */
export function SeasonalChart({
  rows,
  years,
  metric,
  height = 360,
  text,
  locale = "en",
}: {
  rows: SeasonalRow[];
  years: number[];
  metric: ChartMetric;
  height?: number;
  text: SeasonalChartText;
  locale?: Locale;
}) {
  return (
    <LineChart
      responsive
      data={rows}
      style={{ width: "100%", height }}
      margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
      accessibilityLayer
    >
      <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
      <XAxis dataKey="label" tick={{ fontSize: 12, fill: CHART_COLORS.axis }} />
      <YAxis
        tickFormatter={formatAxisNumber}
        tick={{ fontSize: 11, fill: CHART_COLORS.axis }}
        width={56}
        label={{
          value: unitLabel(metric.unit, locale),
          angle: -90,
          position: "insideLeft",
          style: { fontSize: 11, fill: CHART_COLORS.axis, textAnchor: "middle" },
        }}
      />
      <Tooltip
        content={(props) => (
          <SeasonalTooltip {...props} metric={metric} text={text} locale={locale} />
        )}
      />
      <Legend verticalAlign="top" height={28} />
      {years.map((year, index) => (
        <Line
          key={year}
          dataKey={`y${year}`}
          name={locale === "zh" ? `${year}年` : String(year)}
          stroke={YEAR_COLORS[index % YEAR_COLORS.length]}
          strokeWidth={2}
          dot={{ r: 3 }}
          connectNulls={false}
          isAnimationActive={false}
        />
      ))}
    </LineChart>
  );
}
