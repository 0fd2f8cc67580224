/**
 * The event form's input: one schema for the create and edit actions (and their tests), built
 * from the same field rules as the seed files, so that a form cannot store what a seed file could
 * not.
 */
import { z } from "zod";
import { fill } from "@/i18n/fill";
import { type FormErrorWords, fieldMessage, formFieldError } from "./field-messages";
import {
  HttpUrlSchema,
  MetricKeySchema,
  optionalField,
  PartialDateSchema,
  requiredText,
  SlugSchema,
} from "./fields";
import { MAX_YEAR, MIN_YEAR } from "./quarter";
import { EVENT_KINDS } from "./types";

export const EVENT_FIELDS = [
  "date",
  "kind",
  "title",
  "description",
  "sourceTitle",
  "sourceUrl",
  "sourcePublishedOn",
  "quote",
  "metrics",
] as const;
export type EventField = (typeof EVENT_FIELDS)[number];

/** The form's own messages, in English: what the schema says (see field-messages.ts). */
export const EVENT_OWN_MESSAGES = {
  years: "must be in the years {min} to {max}",
  oneLine: "must be a single line (no line breaks)",
  tooManyMetrics: "lists too many metrics",
} as const;

/**
 * The words of the form's field errors (messages `EventInput`); these English ones the API
 * keeps. `brand` is no field: it names the page's address, whose brand is not typed.
 */
export type EventErrorWords = FormErrorWords<EventField | "brand", keyof typeof EVENT_OWN_MESSAGES>;

export const EVENT_ERROR_WORDS_EN: EventErrorWords = {
  locale: "en",
  sentence: "{label} {message}",
  labels: {
    date: "Date",
    kind: "Kind",
    title: "Title",
    description: "One-line description",
    sourceTitle: "Source title",
    sourceUrl: "Source address (URL)",
    sourcePublishedOn: "Source published on",
    quote: "Quote from the source",
    metrics: "Metrics it concerns",
    brand: "The brand in this page's address",
  },
  own: EVENT_OWN_MESSAGES,
  messages: null,
};

const YearInRange = (text: string) => {
  const year = Number(text.slice(0, 4));
  return year >= MIN_YEAR && year <= MAX_YEAR;
};

const EventDateSchema = PartialDateSchema.refine(YearInRange, {
  message: fill(EVENT_OWN_MESSAGES.years, { min: MIN_YEAR, max: MAX_YEAR }),
});

/** Shown as one line under a chart marker, so it must be one. */
const OneLine = (max: number) =>
  requiredText(max).refine((text) => !/[\r\n]/.test(text), {
    message: EVENT_OWN_MESSAGES.oneLine,
  });

/**
 * The metrics an event concerns, as the form sends them (comma-joined checkbox values): an empty
 * list means every metric. Whether each key is in the catalog is checked by the write.
 */
const EventMetricsSchema = z
  .string()
  .max(2000, { message: EVENT_OWN_MESSAGES.tooManyMetrics })
  .transform((text) => [
    ...new Set(
      text
        .split(",")
        .map((key) => key.trim())
        .filter((key) => key !== ""),
    ),
  ])
  .pipe(z.array(MetricKeySchema).max(50, { message: EVENT_OWN_MESSAGES.tooManyMetrics }));

export const EventInputSchema = z.object({
  brand: SlugSchema,
  date: EventDateSchema,
  kind: z.enum(EVENT_KINDS, {
    message: fieldMessage("qualifier", { list: EVENT_KINDS.join(", ") }),
  }),
  title: OneLine(200),
  description: OneLine(300),
  sourceTitle: OneLine(500),
  sourceUrl: optionalField(HttpUrlSchema),
  sourcePublishedOn: optionalField(EventDateSchema),
  quote: optionalField(requiredText(4000)),
  metrics: EventMetricsSchema.default([]),
});
export type EventInput = z.infer<typeof EventInputSchema>;

/** What the form shows after a submit: a message, an error per field, and the values as typed. */
export interface EventFormState {
  message: string | null;
  fieldErrors: Partial<Record<EventField, string>>;
  values: Record<EventField, string>;
}

export const EMPTY_EVENT_VALUES: Record<EventField, string> = {
  date: "",
  kind: "launch",
  title: "",
  description: "",
  sourceTitle: "",
  sourceUrl: "",
  sourcePublishedOn: "",
  quote: "",
  metrics: "",
};

/**
 * The submitted values as text, each cut to a sane length so an error page never echoes megabytes.
 * The metric checkboxes send one value each; `readAll` gives them all, joined with commas.
 */
export function eventFormValues(
  read: (name: string) => unknown,
  readAll: (name: string) => readonly unknown[] = (name) => [read(name)],
): Record<EventField, string> {
  const values = { ...EMPTY_EVENT_VALUES };
  for (const field of EVENT_FIELDS) {
    if (field === "metrics") {
      values.metrics = readAll(field)
        .filter((raw): raw is string => typeof raw === "string")
        .join(",")
        .slice(0, 5000);
      continue;
    }
    const raw = read(field);
    values[field] = typeof raw === "string" ? raw.slice(0, 5000) : "";
  }
  return values;
}

export type ParsedEventInput =
  | { ok: true; input: EventInput }
  | { ok: false; fieldErrors: Partial<Record<EventField, string>>; formError: string | null };

/** Validates the form's values; every problem is reported on its field, in the words given. */
export function parseEventInput(
  brand: string,
  values: Record<EventField, string>,
  words: EventErrorWords = EVENT_ERROR_WORDS_EN,
): ParsedEventInput {
  const result = EventInputSchema.safeParse({ brand, ...values });
  if (result.success) return { ok: true, input: result.data };
  const fieldErrors: Partial<Record<EventField, string>> = {};
  let formError: string | null = null;
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if (typeof field === "string" && (EVENT_FIELDS as readonly string[]).includes(field)) {
      const key = field as EventField;
      fieldErrors[key] ??= formFieldError(key, issue.message, words, EVENT_OWN_MESSAGES);
    } else {
      // Only the brand is outside the visible fields: it comes from the page's link, not typing.
      formError ??= formFieldError("brand", issue.message, words, EVENT_OWN_MESSAGES);
    }
  }
  return { ok: false, fieldErrors, formError };
}
