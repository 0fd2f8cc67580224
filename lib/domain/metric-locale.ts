/**
 * A metric's words in the reader's language. The catalog carries both (data/metrics.csv
 * `label_zh`, `definition_zh`); pages localise the DTOs they hand to components, so components
 * keep reading `metric.label` and `metric.definition`. An untranslated metric keeps its English.
 */
import { derivedFrom } from "./frozen-memo";
import type { Locale } from "./locale";
import type { MetricDTO } from "./types";

/** A metric's name in the reader's language, for what carries only the label (a claim's metric). */
export function metricLabelIn(
  metric: { label: string; labelZh?: string | undefined },
  locale: Locale,
): string {
  return (locale === "zh" && metric.labelZh) || metric.label;
}

export function localizeMetric<T extends MetricDTO>(metric: T, locale: Locale): T {
  if (locale !== "zh") return metric;
  return {
    ...metric,
    label: metricLabelIn(metric, locale),
    definition: metric.definitionZh || metric.definition,
  };
}

/** The same for every series of a page (`{ metric, points }` and the like). */
export function localizeSeries<T extends { metric: MetricDTO }>(
  series: readonly T[],
  locale: Locale,
): readonly T[] {
  if (locale !== "zh") return series;
  // Kept beside the read memo's series, so that what is derived from them stays kept in Chinese.
  return derivedFrom(series, locale, (all) =>
    all.map((entry) => ({ ...entry, metric: localizeMetric(entry.metric, locale) })),
  );
}
