/**
 * Metrics computed from stored ones, each with its formula. A quarter where any input is missing
 * (or the divisor is zero) has no value: a gap, never a number made from a partial input.
 */
import type { Locale } from "./locale";
import { type QuarterCode, quarterIndex } from "./quarter";
import type { MetricDTO, MetricKind, PointDTO, Qualifier, SeriesDTO, SourceDTO } from "./types";

export interface DerivedMetricDefinition {
  key: string;
  label: string;
  unit: string;
  /** How its change is measured: relative (%) for per-user levels, points for a share. */
  kind: MetricKind;
  higherIsBetter: boolean;
  /** The formula as shown on the page, in the inputs' own units. */
  formula: string;
  definition: string;
  numerator: string;
  denominator: string;
  /** Multiplier that turns numerator / denominator into `unit`. */
  scale: number;
  /** Digits shown: the inputs carry two to four significant digits, so no more. */
  decimals: number;
  /** A part of a whole (both flows of the same unit): the share-shift signal reads these. */
  isShare: boolean;
}

export const DERIVED_METRICS: readonly DerivedMetricDefinition[] = [
  {
    key: "revenue_per_mau",
    label: "Revenue per monthly active user",
    unit: "RMB/user",
    kind: "stock",
    higherIsBetter: true,
    // RMB bn / M users = RMB 1,000 per user, hence × 1000.
    formula: "Total revenue (RMB bn) ÷ Global smartphone MAU (M users) × 1,000",
    definition:
      "Group revenue of the quarter divided by the smartphone OS's monthly active users at the quarter's end, in renminbi per user (per quarter).",
    numerator: "revenue",
    denominator: "mau",
    scale: 1000,
    decimals: 1,
    isShare: false,
  },
  {
    key: "devices_per_user",
    label: "Connected devices per user",
    unit: "devices/user",
    kind: "stock",
    higherIsBetter: true,
    formula: "Connected IoT devices (M devices) ÷ Global smartphone MAU (M users)",
    definition:
      "Connected IoT devices (excluding smartphones, tablets and laptops) per monthly active smartphone user, both at the quarter's end.",
    numerator: "iot_devices",
    denominator: "mau",
    scale: 1,
    decimals: 2,
    isShare: false,
  },
  {
    key: "ev_revenue_share",
    label: "Smart EV segment share of revenue",
    unit: "%",
    kind: "ratio",
    higherIsBetter: true,
    formula: "Smart EV & new initiatives revenue (RMB bn) ÷ Total revenue (RMB bn) × 100",
    definition:
      "The share of group revenue that comes from the smart EV (and other new initiatives) segment in the quarter; its change is in percentage points.",
    numerator: "ev_segment_revenue",
    denominator: "revenue",
    scale: 100,
    decimals: 1,
    isShare: true,
  },
];

/** The words of each derived metric in Chinese; the inputs are named as data/metrics.csv `label_zh` names them. */
const WORDS_ZH: Readonly<
  Record<string, Pick<DerivedMetricDefinition, "label" | "formula" | "definition">>
> = {
  revenue_per_mau: {
    label: "每月活跃用户平均收入",
    formula: "总收入（十亿元）÷ 全球智能手机月活跃用户（百万用户）× 1,000",
    definition: "本季度集团收入除以季度末智能手机操作系统的月活跃用户数，单位为元/用户（每季度）。",
  },
  devices_per_user: {
    label: "每用户连接设备数",
    formula: "已连接 IoT 设备数（百万台）÷ 全球智能手机月活跃用户（百万用户）",
    definition:
      "每位智能手机月活跃用户对应的已连接 IoT 设备数（不含智能手机、平板及笔记本电脑），两者均为季度末数值。",
  },
  ev_revenue_share: {
    label: "智能电动汽车业务收入占比",
    formula: "智能电动汽车等创新业务收入（十亿元）÷ 总收入（十亿元）× 100",
    definition: "本季度集团收入中来自智能电动汽车（及其他创新业务）分部的比例；其变化以百分点计。",
  },
};

/** A derived metric's label, formula and definition in the reader's language. */
export function localizeDerived(
  definition: DerivedMetricDefinition,
  locale: Locale,
): DerivedMetricDefinition {
  const words = locale === "zh" ? WORDS_ZH[definition.key] : undefined;
  return words ? { ...definition, ...words } : definition;
}

/** Every derived metric, in the reader's language. */
export function derivedMetrics(locale: Locale = "en"): readonly DerivedMetricDefinition[] {
  return locale === "zh"
    ? DERIVED_METRICS.map((definition) => localizeDerived(definition, locale))
    : DERIVED_METRICS;
}

export function getDerivedMetric(
  key: string,
  locale: Locale = "en",
): DerivedMetricDefinition | null {
  const definition = DERIVED_METRICS.find((entry) => entry.key === key);
  return definition ? localizeDerived(definition, locale) : null;
}

export interface DerivedInput {
  metricKey: string;
  label: string;
  unit: string;
  value: number;
  decimals: number;
  qualifier: Qualifier;
  source: SourceDTO;
}

export interface DerivedPoint {
  quarter: QuarterCode;
  value: number;
  decimals: number;
  qualifier: Qualifier;
  inputs: [DerivedInput, DerivedInput];
}

/** A quarter one input has and the other lacks: said out loud rather than silently dropped. */
export interface DerivedGap {
  quarter: QuarterCode;
  reason: string;
}

export interface DerivedSeries {
  definition: DerivedMetricDefinition;
  metric: MetricDTO;
  points: DerivedPoint[];
  gaps: DerivedGap[];
}

function combineQualifiers(a: Qualifier, b: Qualifier): Qualifier {
  // A quotient of "more than" figures is neither more nor less than anything in particular.
  return a === "exact" && b === "exact" ? "exact" : "approximate";
}

function toInput(metric: MetricDTO, point: PointDTO): DerivedInput {
  return {
    metricKey: metric.key,
    label: metric.label,
    unit: metric.unit,
    value: point.value,
    decimals: point.decimals,
    qualifier: point.qualifier,
    source: point.source,
  };
}

export function derivedMetricDTO(definition: DerivedMetricDefinition): MetricDTO {
  return {
    key: definition.key,
    label: definition.label,
    unit: definition.unit,
    kind: definition.kind,
    higherIsBetter: definition.higherIsBetter,
    definition: definition.definition,
  };
}

/**
 * The derived series over every quarter either input has. Quarters with both inputs (and a
 * positive divisor) get a value; the others are listed as gaps with the input they lack. The
 * input series' labels are used as given, so pass them in the same language as `locale`.
 */
export function computeDerivedSeries(
  stored: DerivedMetricDefinition,
  series: readonly SeriesDTO[],
  locale: Locale = "en",
): DerivedSeries {
  const definition = localizeDerived(stored, locale);
  const zh = locale === "zh";
  const numerator = series.find((entry) => entry.metric.key === definition.numerator);
  const denominator = series.find((entry) => entry.metric.key === definition.denominator);
  const top = new Map(numerator?.points.map((point) => [point.quarter, point]) ?? []);
  const bottom = new Map(denominator?.points.map((point) => [point.quarter, point]) ?? []);
  const quarters = [...new Set([...top.keys(), ...bottom.keys()])].sort(
    (a, b) => quarterIndex(a) - quarterIndex(b),
  );
  const points: DerivedPoint[] = [];
  const gaps: DerivedGap[] = [];
  for (const quarter of quarters) {
    const a = top.get(quarter);
    const b = bottom.get(quarter);
    if (!a || !b || !numerator || !denominator) {
      const missing = !a ? definition.numerator : definition.denominator;
      const label = (!a ? numerator?.metric.label : denominator?.metric.label) ?? null;
      gaps.push({
        quarter,
        reason: zh
          ? `本季度没有${label ?? missing}数据`
          : `no ${label ?? `the ${missing} figure`} figure for this quarter`,
      });
      continue;
    }
    if (b.value <= 0) {
      gaps.push({
        quarter,
        reason: zh
          ? `${denominator.metric.label}为零或负数`
          : `${denominator.metric.label} is zero or negative`,
      });
      continue;
    }
    points.push({
      quarter,
      value: (a.value / b.value) * definition.scale,
      decimals: definition.decimals,
      qualifier: combineQualifiers(a.qualifier, b.qualifier),
      inputs: [toInput(numerator.metric, a), toInput(denominator.metric, b)],
    });
  }
  return { definition, metric: derivedMetricDTO(definition), points, gaps };
}
