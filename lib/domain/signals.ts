/**
 * Signals: findings about a brand's series, each from a named rule with its thresholds and the
 * numbers behind it, so that a reader can check every claim against the chart it links to. Pure:
 * the same series and the same `now` always give the same findings.
 */
import { computeDerivedSeries, DERIVED_METRICS } from "./derived-metrics";
import { changeTone, formatChangeHeadline, formatNumber, formatValue, roundTo } from "./format";
import { impliedValues } from "./implied-values";
import { type Change, change, changeMagnitude, indexByQuarter, yoyStreak } from "./kpi";
import {
  currentQuarter,
  type QuarterCode,
  quarterEndDate,
  quarterIndex,
  quarterLabel,
  shiftQuarter,
} from "./quarter";
import { type PointRow, seriesRows } from "./series-view";
import type { MetricDTO, SeriesDTO } from "./types";

/** Every threshold the rules use, in one place. */
export const SIGNAL_THRESHOLDS = {
  /** A YoY run this long or longer is a finding. */
  streakMinQuarters: 4,
  /** A high or low counts as a record only against at least this many quarters of history. */
  recordMinQuarters: 8,
  /** Acceleration compares the latest YoY with the YoY this many quarters earlier... */
  accelerationLookbackQuarters: 2,
  /** ...and reports a change of at least this many percentage points. */
  accelerationMinPp: 10,
  /** Two metrics' YoY growth rates this many points apart in the same quarter diverge. */
  divergenceMinPp: 10,
  /** A share that moved this many points against the same quarter a year earlier has shifted. */
  shareShiftMinPp: 3,
  /** A metric this many quarters behind the brand's latest reported quarter has stopped updating. */
  metricBehindMinQuarters: 1,
} as const;

/** Metric pairs whose growth is compared: "revenue growing while users stall". */
export const DIVERGENCE_PAIRS: readonly { a: string; b: string }[] = [
  { a: "revenue", b: "mau" },
  { a: "revenue", b: "smartphone_shipments" },
  { a: "revenue", b: "ev_deliveries" },
  { a: "iot_devices", b: "mau" },
];

export const SIGNAL_RULE_NAMES = [
  "stale_data",
  "yoy_streak",
  "record",
  "growth_acceleration",
  "growth_divergence",
  "share_shift",
  "metric_not_updated",
  "overstated_claim",
] as const;
export type SignalRuleName = (typeof SIGNAL_RULE_NAMES)[number];

const T = SIGNAL_THRESHOLDS;

export const SIGNAL_RULES: Record<SignalRuleName, { name: string; explanation: string }> = {
  stale_data: {
    name: "Stale data",
    explanation:
      "The latest stored quarter is older than the brand's reporting rhythm says it should be: a quarter is expected once its results are due (the brand's reporting lag after the quarter ends).",
  },
  yoy_streak: {
    name: "YoY streak",
    explanation: `The metric grew (or fell) against the same quarter a year earlier for at least ${T.streakMinQuarters} consecutive quarters up to the latest; a missing quarter ends the run.`,
  },
  record: {
    name: "Highest or lowest in the stored quarters",
    explanation: `The latest quarter's value is the highest (or lowest) of the stored quarters, with at least ${T.recordMinQuarters} of them; restated figures count at their current value. Only the stored quarters are compared (earlier history may hold higher or lower values), and values that stored sources imply for earlier quarters count too: a stated YoY change ("up 28.1%", "rose 3.1 points to 11.2") gives the year-ago value, and when such a value is higher (or lower), there is no finding.`,
  },
  growth_acceleration: {
    name: "Growth accelerating or decelerating",
    explanation: `The latest YoY growth rate differs by at least ${T.accelerationMinPp} percentage points from the YoY rate ${T.accelerationLookbackQuarters} quarters earlier (flows and stocks only).`,
  },
  growth_divergence: {
    name: "Growth divergence",
    explanation: `Two related metrics' YoY growth rates in the same quarter are at least ${T.divergenceMinPp} percentage points apart.`,
  },
  share_shift: {
    name: "Share shift",
    explanation: `A segment's share of a total moved by at least ${T.shareShiftMinPp} percentage points against the same quarter a year earlier.`,
  },
  metric_not_updated: {
    name: "Metric not updated",
    explanation: `The metric's latest figure is at least ${T.metricBehindMinQuarters} quarter(s) older than the brand's latest reported quarter: the source may have stopped publishing it.`,
  },
  overstated_claim: {
    name: "Overstated claim",
    explanation:
      "A claim about the brand's figures (by the brand, the press, an analyst, ...) states more than the stored figures give, beyond the rounding and hedge it allows (see the claims ledger's tolerance table).",
  },
};

/** A judged claim, as the overstated-claim rule reads it (see lib/domain/claims.ts). */
export interface SignalClaim {
  uid: string;
  verdict: string;
  metricKey: string;
  quarter: QuarterCode | null;
  claimant: string;
  /** "nearly +700%" */
  stated: string;
  /** "173.4%" */
  computed: string | null;
  /** "by 526.6 pp (4.04× what the figures give)" */
  difference: string | null;
}

export interface SignalNumber {
  label: string;
  value: string;
}

export interface SignalFinding {
  /** Stable within a page: rule and metric(s). */
  id: string;
  rule: SignalRuleName;
  ruleName: string;
  /** The metric the finding links to; null for brand-wide findings. */
  metricKey: string | null;
  /** Every metric the finding is about (a divergence or share names two). */
  metricKeys: string[];
  tone: "good" | "bad" | "neutral";
  title: string;
  explanation: string;
  numbers: SignalNumber[];
  href: string;
  /**
   * How much the finding's subject moved, in percent or percentage points (see
   * `lib/domain/overview-news.ts` for what each rule measures); null for routine findings.
   */
  moved: number | null;
}

export interface SignalInput {
  brand: { slug: string; name: string; reportingLagDays: number };
  series: readonly SeriesDTO[];
  now: Date;
  /** Where a finding about a metric links: its chart. */
  metricHref?: (metricKey: string) => string;
  /** The brand's judged claims; only the overstated ones become findings. */
  claims?: readonly SignalClaim[];
}

function overstatedClaimFindings(input: SignalInput): SignalFinding[] {
  return (input.claims ?? [])
    .filter((claim) => claim.verdict === "overstated")
    .map((claim) => ({
      id: `overstated_claim:${claim.uid}`,
      rule: "overstated_claim" as const,
      ruleName: SIGNAL_RULES.overstated_claim.name,
      metricKey: claim.metricKey,
      metricKeys: [claim.metricKey],
      tone: "bad" as const,
      title:
        `${claim.claimant} overstated ${claim.metricKey}${claim.quarter ? ` in ${quarterLabel(claim.quarter)}` : ""}: “${claim.stated}” ${claim.difference ?? ""}`.trim(),
      explanation: SIGNAL_RULES.overstated_claim.explanation,
      numbers: [
        { label: "Stated", value: claim.stated },
        ...(claim.computed ? [{ label: "The figures give", value: claim.computed }] : []),
      ],
      href: `/claims?brand=${encodeURIComponent(input.brand.slug)}&metric=${encodeURIComponent(claim.metricKey)}#claim-${claim.uid}`,
      // A claim is not a move of the brand's figures: it ranks after the moves (overview-news.ts).
      moved: null,
    }));
}

const DAY_MS = 86_400_000;

function addDays(isoDate: string, days: number): Date {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS);
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The latest quarter whose results should be out on `now`: its end plus the reporting lag has
 * passed. A quarter still running, or just ended, is not expected yet.
 */
export function expectedLatestQuarter(now: Date, reportingLagDays: number): QuarterCode {
  let quarter = currentQuarter(now);
  while (addDays(quarterEndDate(quarter), reportingLagDays) > now) {
    quarter = shiftQuarter(quarter, -1);
  }
  return quarter;
}

function rule(name: SignalRuleName) {
  return {
    rule: name,
    ruleName: SIGNAL_RULES[name].name,
    explanation: SIGNAL_RULES[name].explanation,
  };
}

function valueText(metric: MetricDTO, row: PointRow): string {
  return formatValue(row.point.value, metric.unit, row.point.decimals, row.point.qualifier);
}

function changeText(delta: Change): string {
  return formatChangeHeadline(delta);
}

function restatementNote(metric: MetricDTO, row: PointRow): SignalNumber[] {
  const earlier = row.point.history.at(-1);
  if (!earlier) return [];
  const was =
    earlier.value === null
      ? "withdrawn"
      : formatValue(earlier.value, metric.unit, earlier.decimals, earlier.qualifier);
  return [
    {
      label: "Restated",
      value: `${quarterLabel(row.point.quarter)} figure restated (was ${was}); the current figure is used`,
    },
  ];
}

function pp(value: number): string {
  const rounded = roundTo(value, 1);
  return `${rounded > 0 ? "+" : rounded < 0 ? "-" : ""}${formatNumber(Math.abs(rounded), 1)} pp`;
}

function lowerFirst(text: string): string {
  return text.length > 1 && text[1] === text[1]?.toLowerCase()
    ? `${text[0]?.toLowerCase()}${text.slice(1)}`
    : text;
}

interface MetricRows {
  metric: MetricDTO;
  rows: PointRow[];
}

function staleFindings(input: SignalInput, all: MetricRows[], href: (key: string) => string) {
  const findings: SignalFinding[] = [];
  const withData = all.filter((entry) => entry.rows.length > 0);
  if (withData.length === 0) return findings;
  const latestOf = (entry: MetricRows) => entry.rows.at(-1)?.point.quarter as QuarterCode;
  const brandLatest = withData
    .map(latestOf)
    .reduce((a, b) => (quarterIndex(a) >= quarterIndex(b) ? a : b));
  const lead = withData.find((entry) => latestOf(entry) === brandLatest) ?? withData[0];
  const expected = expectedLatestQuarter(input.now, input.brand.reportingLagDays);
  const behind = quarterIndex(expected) - quarterIndex(brandLatest);
  if (behind > 0 && lead) {
    const due = addDays(quarterEndDate(expected), input.brand.reportingLagDays);
    findings.push({
      id: "stale_data",
      ...rule("stale_data"),
      metricKey: null,
      metricKeys: [],
      tone: "bad",
      title: `${input.brand.name}'s data is stale: the latest stored quarter is ${quarterLabel(brandLatest)}, ${behind} quarter${behind > 1 ? "s" : ""} behind ${quarterLabel(expected)}, whose results were due by ${isoDay(due)}`,
      numbers: [
        { label: "Latest stored quarter", value: quarterLabel(brandLatest) },
        { label: "Expected latest quarter", value: quarterLabel(expected) },
        { label: "Quarters missing", value: String(behind) },
        {
          label: "Reporting lag",
          value: `${input.brand.reportingLagDays} days after quarter end`,
        },
        { label: "Checked on", value: isoDay(input.now) },
      ],
      href: href(lead.metric.key),
      moved: null,
    });
  }
  for (const entry of withData) {
    const latest = latestOf(entry);
    const gap = quarterIndex(brandLatest) - quarterIndex(latest);
    if (gap < T.metricBehindMinQuarters) continue;
    findings.push({
      id: `metric_not_updated:${entry.metric.key}`,
      ...rule("metric_not_updated"),
      metricKey: entry.metric.key,
      metricKeys: [entry.metric.key],
      tone: "neutral",
      title: `${entry.metric.label}: no figure since ${quarterLabel(latest)}, while other metrics reach ${quarterLabel(brandLatest)}`,
      numbers: [
        { label: "Latest figure", value: quarterLabel(latest) },
        { label: "Brand's latest quarter", value: quarterLabel(brandLatest) },
        { label: "Quarters behind", value: String(gap) },
      ],
      href: href(entry.metric.key),
      moved: null,
    });
  }
  return findings;
}

function streakFinding(entry: MetricRows, href: string): SignalFinding | null {
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

function recordFinding(entry: MetricRows, href: string): SignalFinding | null {
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

function accelerationFinding(entry: MetricRows, href: string): SignalFinding | null {
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

function divergenceFinding(
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

function shareShiftFindings(series: readonly SeriesDTO[], href: (key: string) => string) {
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

/** Every finding for a brand, brand-wide ones first, then by rule and catalog order. */
export function evaluateSignals(input: SignalInput): SignalFinding[] {
  const href = input.metricHref ?? ((key: string) => `/metrics/${key}`);
  const all: MetricRows[] = input.series.map((series) => ({
    metric: series.metric,
    rows: seriesRows(series),
  }));
  const byKey = new Map(all.map((entry) => [entry.metric.key, entry]));
  const findings: SignalFinding[] = [];
  const stale = staleFindings(input, all, href);
  findings.push(...stale.filter((finding) => finding.rule === "stale_data"));
  for (const entry of all) {
    const finding = streakFinding(entry, href(entry.metric.key));
    if (finding) findings.push(finding);
  }
  for (const entry of all) {
    const finding = recordFinding(entry, href(entry.metric.key));
    if (finding) findings.push(finding);
  }
  for (const entry of all) {
    const finding = accelerationFinding(entry, href(entry.metric.key));
    if (finding) findings.push(finding);
  }
  for (const pair of DIVERGENCE_PAIRS) {
    const a = byKey.get(pair.a);
    const b = byKey.get(pair.b);
    if (!a || !b) continue;
    const finding = divergenceFinding(a, b, href);
    if (finding) findings.push(finding);
  }
  findings.push(...shareShiftFindings(input.series, href));
  findings.push(...stale.filter((finding) => finding.rule === "metric_not_updated"));
  findings.push(...overstatedClaimFindings(input));
  return findings;
}

/** The findings a metric's page shows: those about the metric, and the brand-wide ones. */
export function findingsForMetric(
  findings: readonly SignalFinding[],
  metricKey: string,
): SignalFinding[] {
  return findings.filter(
    (finding) => finding.metricKey === null || finding.metricKeys.includes(metricKey),
  );
}
