/**
 * The overview's news: what changed in the brand's latest quarter, and the findings ordered by
 * how much they moved. No score and no weights; the rule, written once here:
 *
 * - "What changed": the metrics with a figure in the brand's latest quarter, ordered by the size
 *   of their YoY change (percent for flows and stocks, points for ratios, compared as numbers);
 *   a metric without a year-ago figure comes last. The first few are the headline lines.
 * - Findings: news first, ordered by the size of the move each reports: an acceleration by the
 *   change in growth rate (pp), a divergence by the gap between the two growth rates (pp), a
 *   share shift by the points the share moved, a new high or low by how far it passed the
 *   previous one (percent, or points for ratios). An overstated claim measures no move of the
 *   figures and comes after the moves. Ties keep the rule table's order.
 * - Routine findings (YoY streaks, stale data, a metric not updated) say that something goes on
 *   or is missing, not that something moved: they are folded under the news.
 */
import { type Change, changeMagnitude } from "./kpi";
import { type QuarterCode, quarterIndex } from "./quarter";
import { type PointRow, seriesRows } from "./series-view";
import type { SignalFinding, SignalRuleName } from "./signals";
import type { MetricDTO, SeriesDTO } from "./types";

export const ROUTINE_RULES: readonly SignalRuleName[] = [
  "yoy_streak",
  "stale_data",
  "metric_not_updated",
];

export interface RankedFindings {
  news: SignalFinding[];
  routine: SignalFinding[];
}

/** News ordered by the size of the move (largest first), routine findings apart. */
export function rankFindings(findings: readonly SignalFinding[]): RankedFindings {
  const news = findings
    .map((finding, order) => ({ finding, order }))
    .filter(({ finding }) => !ROUTINE_RULES.includes(finding.rule))
    .sort(
      (a, b) =>
        Math.abs(b.finding.moved ?? 0) - Math.abs(a.finding.moved ?? 0) || a.order - b.order,
    )
    .map(({ finding }) => finding);
  const routine = findings.filter((finding) => ROUTINE_RULES.includes(finding.rule));
  return { news, routine };
}

export interface LatestChange {
  metric: MetricDTO;
  row: PointRow;
  /** The YoY change, null without a year-ago figure. */
  yoy: Change | null;
}

export interface LatestQuarterDigest {
  quarter: QuarterCode;
  /** Every metric with a figure in that quarter, largest YoY move first. */
  changes: LatestChange[];
  /** Metrics whose latest figure is older: named, not dropped. */
  notReported: MetricDTO[];
}

/** The brand's latest quarter and what each metric did in it; null when nothing is stored. */
export function latestQuarterDigest(series: readonly SeriesDTO[]): LatestQuarterDigest | null {
  const withRows = series
    .map((entry) => ({ metric: entry.metric, rows: seriesRows(entry) }))
    .filter((entry) => entry.rows.length > 0);
  const quarter = withRows
    .map((entry) => entry.rows.at(-1)?.point.quarter as QuarterCode)
    .reduce<QuarterCode | null>(
      (latest, code) =>
        latest === null || quarterIndex(code) > quarterIndex(latest) ? code : latest,
      null,
    );
  if (quarter === null) return null;
  const changes: LatestChange[] = [];
  const notReported: MetricDTO[] = [];
  for (const entry of withRows) {
    const row = entry.rows.at(-1);
    if (!row || row.point.quarter !== quarter) {
      notReported.push(entry.metric);
      continue;
    }
    changes.push({ metric: entry.metric, row, yoy: row.yoy });
  }
  const size = (change: LatestChange) => {
    const magnitude = change.yoy ? changeMagnitude(change.yoy) : null;
    return magnitude === null ? -1 : Math.abs(magnitude);
  };
  changes.sort((a, b) => size(b) - size(a));
  return { quarter, changes, notReported };
}
