/**
 * A metric's words in the reader's language. The catalog carries both (data/metrics.csv
 * `label_zh`, `definition_zh`); pages localise the DTOs they hand to components, so components
 * keep reading `metric.label` and `metric.definition`. An untranslated metric keeps its English.
 */
import type { Locale } from "./locale";
import type { MetricDTO } from "./types";

export function localizeMetric<T extends MetricDTO>(metric: T, locale: Locale): T {
  if (locale !== "zh") return metric;
  return {
    ...metric,
    label: metric.labelZh || metric.label,
    definition: metric.definitionZh || metric.definition,
  };
}

/** The same for every series of a page (`{ metric, points }` and the like). */
export function localizeSeries<T extends { metric: MetricDTO }>(series: T[], locale: Locale): T[] {
  return locale === "zh"
    ? series.map((entry) => ({ ...entry, metric: localizeMetric(entry.metric, locale) }))
    : series;
}
