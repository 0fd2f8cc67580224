/**
 * Events on the timeline and on charts: dates kept as precise as their source ("May 2025", never
 * an invented day), each placed in the quarter it falls in, and split into those a chart's span
 * covers and those before or after it, so that none silently disappears.
 */
import type { Locale } from "./locale";
import { type QuarterCode, quarterIndex, quarterLabel, quarterOfDate } from "./quarter";
import type { EventDTO, EventKind } from "./types";

const MONTHS = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec",
] as const;

const FULL_MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  launch: "Launch",
  milestone: "Milestone",
  recall: "Recall",
  crisis: "Crisis",
  other: "Other",
};

/**
 * The words a chart's event texts need, handed in by the component from the catalog (the
 * TrendChart namespace's `kinds` and `source`): the sentence around them follows the locale.
 */
export interface EventWords {
  locale: Locale;
  kinds: Readonly<Record<EventKind, string>>;
  /** "Source: ", with its own trailing space where the language puts one. */
  source: string;
}

export const EVENT_WORDS_EN: EventWords = {
  locale: "en",
  kinds: EVENT_KIND_LABELS,
  source: "Source: ",
};

/**
 * "28 Mar 2024" for a day, "May 2025" for a month-precise date; in Chinese "2024年3月28日" and
 * "2025年5月".
 */
export function formatEventDate(date: string, locale: Locale = "en"): string {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(date);
  if (!match) throw new RangeError(`Not a date: ${date}`);
  const month = Number(match[2]);
  if (locale === "zh") {
    return `${match[1]}年${month}月${match[3] === undefined ? "" : `${Number(match[3])}日`}`;
  }
  if (match[3] === undefined) return `${FULL_MONTHS[month - 1]} ${match[1]}`;
  return `${Number(match[3])} ${MONTHS[month - 1]} ${match[1]}`;
}

/** Oldest first; a month-precise date sorts before the days of its month. */
export function sortEvents<E extends Pick<EventDTO, "date" | "title">>(events: readonly E[]): E[] {
  return [...events].sort((a, b) =>
    a.date === b.date ? a.title.localeCompare(b.title) : a.date < b.date ? -1 : 1,
  );
}

/** What a chart needs of an event: plain strings, already formatted. */
export interface ChartEvent {
  uid: string;
  date: string;
  dateLabel: string;
  kind: EventKind;
  title: string;
  description: string;
  sourceTitle: string;
  sourceUrl: string | null;
}

/** The events of one point on a chart's category axis (a quarter, or a fiscal year). */
export interface EventMarker {
  /** The axis label the marker sits on, e.g. "Q1 2025" or "FY 2025". */
  label: string;
  events: ChartEvent[];
}

export interface PlacedEvents<E> {
  within: E[];
  /** Events before the span's first quarter. */
  before: E[];
  /** Events after the span's last quarter: not on the chart, so they are listed beside it. */
  after: E[];
}

export function toChartEvent(event: EventDTO, locale: Locale = "en"): ChartEvent {
  return {
    uid: event.uid,
    date: event.date,
    dateLabel: formatEventDate(event.date, locale),
    kind: event.kind,
    title: event.title,
    description: event.description,
    sourceTitle: event.source.title,
    sourceUrl: event.source.url,
  };
}

/**
 * The metric keys an event concerns, from the stored comma-separated list: null (every metric)
 * when the list is empty. Keys are unique and in the order given.
 */
export function parseEventMetricKeys(stored: string | null | undefined): string[] | null {
  const keys = [
    ...new Set(
      (stored ?? "")
        .split(",")
        .map((key) => key.trim())
        .filter((key) => key !== ""),
    ),
  ];
  return keys.length > 0 ? keys : null;
}

/** The stored form of a metric list: comma-separated, or null for every metric. */
export function storedEventMetricKeys(keys: readonly string[] | null | undefined): string | null {
  const unique = [...new Set(keys ?? [])];
  return unique.length > 0 ? unique.join(",") : null;
}

/** Whether an event belongs on a metric's chart: it concerns every metric, or names this one. */
export function eventConcerns(event: Pick<EventDTO, "metricKeys">, metricKey: string): boolean {
  return event.metricKeys === null || event.metricKeys.includes(metricKey);
}

/** The events a metric's chart draws (the timeline keeps every event). */
export function eventsForMetric<E extends Pick<EventDTO, "metricKeys">>(
  events: readonly E[],
  metricKey: string,
): E[] {
  return events.filter((event) => eventConcerns(event, metricKey));
}

/** Splits events by where they fall relative to the quarters [from, to]. */
export function placeEvents<E extends Pick<EventDTO, "date" | "title">>(
  events: readonly E[],
  from: QuarterCode,
  to: QuarterCode,
): PlacedEvents<E> {
  const start = quarterIndex(from);
  const end = quarterIndex(to);
  const placed: PlacedEvents<E> = { within: [], before: [], after: [] };
  for (const event of sortEvents(events)) {
    const index = quarterIndex(quarterOfDate(event.date));
    if (index < start) placed.before.push(event);
    else if (index > end) placed.after.push(event);
    else placed.within.push(event);
  }
  return placed;
}

/**
 * One marker per axis point that has events, in date order. `labelOf` maps an event to the axis
 * point it belongs to (its fiscal year on an annual chart); by default its quarter's label, in
 * the locale the chart's rows are labelled in (a marker sits on the row with its label).
 */
export function eventMarkers(
  events: readonly EventDTO[],
  labelOf?: (event: EventDTO) => string,
  locale: Locale = "en",
): EventMarker[] {
  const markers = new Map<string, EventMarker>();
  for (const event of sortEvents(events)) {
    const label = labelOf ? labelOf(event) : quarterLabel(quarterOfDate(event.date), locale);
    const marker = markers.get(label) ?? { label, events: [] };
    marker.events.push(toChartEvent(event, locale));
    markers.set(label, marker);
  }
  return [...markers.values()];
}

/** An event marker on the overview's small chart: where it sits, its tooltip, its colour. */
export interface MiniChartMarker {
  label: string;
  title: string;
  adverse: boolean;
}

/**
 * Every event of a marker with its date, kind, title and source, one per line. The description
 * is left to the events timeline on the same page: the same event marks every chart it concerns,
 * and its description repeated on thirty charts was a tenth of a large overview.
 */
export function miniChartMarkers(
  markers: readonly EventMarker[],
  words: EventWords = EVENT_WORDS_EN,
): MiniChartMarker[] {
  const zh = words.locale === "zh";
  return markers.map((marker) => ({
    label: marker.label,
    title: marker.events
      .map((event) =>
        zh
          ? `${event.dateLabel} · ${words.kinds[event.kind]}：${event.title}。${words.source}${event.sourceTitle}`
          : `${event.dateLabel} · ${words.kinds[event.kind]}: ${event.title}. ${words.source}${event.sourceTitle}`,
      )
      .join("\n"),
    adverse: marker.events.some((event) => isAdverse(event.kind)),
  }));
}

/** What a screen reader announces for a marker: every event with its date, line and source. */
export function markerDescription(marker: EventMarker, words: EventWords = EVENT_WORDS_EN): string {
  if (words.locale === "zh") {
    const parts = marker.events.map(
      (event) =>
        `${event.dateLabel}，${words.kinds[event.kind]}：${event.title}。${event.description} ${words.source}${event.sourceTitle}。`,
    );
    return `${marker.label}共 ${marker.events.length} 个事件：${parts.join(" ")}`;
  }
  const parts = marker.events.map(
    (event) =>
      `${event.dateLabel}, ${words.kinds[event.kind].toLowerCase()}: ${event.title}. ${event.description} ${words.source}${event.sourceTitle}.`,
  );
  const count = marker.events.length === 1 ? "1 event" : `${marker.events.length} events`;
  return `${count} in ${marker.label}: ${parts.join(" ")}`;
}

/** Crises and recalls are drawn in a warning colour; everything else in the event colour. */
export function isAdverse(kind: EventKind): boolean {
  return kind === "crisis" || kind === "recall";
}
