/**
 * A brand's own metric set: the metrics it tracks, in its order, each with a note on how the
 * brand reports it. Plain shapes, shared by the queries, the components and the checks.
 */
import type { MetricDTO } from "./types";

export interface BrandMetricDTO extends MetricDTO {
  /** How this brand reports the metric ("revenue under US GAAP"), or null. */
  note: string | null;
}

export interface BrandMetricNote {
  brand: string;
  brandName: string;
  metric: string;
  metricLabel: string;
  note: string;
}

export const BRAND_METRIC_NOTE_MAX = 500;

/** The sentence a figure for a metric outside the brand's set is refused with. */
export function untrackedMetricMessage(
  brandName: string,
  brandSlug: string,
  metricLabel: string,
  tracked: readonly string[],
): string {
  return `${brandName} does not track ${metricLabel} (its metrics: ${tracked.join(", ")}); an editor adds it to the brand's metrics first, at /brands/${brandSlug}/metrics`;
}
