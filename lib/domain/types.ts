import type { QuarterCode } from "./quarter";

/** flow: summed over a period; stock: a level at period end; ratio: a rate for the period. */
export const METRIC_KINDS = ["flow", "stock", "ratio"] as const;
export type MetricKind = (typeof METRIC_KINDS)[number];

/** How the source states a figure: exactly, "about"/"nearly", or "over"/"more than". */
export const QUALIFIERS = ["exact", "approximate", "at_least"] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

/** What kind of thing happened: drawn with the event, filterable later. */
export const EVENT_KINDS = ["launch", "milestone", "recall", "crisis", "other"] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export interface BrandDTO {
  slug: string;
  name: string;
  currency: string;
  description: string;
  /**
   * Simplified Chinese description; null or absent when not translated (lib/domain/brand-locale.ts).
   * Optional: fixtures and synthetic brands need none.
   */
  descriptionZh?: string | null | undefined;
  /** Days after a quarter's end by which its results are out (the stale-data signal's rhythm). */
  reportingLagDays: number;
}

export interface MetricDTO {
  key: string;
  label: string;
  unit: string;
  kind: MetricKind;
  higherIsBetter: boolean;
  definition: string;
  /**
   * Simplified Chinese label and definition, from the catalog; absent or "" when not translated
   * (lib/domain/metric-locale.ts). Optional: derived metrics and fixtures need none.
   */
  labelZh?: string | undefined;
  definitionZh?: string | undefined;
}

export interface SourceDTO {
  title: string;
  url: string | null;
  publishedOn: string | null;
}

/** A superseded revision of a figure, kept visible as history. */
export interface RevisionDTO {
  revision: number;
  value: number | null;
  decimals: number;
  qualifier: Qualifier;
  source: SourceDTO | null;
  createdAt: string;
  createdBy: string;
  supersededAt: string | null;
  supersededBy: string | null;
  /** Why this revision was made (a restatement's note, a withdrawal's reason). */
  note: string | null;
}

/** The current figure of one metric for one quarter, with its evidence. */
export interface PointDTO {
  quarter: QuarterCode;
  value: number;
  decimals: number;
  qualifier: Qualifier;
  source: SourceDTO;
  quote: string | null;
  /** The YoY change in percent the source states beside the figure (flows and stocks), if any. */
  statedYoyPct?: number | null;
  note: string | null;
  revision: number;
  /** When and by whom (the display name at the time) the current revision was entered. */
  enteredAt?: string;
  enteredBy?: string;
  /** Earlier revisions of this quarter's figure, oldest first. */
  history: RevisionDTO[];
}

/** A quarter whose figure was withdrawn: a gap on the charts, its history still shown. */
export interface WithdrawalDTO {
  quarter: QuarterCode;
  revision: number;
  withdrawnAt: string;
  withdrawnBy: string;
  reason: string | null;
  /** The revisions before the withdrawal, oldest first. */
  history: RevisionDTO[];
}

export interface SeriesDTO {
  metric: MetricDTO;
  points: PointDTO[];
  /** Quarters whose current revision withdraws the figure, oldest first. */
  withdrawn: WithdrawalDTO[];
}

/** The current revision of an event, with its evidence. */
export interface EventDTO {
  uid: string;
  brandSlug: string;
  /** YYYY-MM-DD, or YYYY-MM where the source gives only the month. */
  date: string;
  quarter: QuarterCode;
  kind: EventKind;
  title: string;
  description: string;
  quote: string | null;
  /** The metrics the event concerns; null when it concerns every metric of the brand. */
  metricKeys: string[] | null;
  source: SourceDTO;
  revision: number;
  createdAt: string;
  createdBy: string;
}

/** One revision of an event, for its history: what it said, who wrote it and when. */
export interface EventRevisionDTO {
  revision: number;
  date: string;
  kind: EventKind;
  title: string;
  description: string;
  source: SourceDTO;
  deleted: boolean;
  createdAt: string;
  createdBy: string;
  supersededAt: string | null;
  supersededBy: string | null;
}

/** An event with every revision, newest last; `deleted` when its latest revision deletes it. */
export interface EventDetailDTO {
  event: EventDTO;
  deleted: boolean;
  history: EventRevisionDTO[];
}
