/**
 * The freshness rules: a brand whose latest expected quarter has no figure yet (stale data), and
 * a metric left behind while the brand's others moved on (not updated).
 */
import {
  currentQuarter,
  type QuarterCode,
  quarterEndDate,
  quarterIndex,
  shiftQuarter,
} from "./quarter";
import {
  type MetricRows,
  SIGNAL_THRESHOLDS,
  type SignalFinding,
  type SignalInput,
} from "./signal-rules";
import { quarterWord, rule, type SignalSay } from "./signal-text";

const T = SIGNAL_THRESHOLDS;

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

export function staleFindings(
  input: SignalInput,
  all: MetricRows[],
  href: (key: string) => string,
  s: SignalSay,
) {
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
      title: s.say("staleTitle", {
        brand: input.brand.name,
        latest: s.quarter(brandLatest),
        behind,
        quarterWord: quarterWord(behind, s),
        expected: s.quarter(expected),
        due: isoDay(due),
      }),
      numbers: [
        { label: s.say("latestStored"), value: s.quarter(brandLatest) },
        { label: s.say("expectedLatest"), value: s.quarter(expected) },
        { label: s.say("quartersMissing"), value: String(behind) },
        {
          label: s.say("reportingLag"),
          value: s.say("reportingLagValue", { days: input.brand.reportingLagDays }),
        },
        { label: s.say("checkedOn"), value: isoDay(input.now) },
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
      title: s.say("notUpdatedTitle", {
        metric: entry.metric.label,
        latest: s.quarter(latest),
        brandLatest: s.quarter(brandLatest),
      }),
      numbers: [
        { label: s.say("latestFigure"), value: s.quarter(latest) },
        { label: s.say("brandLatest"), value: s.quarter(brandLatest) },
        { label: s.say("quartersBehind"), value: String(gap) },
      ],
      href: href(entry.metric.key),
      moved: null,
    });
  }
  return findings;
}
