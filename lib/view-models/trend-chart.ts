/**
 * What the trend chart draws, apart from drawing it: the axes, the markers that fall on its
 * quarters, which change lines it shows and the accessible name that says all of it in words.
 * Pure, so the client component only renders and these rules are unit-tested.
 */
import { changeAxis, type LinearScale, type ValueAxis, valueAxis } from "@/lib/domain/chart-scale";
import type { EventMarker } from "@/lib/domain/events";
import { unitLabel } from "@/lib/domain/format";
import type { Locale } from "@/lib/domain/locale";
import type { ChartRow } from "@/lib/domain/series-view";
import type { MetricKind } from "@/lib/domain/types";

export interface TrendChartModel {
  values: ValueAxis;
  changes: LinearScale;
  /** The markers on one of the rows' labels; others are not drawn. */
  markers: EventMarker[];
  markersByLabel: Map<string, EventMarker>;
  showOneYear: boolean;
  showTwoYears: boolean;
  changeLabel: string;
  twoYearLabel: string;
  hasApproximate: boolean;
  /** The chart's accessible name: metric, unit, span and marks, pointing to the data table. */
  name: string;
}

export function isApproximate(row: ChartRow): boolean {
  return Boolean(row.qualifier && row.qualifier !== "exact");
}

export function trendChartModel(input: {
  rows: readonly ChartRow[];
  metric: { label: string; unit: string; kind: MetricKind };
  events: readonly EventMarker[];
  comparePeriods: readonly number[];
  locale?: Locale;
}): TrendChartModel {
  const { rows, metric } = input;
  const labels = new Set(rows.map((row) => row.label));
  const markers = input.events.filter((marker) => labels.has(marker.label));
  const showOneYear = input.comparePeriods.includes(1);
  const showTwoYears = input.comparePeriods.includes(2);
  const values = valueAxis(
    metric.kind,
    rows.map((row) => row.value),
  );
  const changes = changeAxis([
    ...(showOneYear ? rows.map((row) => row.yoy) : []),
    ...(showTwoYears ? rows.map((row) => row.yoy2) : []),
  ]);
  const first = rows[0]?.label ?? "";
  const last = rows.at(-1)?.label ?? "";
  const ratio = metric.kind === "ratio";
  const withChange = showOneYear || showTwoYears;
  const name =
    input.locale === "zh"
      ? `${metric.label}（${unitLabel(metric.unit, "zh")}），${first}至${last}，${values.mark === "line" ? "折线图" : "柱状图"}${withChange ? `，${ratio ? "变动（个百分点）" : "增长率（%）"}以折线表示` : ""}。下方数据表列有全部数据。`
      : `${metric.label} in ${metric.unit}, ${first} to ${last}, ${values.mark === "line" ? "as a line" : "as bars"}${withChange ? ` with the ${ratio ? "change in percentage points" : "growth in percent"} as a line` : ""}. The data table below has every figure.`;
  const zh = input.locale === "zh";
  return {
    values,
    changes,
    markers,
    markersByLabel: new Map(markers.map((marker) => [marker.label, marker])),
    showOneYear,
    showTwoYears,
    changeLabel: zh
      ? ratio
        ? "同比变动（个百分点）"
        : "同比增长（%）"
      : ratio
        ? "YoY change (pp)"
        : "YoY growth (%)",
    twoYearLabel: zh
      ? ratio
        ? "较两年前变动（个百分点）"
        : "较两年前增长（%）"
      : ratio
        ? "Change vs two years ago (pp)"
        : "Growth vs two years ago (%)",
    hasApproximate: rows.some(isApproximate),
    name,
  };
}
