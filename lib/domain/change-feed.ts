/**
 * What a brand's feed says (`/feeds/<brand>.atom`): one entry per audited change to a figure or
 * an event, per claim verdict, and per signal finding as it stands now. Each kind of change has
 * one small mapping function to an Atom entry (`ENTRY_MAPPERS`); a new kind adds its change type
 * to `FeedChange` and its mapper, nothing else.
 */
import { fill } from "../../i18n/fill";
import type { AtomEntry } from "./atom-feed";
import { claimHref, type FeedLinks, metricHref, overviewHref } from "./feed-links";
import { formatValue } from "./format";
import type { Locale } from "./locale";
import { type QuarterCode, quarterLabel } from "./quarter";
import type { SignalNumber } from "./signals";
import type { Qualifier, SourceDTO } from "./types";

export * from "./feed-audit-rows";
export * from "./feed-links";

/*
 * The feed's words, in the language its URL names (`?lang=zh`; English by default, since a feed
 * reader sends no cookie), given by the caller (i18n/feed-words.ts) as the other domain modules
 * are given theirs. An entry's id never depends on them: it names the change.
 */
export type FeedWords = typeof import("../../messages/en.signals-claims.json")["ChangeFeed"];

export interface FeedLanguage {
  locale: Locale;
  words: FeedWords;
}

interface FeedSay {
  locale: Locale;
  words: FeedWords;
  say: (
    key: Exclude<keyof FeedWords, "events">,
    values?: Record<string, string | number>,
  ) => string;
}

function feedSay({ locale, words }: FeedLanguage): FeedSay {
  return { locale, words, say: (key, values = {}) => fill(words[key], values) };
}

/** The feed shows the latest changes only: a reader polls it, it is not an archive. */
export const FEED_ENTRY_LIMIT = 50;

/** One stated figure as a revision recorded it. */
export interface FeedFigure {
  value: number;
  decimals: number;
  qualifier: Qualifier;
  /** null when the revision recorded no source: said so, never left out silently. */
  source: SourceDTO | null;
}

export interface ObservationChange {
  kind: "observation";
  auditId: number;
  /** ISO 8601. */
  at: string;
  actor: string;
  brandSlug: string;
  metric: { key: string; label: string; unit: string };
  quarter: QuarterCode;
  change: "new" | "restated" | "withdrawn";
  /** The figure now; null for a withdrawal. */
  figure: FeedFigure | null;
  /** The figure it replaced (restatement, withdrawal). */
  previous: FeedFigure | null;
  /** The revision's note: a restatement's explanation, a withdrawal's reason. */
  note: string | null;
}

export interface EventChange {
  kind: "event";
  auditId: number;
  at: string;
  actor: string;
  brandSlug: string;
  uid: string;
  change: "new" | "changed" | "deleted";
  date: string;
  title: string;
  description: string;
  /** Labels of the metrics the event concerns; null when it concerns all of them. */
  metrics: string[] | null;
  source: SourceDTO | null;
}

/** One stored judgement of a claim (a `ClaimVerdict` row: added only when the result differs). */
export interface VerdictChange {
  kind: "claim_verdict";
  verdictId: number;
  at: string;
  brandSlug: string;
  claimUid: string;
  metric: { key: string; label: string };
  quarter: QuarterCode | null;
  claimant: string;
  /** "nearly +700%" */
  stated: string;
  /** "Overstated" */
  verdict: string;
  /** The verdict this one replaced, when the claim had one. */
  previousVerdict: string | null;
  /** "by 526.6 pp (4.04× what the figures give)", or why it cannot be checked. */
  detail: string | null;
  /** What caused the judgement: "claim created", "restated xiaomi/revenue/2025Q3". */
  trigger: string;
  quote: string;
  source: SourceDTO;
}

/**
 * A signal finding as it stands now. Findings are computed, not stored, so the entry's id is made
 * from what the finding says: the same finding keeps its id, a changed one is a new entry.
 */
export interface SignalChange {
  kind: "signal";
  /**
   * The finding's English words, when the entry says it in another language: the id is made from
   * them, so a finding has one id in every language.
   */
  english?: { title: string; numbers: SignalNumber[] };
  /** When its figures last changed: the newest entry time of the metrics it reads. */
  at: string;
  brandSlug: string;
  findingId: string;
  ruleName: string;
  title: string;
  explanation: string;
  numbers: SignalNumber[];
  /** Path and query of the page it is about ("/metrics/revenue?brand=xiaomi#chart"). */
  path: string;
}

export type FeedChange = ObservationChange | EventChange | VerdictChange | SignalChange;

/**
 * Who a feed entry names. The audit keeps the account's display name, never its email; a name
 * that is itself an address is not printed to the public either.
 */
export function feedAuthor(actor: string, words: FeedWords): string {
  return actor.includes("@") ? words.anEditor : actor;
}

/** Built from the audit row's id, which is never reused: the same change keeps the same id. */
export function auditEntryId(auditId: number): string {
  return `urn:pulse:audit:${auditId}`;
}

export function verdictEntryId(verdictId: number): string {
  return `urn:pulse:claim-verdict:${verdictId}`;
}

/** FNV-1a, 32 bits: a short fingerprint of a finding's text (ids only, not security). */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

/** The same finding saying the same thing has the same id on every request and every server. */
export function signalEntryId(change: SignalChange): string {
  const words = change.english ?? change;
  const said = [
    words.title,
    ...words.numbers.map((number) => `${number.label}=${number.value}`),
  ].join("\n");
  return `urn:pulse:signal:${encodeURIComponent(change.brandSlug)}:${encodeURIComponent(change.findingId)}:${fingerprint(said)}`;
}

function sourceText(source: SourceDTO | null, f: FeedSay): string {
  if (!source) return f.say("sourceNone");
  return f.say("source", {
    title: source.title,
    date: source.publishedOn ? f.say("sourceDate", { date: source.publishedOn }) : "",
    url: source.url ? ` <${source.url}>` : "",
  });
}

function figureText(figure: FeedFigure, unit: string, f: FeedSay): string {
  return formatValue(figure.value, unit, figure.decimals, figure.qualifier, f.locale);
}

function observationEntry(change: ObservationChange, links: FeedLinks, f: FeedSay): AtomEntry {
  const { metric, figure, previous } = change;
  const subject = f.say("subject", {
    metric: metric.label,
    quarter: quarterLabel(change.quarter, f.locale),
  });
  const stated = (one: FeedFigure) =>
    f.say("stated", {
      value: figureText(one, metric.unit, f),
      source: sourceText(one.source, f),
    });
  const note = change.note ? f.say("note", { note: change.note }) : "";
  let title: string;
  let summary: string;
  if (figure === null) {
    title = f.say("withdrawnTitle", {
      subject,
      was: previous ? f.say("wasShort", { value: figureText(previous, metric.unit, f) }) : "",
    });
    summary = f.say("withdrawnSummary", {
      subject,
      was: previous ? f.say("withdrawnWas", { stated: stated(previous) }) : "",
      note,
    });
  } else if (previous) {
    title = f.say("restatedTitle", {
      subject,
      value: figureText(figure, metric.unit, f),
      previous: figureText(previous, metric.unit, f),
    });
    summary = f.say("restatedSummary", {
      subject,
      current: stated(figure),
      previous: stated(previous),
      note,
    });
  } else {
    title = f.say("newTitle", { subject, value: figureText(figure, metric.unit, f) });
    summary = f.say("newSummary", { subject, stated: stated(figure), note });
  }
  return {
    id: auditEntryId(change.auditId),
    title,
    summary,
    href: metricHref(links, change.brandSlug, metric.key),
    updated: change.at,
    author: feedAuthor(change.actor, f.words),
  };
}

function eventEntry(change: EventChange, links: FeedLinks, f: FeedSay): AtomEntry {
  const anchor = change.change === "deleted" ? "#events" : `#event-${change.uid}`;
  const concerns = change.metrics
    ? f.say("concerns", { metrics: change.metrics.join(f.say("listSeparator")) })
    : "";
  return {
    id: auditEntryId(change.auditId),
    title: f.say("eventTitle", {
      change: f.words.events[change.change],
      title: change.title,
      date: change.date,
    }),
    summary: f.say("eventSummary", {
      date: change.date,
      title: change.title,
      description: change.description,
      source: sourceText(change.source, f),
      concerns,
    }),
    href: overviewHref(links, change.brandSlug, anchor),
    updated: change.at,
    author: feedAuthor(change.actor, f.words),
  };
}

function verdictEntry(change: VerdictChange, links: FeedLinks, f: FeedSay): AtomEntry {
  const about = change.quarter
    ? f.say("subject", {
        metric: change.metric.label,
        quarter: quarterLabel(change.quarter, f.locale),
      })
    : change.metric.label;
  const was = change.previousVerdict
    ? f.say("verdictWas", { verdict: change.previousVerdict })
    : "";
  const detail = change.detail ? f.say("verdictDetail", { detail: change.detail }) : "";
  return {
    id: verdictEntryId(change.verdictId),
    title: f.say("verdictTitle", {
      verdict: change.verdict.toLowerCase(),
      was,
      claimant: change.claimant,
      stated: change.stated,
      about,
    }),
    summary: f.say("verdictSummary", {
      claimant: change.claimant,
      quote: change.quote,
      source: sourceText(change.source, f),
      verdict: change.verdict,
      was,
      detail,
      trigger: change.trigger,
    }),
    href: claimHref(links, change.brandSlug, change.metric.key, change.claimUid),
    updated: change.at,
    author: f.say("computedAuthor"),
  };
}

function signalEntry(change: SignalChange, links: FeedLinks, f: FeedSay): AtomEntry {
  const numbers = change.numbers
    .map((number) => f.say("signalNumber", { label: number.label, value: number.value }))
    .join(f.say("numberSeparator"));
  return {
    id: signalEntryId(change),
    title: f.say("signalTitle", { rule: change.ruleName, title: change.title }),
    summary: f.say("signalSummary", {
      title: change.title,
      numbers: numbers ? f.say("signalNumbers", { numbers }) : "",
      explanation: change.explanation,
    }),
    href: `${links.origin}${change.path}`,
    updated: change.at,
    author: f.say("computedAuthor"),
  };
}

type EntryMappers = {
  [K in FeedChange["kind"]]: (
    change: Extract<FeedChange, { kind: K }>,
    links: FeedLinks,
    say: FeedSay,
  ) => AtomEntry;
};

export const ENTRY_MAPPERS: EntryMappers = {
  observation: observationEntry,
  event: eventEntry,
  claim_verdict: verdictEntry,
  signal: signalEntry,
};

function toEntry(change: FeedChange, links: FeedLinks, say: FeedSay): AtomEntry {
  const mapper = ENTRY_MAPPERS[change.kind] as (
    change: FeedChange,
    links: FeedLinks,
    say: FeedSay,
  ) => AtomEntry;
  return mapper(change, links, say);
}

/* Among changes of one instant (a save writes figures, re-judges claims, moves signals): what the
   write caused above the write, as if a moment later; each kind by its row id (signals by their
   finding), so every request orders them alike. */
const KIND_ORDER: Record<FeedChange["kind"], number> = {
  signal: 0,
  claim_verdict: 1,
  event: 2,
  observation: 3,
};

function sequence(change: FeedChange): number {
  if (change.kind === "claim_verdict") return change.verdictId;
  if (change.kind === "signal") return 0;
  return change.auditId;
}

function newestFirst(a: FeedChange, b: FeedChange): number {
  if (a.at !== b.at) return a.at < b.at ? 1 : -1;
  if (a.kind !== b.kind) return KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
  if (a.kind === "signal" && b.kind === "signal") return a.findingId < b.findingId ? -1 : 1;
  return sequence(b) - sequence(a);
}

/** Newest first, at most `limit`, in the same order on every request. */
export function feedEntries(
  changes: readonly FeedChange[],
  links: FeedLinks,
  language: FeedLanguage,
  limit = FEED_ENTRY_LIMIT,
): AtomEntry[] {
  const say = feedSay(language);
  return [...changes]
    .sort(newestFirst)
    .slice(0, limit)
    .map((change) => toEntry(change, links, say));
}
