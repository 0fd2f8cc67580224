/**
 * The movement rules over a brand's figures: YoY streaks, records, acceleration, divergence
 * between paired metrics, and shifts of a share.
 */
import { computeDerivedSeries, DERIVED_METRICS } from "./derived-metrics";
import { changeTone, formatNumber, formatValue, pointsWord, roundTo } from "./format";
import { impliedValues } from "./implied-values";
import { type Change, change, changeMagnitude, indexByQuarter, yoyStreak } from "./kpi";
import { shiftQuarter } from "./quarter";
import { type MetricRows, SIGNAL_THRESHOLDS, type SignalFinding } from "./signal-rules";
import {
  changeText,
  lowerFirst,
  pp,
  quarterWord,
  restatementNote,
  rule,
  type SignalSay,
  valueText,
  valueYoy,
} from "./signal-text";
import type { SeriesDTO } from "./types";

const T = SIGNAL_THRESHOLDS;

export function streakFinding(entry: MetricRows, href: string, s: SignalSay): SignalFinding | null {
  const streak = yoyStreak(entry.rows);
  if (!streak || streak.quarters < T.streakMinQuarters) return null;
  const { metric, rows } = entry;
  const latest = rows.at(-1);
  const firstRow = rows.at(-streak.quarters);
  if (!latest?.yoy || !firstRow?.yoy) return null;
  const verb = s.say(streak.direction === "growth" ? "grew" : "fell");
  const magnitudes = rows
    .slice(-streak.quarters)
    .map((row) => (row.yoy ? changeMagnitude(row.yoy) : null))
    .filter((value): value is number => value !== null);
  const unit = metric.kind === "ratio" ? ` ${pointsWord(s.locale)}` : "%";
  const weakest = magnitudes.reduce((a, b) => (Math.abs(a) <= Math.abs(b) ? a : b));
  return {
    id: `yoy_streak:${metric.key}`,
    ...rule("yoy_streak"),
    metricKey: metric.key,
    metricKeys: [metric.key],
    tone: changeTone(streak.direction === "growth" ? 1 : -1, metric.higherIsBetter),
    title: s.say("streakTitle", {
      metric: metric.label,
      verb,
      count: streak.quarters,
      from: s.quarter(firstRow.point.quarter),
      to: s.quarter(latest.point.quarter),
    }),
    numbers: [
      { label: s.say("consecutive"), value: String(streak.quarters) },
      {
        label: s.say("first", { quarter: s.quarter(firstRow.point.quarter) }),
        value: valueYoy(metric, firstRow, firstRow.yoy, s),
      },
      {
        label: s.say("latest", { quarter: s.quarter(latest.point.quarter) }),
        value: valueYoy(metric, latest, latest.yoy, s),
      },
      {
        label: s.say("smallestChange"),
        value: `${weakest > 0 ? "+" : ""}${formatNumber(roundTo(weakest, 1), 1)}${unit}`,
      },
      ...restatementNote(metric, latest, s),
    ],
    href,
    moved: null,
  };
}

export function recordFinding(entry: MetricRows, href: string, s: SignalSay): SignalFinding | null {
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
  const word = s.say(isHigh ? "highest" : "lowest");
  return {
    id: `record:${metric.key}`,
    ...rule("record"),
    metricKey: metric.key,
    metricKeys: [metric.key],
    tone: changeTone(isHigh ? 1 : -1, metric.higherIsBetter),
    title: s.say("recordTitle", {
      metric: metric.label,
      quarter: s.quarter(latest.point.quarter),
      value: valueText(metric, latest, s),
      word,
      count: rows.length,
      first: s.quarter(first.point.quarter),
    }),
    numbers: [
      { label: s.quarter(latest.point.quarter), value: valueText(metric, latest, s) },
      {
        label: s.say("previousRecord", { word, quarter: s.quarter(previous.point.quarter) }),
        value: valueText(metric, previous, s),
      },
      {
        label: s.say("quartersCompared"),
        value: s.say("quartersComparedValue", {
          count: rows.length,
          from: s.quarter(first.point.quarter),
          to: s.quarter(latest.point.quarter),
        }),
      },
      ...(implied.length > 0
        ? [
            {
              label: s.say("implied"),
              value: s.say("impliedValue", {
                count: implied.length,
                quarterWord: quarterWord(implied.length, s),
                quarters: implied
                  .map((value) => s.quarter(value.quarter))
                  .join(s.say("listSeparator")),
                comparison: s.say(isHigh ? "higher" : "lower"),
              }),
            },
          ]
        : []),
      ...restatementNote(metric, latest, s),
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

export function accelerationFinding(
  entry: MetricRows,
  href: string,
  s: SignalSay,
): SignalFinding | null {
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
  const word = s.say(delta > 0 ? "accelerated" : "decelerated");
  return {
    id: `growth_acceleration:${metric.key}`,
    ...rule("growth_acceleration"),
    metricKey: metric.key,
    metricKeys: [metric.key],
    tone: changeTone(delta, metric.higherIsBetter),
    title: s.say("accelerationTitle", {
      metric: metric.label,
      word,
      gap: pp(Math.abs(delta), s.locale).replace(/^\+/, ""),
      count: T.accelerationLookbackQuarters,
      before: changeText(earlier.yoy, s),
      beforeQuarter: s.quarter(earlier.point.quarter),
      after: changeText(latest.yoy, s),
      afterQuarter: s.quarter(latest.point.quarter),
    }),
    numbers: [
      {
        label: s.say("yoyIn", { quarter: s.quarter(earlier.point.quarter) }),
        value: changeText(earlier.yoy, s),
      },
      {
        label: s.say("yoyIn", { quarter: s.quarter(latest.point.quarter) }),
        value: changeText(latest.yoy, s),
      },
      { label: s.say("growthChange"), value: pp(delta, s.locale) },
      ...restatementNote(metric, latest, s),
    ],
    href,
    moved: delta,
  };
}

export function divergenceFinding(
  a: MetricRows,
  b: MetricRows,
  href: (key: string) => string,
  s: SignalSay,
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
      title: s.say("divergenceTitle", {
        fast: fast.label,
        fastChange: changeText(fastRow.yoy as Change, s),
        slow: s.locale === "en" ? lowerFirst(slow.label) : slow.label,
        slowChange: changeText(slowRow.yoy as Change, s),
        quarter: s.quarter(quarter),
        gap: pp(Math.abs(gap), s.locale).replace(/^\+/, ""),
      }),
      numbers: [
        {
          label: s.say("metricInQuarter", { metric: a.metric.label, quarter: s.quarter(quarter) }),
          value: valueYoy(a.metric, rowA, rowA.yoy, s),
        },
        {
          label: s.say("metricInQuarter", { metric: b.metric.label, quarter: s.quarter(quarter) }),
          value: valueYoy(b.metric, rowB, rowB.yoy, s),
        },
        { label: s.say("growthGap"), value: pp(Math.abs(gap), s.locale).replace(/^\+/, "") },
      ],
      href: href(a.metric.key),
      moved: gap,
    };
  }
  return null;
}

export function shareShiftFindings(
  series: readonly SeriesDTO[],
  href: (key: string) => string,
  s: SignalSay,
) {
  const findings: SignalFinding[] = [];
  for (const definition of DERIVED_METRICS.filter((entry) => entry.isShare)) {
    const derived = computeDerivedSeries(definition, series, s.locale);
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
      title: s.say("shareTitle", {
        share: derived.definition.label,
        verb: s.say(delta.pp > 0 ? "rose" : "fell"),
        before: shareText(yearAgo.value),
        beforeQuarter: s.quarter(yearAgo.quarter),
        after: shareText(latest.value),
        afterQuarter: s.quarter(latest.quarter),
        change: pp(delta.pp, s.locale),
      }),
      numbers: [
        {
          label: s.say("metricInQuarter", {
            metric: part.label,
            quarter: s.quarter(latest.quarter),
          }),
          value: formatValue(part.value, part.unit, part.decimals, part.qualifier, s.locale),
        },
        {
          label: s.say("metricInQuarter", {
            metric: whole.label,
            quarter: s.quarter(latest.quarter),
          }),
          value: formatValue(whole.value, whole.unit, whole.decimals, whole.qualifier, s.locale),
        },
        {
          label: s.say("shareIn", { quarter: s.quarter(yearAgo.quarter) }),
          value: shareText(yearAgo.value),
        },
        {
          label: s.say("shareIn", { quarter: s.quarter(latest.quarter) }),
          value: shareText(latest.value),
        },
        { label: s.say("formula"), value: derived.definition.formula },
      ],
      href: href(part.metricKey),
      moved: delta.pp,
    });
  }
  return findings;
}
