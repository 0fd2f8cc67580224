/**
 * What the quarter form shows around its inputs: the quarter to offer by default, each metric's
 * latest figure (a reminder of the unit's scale) and the figures already stored per quarter (to
 * say "this restates ..." and preview the YoY as the analyst types). Plain data for the client.
 */
import type { FigureValue } from "./confirmations";
import {
  compareQuarters,
  currentQuarter,
  type QuarterCode,
  quarterIndex,
  shiftQuarter,
} from "./quarter";
import type { FormMetric } from "./quarter-input";
import type { SeriesDTO } from "./types";

export interface StoredFigureHint extends FigureValue {
  sourceTitle: string;
}

export interface FormMetricView extends FormMetric {
  definition: string;
  latest: (FigureValue & { quarter: QuarterCode }) | null;
  /** The current figure of each quarter that has one. */
  stored: Partial<Record<QuarterCode, StoredFigureHint>>;
}

export function quarterFormMetrics(series: readonly SeriesDTO[]): FormMetricView[] {
  return series.map(({ metric, points }) => {
    const stored: FormMetricView["stored"] = {};
    for (const point of points) {
      stored[point.quarter] = {
        value: point.value,
        decimals: point.decimals,
        qualifier: point.qualifier,
        sourceTitle: point.source.title,
      };
    }
    const last = points.reduce<(typeof points)[number] | null>(
      (latest, point) =>
        latest === null || quarterIndex(point.quarter) > quarterIndex(latest.quarter)
          ? point
          : latest,
      null,
    );
    return {
      key: metric.key,
      label: metric.label,
      unit: metric.unit,
      kind: metric.kind,
      definition: metric.definition,
      latest: last
        ? {
            quarter: last.quarter,
            value: last.value,
            decimals: last.decimals,
            qualifier: last.qualifier,
          }
        : null,
      stored,
    };
  });
}

/**
 * The quarter after the latest one any metric has, as results come out in order; never a quarter
 * that has not started. With nothing stored, the last complete quarter.
 */
export function defaultQuarterToAdd(series: readonly SeriesDTO[], now: Date): QuarterCode {
  const current = currentQuarter(now);
  const quarters = series.flatMap(({ points }) => points.map((point) => point.quarter));
  if (quarters.length === 0) return shiftQuarter(current, -1);
  const latest = quarters.reduce((a, b) => (compareQuarters(a, b) >= 0 ? a : b));
  const next = shiftQuarter(latest, 1);
  return compareQuarters(next, current) > 0 ? current : next;
}
