import type { QuarterCode } from "./quarter";
import type { PointRow } from "./series-view";
import type { SignalLanguage } from "./signal-text";
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
  /** The language of the findings' sentences: its locale and words (i18n/signal-words.ts). */
  language: SignalLanguage;
}

/** A metric with its rows, oldest first: what every rule reads. */
export interface MetricRows {
  metric: MetricDTO;
  rows: readonly PointRow[];
}
