/**
 * Comparing series on one chart: brands side by side, or stored and derived metrics. Absolute
 * values share an axis only when the units match; otherwise each series is shown as its YoY
 * change or indexed to 100 at a base quarter, so that no axis mixes units.
 */
import {
  computeDerivedSeries,
  type DerivedInput,
  type DerivedSeries,
  getDerivedMetric,
} from "./derived-metrics";
import { pointsWord, unitLabel } from "./format";
import { type Change, changeMagnitude, indexByQuarter, yoyChange } from "./kpi";
import type { Locale } from "./locale";
import { type QuarterCode, quarterFromIndex, quarterIndex, quarterLabel } from "./quarter";
import type { MetricKind, Qualifier, SeriesDTO, SourceDTO } from "./types";

export const COMPARE_MODES = ["absolute", "yoy", "index"] as const;
export type CompareMode = (typeof COMPARE_MODES)[number];

export interface ComparePoint {
  quarter: QuarterCode;
  value: number;
  decimals: number;
  qualifier: Qualifier;
  /** Where the number comes from: a document, or the stored figures a derived value divides. */
  evidence?: { source: SourceDTO } | { inputs: DerivedInput[] };
}

export interface CompareSeries {
  /** Unique on the chart: "xiaomi:revenue". */
  id: string;
  /** "Xiaomi · Total revenue". */
  label: string;
  unit: string;
  kind: MetricKind;
  points: ComparePoint[];
}

export interface ModeDecision {
  mode: CompareMode;
  /** Why the requested mode was replaced; null when it was used as asked. */
  reason: string | null;
}

export function unitsMatch(series: readonly CompareSeries[]): boolean {
  return new Set(series.map((entry) => entry.unit)).size <= 1;
}

/**
 * The mode actually drawn. Absolute values need one unit; with several, YoY is drawn instead and
 * the page says why. With no mode requested: absolute when the units match, YoY otherwise.
 */
export function decideMode(
  requested: CompareMode | null,
  series: readonly CompareSeries[],
  locale: Locale = "en",
): ModeDecision {
  const zh = locale === "zh";
  const sameUnit = unitsMatch(series);
  const ratios = series.filter((entry) => entry.kind === "ratio").length;
  // A ratio's YoY change is in percentage points, the others' in percent: not one axis either.
  const mixedChanges = ratios > 0 && ratios < series.length;
  const mixedReason = zh
    ? "比率的同比变化以百分点计，其他序列以百分比计，无法共用一条坐标轴，因此改为把每个序列换算为以基准季度为 100 的指数。"
    : "A ratio's YoY change is in percentage points and the other series' in percent, which cannot share an axis, so every series is indexed to 100 at a base quarter instead.";
  if (requested === null) {
    if (sameUnit) return { mode: "absolute", reason: null };
    return mixedChanges ? { mode: "index", reason: null } : { mode: "yoy", reason: null };
  }
  if (requested === "absolute" && !sameUnit) {
    const fallback: CompareMode = mixedChanges ? "index" : "yoy";
    if (zh) {
      const units = [...new Set(series.map((entry) => unitLabel(entry.unit, locale)))].join("、");
      return {
        mode: fallback,
        reason: `绝对值会把不同单位（${units}）放在同一条坐标轴上，因此改为显示${fallback === "yoy" ? "同比变化" : "以基准季度为 100 的指数"}。`,
      };
    }
    const units = [...new Set(series.map((entry) => entry.unit))].join(", ");
    return {
      mode: fallback,
      reason: `Absolute values would put different units (${units}) on one axis, so the series are shown ${fallback === "yoy" ? "as YoY change" : "indexed to 100 at a base quarter"} instead.`,
    };
  }
  if (requested === "yoy" && mixedChanges) return { mode: "index", reason: mixedReason };
  return { mode: requested, reason: null };
}

/** The first quarter in which every series has a value: the natural base for an index. */
export function defaultIndexBase(series: readonly CompareSeries[]): QuarterCode | null {
  if (series.length === 0) return null;
  const sets = series.map((entry) => new Set(entry.points.map((point) => point.quarter)));
  const candidates = [...(sets[0] ?? [])]
    .filter((quarter) => sets.every((set) => set.has(quarter)))
    .sort((a, b) => quarterIndex(a) - quarterIndex(b));
  return candidates[0] ?? null;
}

/** A chart row: one quarter, one value (or null, a gap) per series id. */
export interface CompareRow {
  quarter: QuarterCode;
  label: string;
  values: Record<string, number | null>;
  /** Series ids whose figure for the quarter is approximate ("about", "over"): drawn hollow. */
  approximate: string[];
}

export interface SeriesNote {
  seriesId: string;
  note: string;
}

export interface CompareTable {
  mode: CompareMode;
  base: QuarterCode | null;
  rows: CompareRow[];
  /** Series that cannot be drawn in this mode, with the reason (e.g. no value at the base). */
  notes: SeriesNote[];
  /** "%" for YoY of flows and stocks, "pp" when every series is a ratio, the unit when absolute. */
  axisLabel: string;
}

function yoyValue(change: Change | null): number | null {
  return change ? changeMagnitude(change) : null;
}

/**
 * One row per quarter from the earliest to the latest quarter any series has (within from..to),
 * each series' value in the chosen mode; a missing quarter stays null.
 */
export function compareTable(
  series: readonly CompareSeries[],
  mode: CompareMode,
  options: {
    base?: QuarterCode | null;
    from?: QuarterCode | null;
    to?: QuarterCode | null;
    /** The rows' quarter labels, the notes and the axis label follow it. */
    locale?: Locale;
  } = {},
): CompareTable {
  const locale = options.locale ?? "en";
  const zh = locale === "zh";
  const notes: SeriesNote[] = [];
  const base = mode === "index" ? (options.base ?? defaultIndexBase(series)) : null;
  const all = series.flatMap((entry) => entry.points.map((point) => quarterIndex(point.quarter)));
  if (all.length === 0) return { mode, base, rows: [], notes, axisLabel: "" };
  const start = Math.max(Math.min(...all), options.from ? quarterIndex(options.from) : -Infinity);
  const end = Math.min(Math.max(...all), options.to ? quarterIndex(options.to) : Infinity);
  const rows: CompareRow[] = [];
  for (let index = start; index <= end; index++) {
    const quarter = quarterFromIndex(index);
    rows.push({ quarter, label: quarterLabel(quarter, locale), values: {}, approximate: [] });
  }
  for (const entry of series) {
    const byQuarter = indexByQuarter(entry.points);
    let baseValue: number | null = null;
    if (mode === "index") {
      const basePoint = base ? byQuarter.get(base) : undefined;
      if (!base || !basePoint || basePoint.value <= 0) {
        notes.push({
          seriesId: entry.id,
          note: zh
            ? base
              ? `基准季度${quarterLabel(base, locale)}没有${basePoint ? "正" : ""}数值，无法换算为指数`
              : "没有所有序列都有数值的季度，因此没有共同的基准"
            : base
              ? `no ${basePoint ? "positive " : ""}value in ${quarterLabel(base)}, the base quarter, so it cannot be indexed`
              : "no quarter in which every series has a value, so there is no common base",
        });
      } else baseValue = basePoint.value;
    }
    for (const row of rows) {
      const point = byQuarter.get(row.quarter);
      let value: number | null = null;
      let approximate = point !== undefined && point.qualifier !== "exact";
      if (point) {
        if (mode === "absolute") value = point.value;
        else if (mode === "yoy") {
          const delta = yoyChange(entry.kind, byQuarter, point);
          value = yoyValue(delta);
          approximate = delta?.approximate ?? false;
        } else if (baseValue !== null) value = (point.value / baseValue) * 100;
      }
      row.values[entry.id] = value;
      if (value !== null && approximate) row.approximate.push(entry.id);
    }
  }
  let axisLabel: string;
  const ratios = series.every((entry) => entry.kind === "ratio");
  if (mode === "absolute") axisLabel = unitLabel(series[0]?.unit ?? "", locale);
  else if (zh) {
    axisLabel =
      mode === "index"
        ? `指数（${base ? quarterLabel(base, locale) : "基准"} = 100）`
        : `同比变化（${ratios ? pointsWord(locale) : "%"}）`;
  } else if (mode === "index") axisLabel = `Index (${base ? quarterLabel(base) : "base"} = 100)`;
  else if (ratios) axisLabel = "YoY change (pp)";
  else axisLabel = "YoY change (%)";
  return { mode, base, rows, notes, axisLabel };
}

/** A brand's series as the comparison page loaded them. */
export interface CompareBrand {
  slug: string;
  name: string;
  series: readonly SeriesDTO[];
}

export interface ComparedSeries extends CompareSeries {
  brandSlug: string;
  metricKey: string;
  /** Set for a derived metric: its definition, formula and the quarters it lacks inputs for. */
  derived: DerivedSeries | null;
}

/**
 * One series per brand and metric, in the order asked for. A metric key is a stored metric or a
 * derived one; keys that are neither are returned as unknown, for the page to name.
 */
export function buildCompareSeries(
  brands: readonly CompareBrand[],
  metricKeys: readonly string[],
  locale: Locale = "en",
): { series: ComparedSeries[]; unknownMetrics: string[] } {
  const unknownMetrics: string[] = [];
  const series: ComparedSeries[] = [];
  for (const key of metricKeys) {
    const definition = getDerivedMetric(key, locale);
    const stored = brands[0]?.series.find((entry) => entry.metric.key === key);
    if (!definition && !stored) {
      unknownMetrics.push(key);
      continue;
    }
    for (const brand of brands) {
      const id = `${brand.slug}:${key}`;
      if (definition) {
        const derived = computeDerivedSeries(definition, brand.series, locale);
        series.push({
          id,
          brandSlug: brand.slug,
          metricKey: key,
          label: `${brand.name} · ${definition.label}`,
          unit: definition.unit,
          kind: definition.kind,
          derived,
          points: derived.points.map((point) => ({
            quarter: point.quarter,
            value: point.value,
            decimals: point.decimals,
            qualifier: point.qualifier,
            evidence: { inputs: point.inputs },
          })),
        });
        continue;
      }
      const own = brand.series.find((entry) => entry.metric.key === key);
      if (!own) continue;
      series.push({
        id,
        brandSlug: brand.slug,
        metricKey: key,
        label: `${brand.name} · ${own.metric.label}`,
        unit: own.metric.unit,
        kind: own.metric.kind,
        derived: null,
        points: own.points.map((point) => ({
          quarter: point.quarter,
          value: point.value,
          decimals: point.decimals,
          qualifier: point.qualifier,
          evidence: { source: point.source },
        })),
      });
    }
  }
  return { series, unknownMetrics };
}
