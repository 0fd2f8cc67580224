/**
 * The compare page's view model: from the parsed state and what loadCompareView read, the brands
 * and metrics the form offers, the quarters its range can pick, the series drawn or empty, and
 * the chart image's title, range and sources. Pure, so the page only composes.
 */

import { type ChartImageMeta, chartFileBase } from "@/lib/domain/chart-image";
import type { ComparedSeries, CompareMode } from "@/lib/domain/compare";
import { derivedMetrics } from "@/lib/domain/derived-metrics";
import { formatNumber, pointsWord } from "@/lib/domain/format";
import type { Locale } from "@/lib/domain/locale";
import { type QuarterCode, quarterLabel, quarterRange } from "@/lib/domain/quarter";
import type { MetricDTO } from "@/lib/domain/types";
import type { CompareView } from "@/lib/queries/compare-view";
import { type CompareState, compareQuery } from "@/lib/url-state";

const COMPARE_MODE_WORDS: Record<CompareMode, string> = {
  absolute: "absolute values",
  yoy: "YoY change against the same quarter a year earlier",
  index: "indexed to 100 at the base quarter",
};

const COMPARE_MODE_WORDS_ZH: Record<CompareMode, string> = {
  absolute: "绝对值",
  yoy: "与上年同一季度相比的同比变化",
  index: "以基准季度为 100 的指数",
};

/** What the chart shows, in words: the heading's and the image's "absolute values" etc. */
export function compareModeWords(mode: CompareMode, locale: Locale = "en"): string {
  return (locale === "zh" ? COMPARE_MODE_WORDS_ZH : COMPARE_MODE_WORDS)[mode];
}

/** "Xiaomi · Revenue vs Li Auto · Revenue", "小米 · 收入 对比 理想汽车 · 收入". */
function linesTitle(labels: readonly string[], locale: Locale): string {
  return labels.join(locale === "zh" ? " 对比 " : " vs ");
}

/** The drawn quantity of a table cell in YoY or index mode; empty in absolute mode. */
export function compareModeCell(
  value: number | null,
  mode: CompareMode,
  series: Pick<ComparedSeries, "kind">,
  locale: Locale = "en",
): string {
  if (value === null) return "";
  if (mode === "index") return formatNumber(value, 1);
  if (mode === "yoy") {
    const text = `${value > 0 ? "+" : value < 0 ? "-" : ""}${formatNumber(Math.abs(value), 1)}`;
    return series.kind === "ratio" ? `${text} ${pointsWord(locale)}` : `${text}%`;
  }
  return "";
}

export function comparePageView({
  state,
  view,
  offered,
  locale,
  today,
}: {
  state: CompareState;
  view: Pick<CompareView, "allBrands" | "selected" | "loaded" | "series" | "decision" | "table">;
  /** The metrics the chosen brands have figures for, in the reader's language. */
  offered: readonly MetricDTO[];
  locale: Locale;
  today: Date;
}) {
  const { allBrands, selected, loaded, series, decision, table } = view;
  const brands = [...selected, ...allBrands.filter((brand) => !selected.includes(brand))];
  const drawn = series.filter((entry) => entry.points.length > 0);
  const empty = series.filter((entry) => entry.points.length === 0);
  const stored = series.flatMap((entry) => entry.points.map((point) => point.quarter)).sort();
  const first = stored[0];
  const last = stored.at(-1);
  const quarters: QuarterCode[] = first && last ? quarterRange(first, last) : [];
  // Only the metrics the chosen brands have figures for, plus any the address asks for anyway
  // (so that it can be unticked).
  const metrics = [
    ...offered,
    ...series
      .filter(
        (entry) => !entry.derived && !offered.some((metric) => metric.key === entry.metricKey),
      )
      .flatMap((entry) =>
        loaded
          .flatMap((brand) => brand.series)
          .filter((own) => own.metric.key === entry.metricKey)
          .slice(0, 1)
          .map((own) => own.metric),
      ),
  ].filter((metric, index, list) => list.findIndex((other) => other.key === metric.key) === index);
  const derivedShown = derivedMetrics(locale).filter((definition) =>
    state.metrics.includes(definition.key),
  );
  const pointsById = new Map(
    series.map((entry) => [entry.id, new Map(entry.points.map((point) => [point.quarter, point]))]),
  );
  // A shared link keeps the language it was copied in.
  const shareLink = `/compare${compareQuery(state)}${locale === "en" ? "" : `&lang=${locale}`}`;
  const firstRow = table.rows[0];
  const lastRow = table.rows.at(-1);
  const zh = locale === "zh";
  const title = linesTitle(
    drawn.map((entry) => entry.label),
    locale,
  );
  const modeWords = compareModeWords(decision.mode, locale);
  // The chart's heading: what is drawn, how, and the index's base.
  const chartHeading = zh
    ? `${title}：${modeWords}${table.base ? `（${quarterLabel(table.base, locale)} = 100）` : ""}`
    : `${title}: ${modeWords}${table.base ? ` (${quarterLabel(table.base)} = 100)` : ""}`;
  const imageMeta: ChartImageMeta = {
    title,
    unit: table.axisLabel,
    range: zh
      ? `${modeWords}，${firstRow?.label} 至 ${lastRow?.label}`
      : `${modeWords}, ${firstRow?.label} to ${lastRow?.label}`,
    sources: drawn.flatMap((entry) =>
      entry.points.flatMap((point) => {
        const evidence = point.evidence;
        if (!evidence) return [];
        return "source" in evidence
          ? [evidence.source.title]
          : evidence.inputs.map((input) => input.source.title);
      }),
    ),
    date: today.toISOString().slice(0, 10),
    fileBase: chartFileBase({
      brands: [...new Set(drawn.map((entry) => entry.brandSlug))],
      metrics: [...new Set(drawn.map((entry) => entry.metricKey))],
      from: firstRow?.quarter ?? "",
      to: lastRow?.quarter ?? "",
    }),
    locale,
  };
  return {
    brands,
    metrics,
    quarters,
    drawn,
    empty,
    derivedShown,
    pointsById,
    shareLink,
    imageMeta,
    chartHeading,
  };
}

export type ComparePageView = ReturnType<typeof comparePageView>;
