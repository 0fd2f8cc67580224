/**
 * Signals: findings about a brand's series, each from a named rule with its thresholds and the
 * numbers behind it, so that a reader can check every claim against the chart it links to. Pure:
 * the same series and the same `now` always give the same findings.
 */
import { derivedFrom } from "./frozen-memo";
import { seriesRows } from "./series-view";
import { staleFindings } from "./signal-freshness";
import {
  accelerationFinding,
  divergenceFinding,
  recordFinding,
  shareShiftFindings,
  streakFinding,
} from "./signal-movements";
import {
  DIVERGENCE_PAIRS,
  type MetricRows,
  SIGNAL_RULES,
  type SignalFinding,
  type SignalInput,
} from "./signal-rules";
import { type SignalSay, signalSay } from "./signal-text";

export { expectedLatestQuarter } from "./signal-freshness";
export * from "./signal-rules";

function overstatedClaimFindings(input: SignalInput, s: SignalSay): SignalFinding[] {
  return (input.claims ?? [])
    .filter((claim) => claim.verdict === "overstated")
    .map((claim) => ({
      id: `overstated_claim:${claim.uid}`,
      rule: "overstated_claim" as const,
      ruleName: SIGNAL_RULES.overstated_claim.name,
      metricKey: claim.metricKey,
      metricKeys: [claim.metricKey],
      tone: "bad" as const,
      title: s
        .say("overstatedTitle", {
          claimant: claim.claimant,
          // English names the metric by its key, as it always has; Chinese by its label.
          metric:
            s.locale === "en"
              ? claim.metricKey
              : (input.series.find((series) => series.metric.key === claim.metricKey)?.metric
                  .label ?? claim.metricKey),
          inQuarter: claim.quarter ? s.say("inQuarter", { quarter: s.quarter(claim.quarter) }) : "",
          stated: claim.stated,
          difference: claim.difference ?? "",
        })
        .trim(),
      explanation: SIGNAL_RULES.overstated_claim.explanation,
      numbers: [
        { label: s.say("stated"), value: claim.stated },
        ...(claim.computed ? [{ label: s.say("figuresGive"), value: claim.computed }] : []),
      ],
      href: `/claims?brand=${encodeURIComponent(input.brand.slug)}&metric=${encodeURIComponent(claim.metricKey)}#claim-${claim.uid}`,
      // A claim is not a move of the brand's figures: it ranks after the moves (overview-news.ts).
      moved: null,
    }));
}

/** Every finding for a brand, brand-wide ones first, then by rule and catalog order. */
export function evaluateSignals(input: SignalInput): SignalFinding[] {
  const href = input.metricHref ?? ((key: string) => `/metrics/${key}`);
  // What the figures' findings depend on besides the series. `now` counts by its UTC day (the
  // freshness rules compare it with midnights), and a link maker is known by what it makes of a
  // placeholder key. The claims' findings come last and are not kept: claims change apart.
  const variant = [
    input.brand.slug,
    input.brand.name,
    input.brand.reportingLagDays,
    input.now.toISOString().slice(0, 10),
    input.language.locale,
    href("\u0000"),
  ].join("\u0001");
  const figures = derivedFrom(input.series, variant, () => figureFindings(input, href));
  return [...figures, ...overstatedClaimFindings(input, signalSay(input.language))];
}

function figureFindings(
  input: SignalInput,
  href: (metricKey: string) => string,
): readonly SignalFinding[] {
  const s = signalSay(input.language);
  const all: MetricRows[] = input.series.map((series) => ({
    metric: series.metric,
    rows: seriesRows(series),
  }));
  const byKey = new Map(all.map((entry) => [entry.metric.key, entry]));
  const findings: SignalFinding[] = [];
  const stale = staleFindings(input, all, href, s);
  findings.push(...stale.filter((finding) => finding.rule === "stale_data"));
  for (const entry of all) {
    const finding = streakFinding(entry, href(entry.metric.key), s);
    if (finding) findings.push(finding);
  }
  for (const entry of all) {
    const finding = recordFinding(entry, href(entry.metric.key), s);
    if (finding) findings.push(finding);
  }
  for (const entry of all) {
    const finding = accelerationFinding(entry, href(entry.metric.key), s);
    if (finding) findings.push(finding);
  }
  for (const pair of DIVERGENCE_PAIRS) {
    const a = byKey.get(pair.a);
    const b = byKey.get(pair.b);
    if (!a || !b) continue;
    const finding = divergenceFinding(a, b, href, s);
    if (finding) findings.push(finding);
  }
  findings.push(...shareShiftFindings(input.series, href, s));
  findings.push(...stale.filter((finding) => finding.rule === "metric_not_updated"));
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
