/**
 * How a figure is named in the audit log, in claims' triggers and in an import plan:
 * brand/metric/quarter. One format, taken from a CSV row or from a stored figure.
 */
export function figureKey(figure: { brand: string; metric: string; quarter: string }): string {
  return `${figure.brand}/${figure.metric}/${figure.quarter}`;
}

export function storedFigureKey(figure: {
  brandSlug: string;
  metricKey: string;
  quarter: string;
}): string {
  return figureKey({ brand: figure.brandSlug, metric: figure.metricKey, quarter: figure.quarter });
}
