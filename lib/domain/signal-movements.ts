/**
 * The movement rules over a brand's figures: YoY streaks, records, acceleration, divergence
 * between paired metrics, and shifts of a share.
 */
import { computeDerivedSeries, DERIVED_METRICS } from "./derived-metrics";
import { changeTone, formatNumber, formatValue, roundTo } from "./format";
import { impliedValues } from "./implied-values";
import { type Change, change, changeMagnitude, indexByQuarter, yoyStreak } from "./kpi";
import { quarterLabel, shiftQuarter } from "./quarter";
import { type MetricRows, SIGNAL_THRESHOLDS, type SignalFinding } from "./signal-rules";
import { changeText, lowerFirst, pp, restatementNote, rule, valueText } from "./signal-text";
import type { SeriesDTO } from "./types";

const T = SIGNAL_THRESHOLDS;

export function streakFinding(entry: MetricRows, href: string): SignalFinding | null {
  const streak = yoyStreak(entry.rows);
  if (!streak || streak.quarters < T.streakMinQuarters) return null;
  const { metric, rows } = entry;
  const latest = rows.at(-1);
  const firstRow = rows.at(-streak.quarters);
  if (!latest?.yoy || !firstRow?.yoy) return null;
  const verb = streak.direction === "growth" ? "grew" : "fell";
  const magnitudes = rows
    .slice(-streak.quarters)
    .map((row) => (row.yoy ? changeMagnitude(row.yoy) : null))
    .filter((value): value is number => value !== null);
  const unit = metric.kind === "ratio" ? " pp" : "%";
  const weakest = magnitudes.reduce((a, b) => (Math.abs(a) <= Math.abs(b) ? a : b));
  return {
    id: `yoy_streak:${metric.key}`,
    ...rule("yoy_streak"),
    metricKey: metric.key,
    metricKeys: [metric.key],
    tone: changeTone(streak.direction === "growth" ? 1 : -1, metric.higherIsBetter),
    title: `${metric.label} ${verb} YoY for ${streak.quarters} consecutive quarters (${quarterLabel(firstRow.point.quarter)} to ${quarterLabel(latest.point.quarter)})`,
    numbers: [
      { label: "Consecutive quarters", value: String(streak.quarters) },
      {
        label: `First: ${quarterLabel(firstRow.point.quarter)}`,
        value: `${valueText(metric, firstRow)}, ${changeText(firstRow.yoy)} YoY`,
      },
      {
        label: `Latest: ${quarterLabel(latest.point.quarter)}`,
        value: `${valueText(metric, latest)}, ${changeText(latest.yoy)} YoY`,
      },
      {
        label: "Smallest YoY change in the run",
        value: `${weakest > 0 ? "+" : ""}${formatNumber(roundTo(weakest, 1), 1)}${unit}`,
      },
      ...restatementNote(metric, latest),
    ],
    href,
    moved: null,
  };
}

export function recordFinding(entry: MetricRows, href: string): SignalFinding | null {
  const { metric, rows } = entry;
  if (rows.length < T.recordMinQuarters) return null;
  const latest = rows.at(-1);
  const first = rows[0];
  const earlier = rows.slice(0, -1);
  if (!latest || !first) return null;
  const high = earlier.reduce((a, b) => (b.point.value > a.point.value ? b : a));
  const low = earlier.reduce((a, b) => (b.point.value < a.point.value ? b : a));
  const isHigh = latest.point.value > high.point.value;
  const isLow = latest.point.value < low.point.value;
  if (!isHigh && !isLow) return null;
  // Values the stored sources imply for earlier quarters are known values too: a quote saying
  // the margin "rose 3.1 points to 11.2" rules out calling 11.1 the lowest on record.
  const implied = impliedValues(
    metric.kind,
    rows.map((row) => row.point),
  ).filter((value) => value.quarter < latest.point.quarter);
  const contradicted = implied.some((value) =>
    isHigh ? value.value >= latest.point.value : value.value <= latest.point.value,
  );
  if (contradicted) return null;
  const previous = isHigh ? high : low;
  const word = isHigh ? "highest" : "lowest";
  const stored = `${rows.length} stored quarters (since ${quarterLabel(first.point.quarter)})`;
  return {
    id: `record:${metric.key}`,
    ...rule("record"),
    metricKey: metric.key,
    metricKeys: [metric.key],
    tone: changeTone(isHigh ? 1 : -1, metric.higherIsBetter),
    title: `${metric.label} in ${quarterLabel(latest.point.quarter)}, ${valueText(metric, latest)}: the ${word} in the ${stored}`,
    numbers: [
      { label: quarterLabel(latest.point.quarter), value: valueText(metric, latest) },
      {
        label: `Previous ${word} (${quarterLabel(previous.point.quarter)})`,
        value: valueText(metric, previous),
      },
      {
        label: "Quarters compared",
        value: `${rows.length} stored, ${quarterLabel(first.point.quarter)} to ${quarterLabel(latest.point.quarter)}; earlier history not stored`,
      },
      ...(implied.length > 0
        ? [
            {
              label: "Implied by stated YoY changes",
              value: `${implied.length} earlier quarter${implied.length > 1 ? "s" : ""} (${implied.map((value) => quarterLabel(value.quarter)).join(", ")}), none ${isHigh ? "higher" : "lower"}`,
            },
          ]
        : []),
      ...restatementNote(metric, latest),
    ],
    href,
    // How far it passed the previous high or low: percent, or points for a ratio.
    moved:
      metric.kind === "ratio"
        ? latest.point.value - previous.point.value
        : previous.point.value === 0
          ? null
          : ((latest.point.value - previous.point.value) / Math.abs(previous.point.value)) * 100,
  };
}

export function accelerationFinding(entry: MetricRows, href: string): SignalFinding | null {
  const { metric, rows } = entry;
  if (metric.kind === "ratio") return null;
  const latest = rows.at(-1);
  if (!latest?.yoy) return null;
  const earlierQuarter = shiftQuarter(latest.point.quarter, -T.accelerationLookbackQuarters);
  const earlier = rows.find((row) => row.point.quarter === earlierQuarter);
  if (!earlier?.yoy) return null;
  const now = changeMagnitude(latest.yoy);
  const then = changeMagnitude(earlier.yoy);
  if (now === null || then === null) return null;
  const delta = now - then;
  if (Math.abs(delta) < T.accelerationMinPp) return null;
  const word = delta > 0 ? "accelerated" : "decelerated";
  return {
    id: `growth_acceleration:${metric.key}`,
    ...rule("growth_acceleration"),
    metricKey: metric.key,
    metricKeys: [metric.key],
    tone: changeTone(delta, metric.higherIsBetter),
    title: `${metric.label} YoY growth ${word} by ${pp(Math.abs(delta)).replace(/^\+/, "")} in ${T.accelerationLookbackQuarters} quarters: ${changeText(earlier.yoy)} in ${quarterLabel(earlier.point.quarter)}, ${changeText(latest.yoy)} in ${quarterLabel(latest.point.quarter)}`,
    numbers: [
      { label: `YoY ${quarterLabel(earlier.point.quarter)}`, value: changeText(earlier.yoy) },
      { label: `YoY ${quarterLabel(latest.point.quarter)}`, value: changeText(latest.yoy) },
      { label: "Change in growth rate", value: pp(delta) },
      ...restatementNote(metric, latest),
    ],
    href,
    moved: delta,
  };
}

export function divergenceFinding(
  a: MetricRows,
  b: MetricRows,
  href: (key: string) => string,
): SignalFinding | null {
  if (a.metric.kind === "ratio" || b.metric.kind === "ratio") return null;
  const aByQuarter = new Map(a.rows.map((row) => [row.point.quarter, row]));
  // The latest quarter in which both have a YoY change: the same quarter, or no comparison.
  for (let i = b.rows.length - 1; i >= 0; i--) {
    const rowB = b.rows[i];
    const rowA = rowB ? aByQuarter.get(rowB.point.quarter) : undefined;
    if (!rowA?.yoy || !rowB?.yoy) continue;
    const growthA = changeMagnitude(rowA.yoy);
    const growthB = changeMagnitude(rowB.yoy);
    if (growthA === null || growthB === null) return null;
    const gap = growthA - growthB;
    if (Math.abs(gap) < T.divergenceMinPp) return null;
    const [fast, slow, fastRow, slowRow] =
      gap > 0 ? [a.metric, b.metric, rowA, rowB] : [b.metric, a.metric, rowB, rowA];
    const quarter = rowB.point.quarter;
    return {
      id: `growth_divergence:${a.metric.key}:${b.metric.key}`,
      ...rule("growth_divergence"),
      metricKey: a.metric.key,
      metricKeys: [a.metric.key, b.metric.key],
      tone: "neutral",
      title: `${fast.label} ${changeText(fastRow.yoy as Change)} YoY vs ${lowerFirst(slow.label)} ${changeText(slowRow.yoy as Change)} in ${quarterLabel(quarter)}: ${pp(Math.abs(gap)).replace(/^\+/, "")} apart`,
      numbers: [
        {
          label: `${a.metric.label}, ${quarterLabel(quarter)}`,
          value: `${valueText(a.metric, rowA)}, ${changeText(rowA.yoy)} YoY`,
        },
        {
          label: `${b.metric.label}, ${quarterLabel(quarter)}`,
          value: `${valueText(b.metric, rowB)}, ${changeText(rowB.yoy)} YoY`,
        },
        { label: "Gap in growth rates", value: pp(Math.abs(gap)).replace(/^\+/, "") },
      ],
      href: href(a.metric.key),
      moved: gap,
    };
  }
  return null;
}

export function shareShiftFindings(series: readonly SeriesDTO[], href: (key: string) => string) {
  const findings: SignalFinding[] = [];
  for (const definition of DERIVED_METRICS.filter((entry) => entry.isShare)) {
    const derived = computeDerivedSeries(definition, series);
    const latest = derived.points.at(-1);
    if (!latest) continue;
    const byQuarter = indexByQuarter(derived.points);
    const yearAgo = byQuarter.get(shiftQuarter(latest.quarter, -4));
    if (!yearAgo) continue;
    const delta = change("ratio", yearAgo, latest);
    if (delta.kind !== "points" || Math.abs(delta.pp) < T.shareShiftMinPp) continue;
    const [part, whole] = latest.inputs;
    const shareText = (value: number) => `${formatNumber(roundTo(value, 1), 1)}%`;
    findings.push({
      id: `share_shift:${definition.key}`,
      ...rule("share_shift"),
      metricKey: part.metricKey,
      metricKeys: [part.metricKey, whole.metricKey],
      tone: "neutral",
      title: `${definition.label} ${delta.pp > 0 ? "rose" : "fell"} from ${shareText(yearAgo.value)} in ${quarterLabel(yearAgo.quarter)} to ${shareText(latest.value)} in ${quarterLabel(latest.quarter)} (${pp(delta.pp)})`,
      numbers: [
        {
          label: `${part.label}, ${quarterLabel(latest.quarter)}`,
          value: formatValue(part.value, part.unit, part.decimals, part.qualifier),
        },
        {
          label: `${whole.label}, ${quarterLabel(latest.quarter)}`,
          value: formatValue(whole.value, whole.unit, whole.decimals, whole.qualifier),
        },
        { label: `Share ${quarterLabel(yearAgo.quarter)}`, value: shareText(yearAgo.value) },
        { label: `Share ${quarterLabel(latest.quarter)}`, value: shareText(latest.value) },
        { label: "Formula", value: definition.formula },
      ],
      href: href(part.metricKey),
      moved: delta.pp,
    });
  }
  return findings;
}
