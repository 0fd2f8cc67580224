/**
 * The "add a quarter" form: its field names, the Zod schema both the browser (for hints) and the
 * server action (for the real check) parse it with, and the state the action returns. The schema
 * depends on the metric catalog (one value and qualifier per metric, each with its own bounds)
 * and on today's date (no quarter in the future), so it is built by a function.
 */
import { z } from "zod";
import { fill } from "@/i18n/fill";
import type { Confirmation } from "./confirmations";
import { type FieldMessageWords, fieldMessage, localizeFieldMessage } from "./field-messages";
import {
  boundedText,
  HttpUrlSchema,
  optionalField,
  PartialDateSchema,
  QualifierSchema,
  requiredText,
  SlugSchema,
  visibleText,
} from "./fields";
import type { Locale } from "./locale";
import type { BoundedMetric } from "./metric-bounds";
import { validateMetricValue } from "./metric-value-rules";
import {
  compareQuarters,
  currentQuarter,
  MAX_YEAR,
  MIN_YEAR,
  type QuarterCode,
  quarterCode,
  quarterLabel,
} from "./quarter";
import type { Qualifier } from "./types";

export type FormMetric = BoundedMetric;

export const SOURCE_TITLE_MAX = 300;
export const NOTE_MAX = 1000;

export const QUARTER_FIELDS = {
  brand: "brand",
  year: "year",
  quarter: "quarter",
  sourceTitle: "sourceTitle",
  sourceUrl: "sourceUrl",
  sourcePublishedOn: "sourcePublishedOn",
  note: "note",
} as const;

/** Where the "at least one value" error is reported: the group of metric inputs. */
export const VALUES_FIELD = "values";
/** The confirmation checkbox and the tokens of what it confirms (see confirmations.ts). */
export const CONFIRM_FIELD = "confirm";
export const CONFIRM_TOKEN_FIELD = "confirmToken";

export function valueField(metricKey: string): string {
  return `value_${metricKey}`;
}

export function qualifierField(metricKey: string): string {
  return `qualifier_${metricKey}`;
}

export interface QuarterFigure {
  metricKey: string;
  value: number;
  /** Digits after the point as typed: "6.0" keeps one. */
  decimals: number;
  qualifier: Qualifier;
}

export interface QuarterInput {
  brand: string;
  quarter: QuarterCode;
  figures: QuarterFigure[];
  source: { title: string; url: string | null; publishedOn: string | null };
  note: string | null;
}

/** What the analyst typed, by field name, kept to re-fill the form after an error. */
export type QuarterFormValues = Record<string, string>;

export interface QuarterFormState {
  status: "idle" | "invalid" | "confirm" | "conflict";
  message: string | null;
  fieldErrors: Record<string, string>;
  values: QuarterFormValues;
  confirmations: Confirmation[];
}

/** More than any field's limit: enough to show back what was typed, not a pasted megabyte. */
const ECHO_LIMIT = 4_000;

export function quarterFieldNames(metrics: readonly FormMetric[]): string[] {
  return [
    ...Object.values(QUARTER_FIELDS),
    ...metrics.flatMap((metric) => [valueField(metric.key), qualifierField(metric.key)]),
  ];
}

/** The form's own fields from a post; anything else in it is ignored, files count as empty. */
export function quarterFormValues(
  formData: Pick<FormData, "get">,
  metrics: readonly FormMetric[],
): QuarterFormValues {
  const values: QuarterFormValues = {};
  for (const name of quarterFieldNames(metrics)) {
    const raw = formData.get(name);
    values[name] = typeof raw === "string" ? raw.slice(0, ECHO_LIMIT) : "";
  }
  return values;
}

const YearSchema = z
  .string()
  .trim()
  .min(1, { message: fieldMessage("required") })
  .regex(/^\d{4}$/, { message: fieldMessage("year") })
  .transform(Number)
  .refine((year) => year >= MIN_YEAR, { message: fieldMessage("yearMin", { year: MIN_YEAR }) })
  .refine((year) => year <= MAX_YEAR, { message: fieldMessage("yearMax", { year: MAX_YEAR }) });

const QuarterNumberSchema = z
  .string()
  .trim()
  .min(1, { message: fieldMessage("required") })
  .regex(/^[Qq]?[1-4]$/, { message: fieldMessage("quarterNumber") })
  .transform((text) => Number(text.replace(/^q/i, "")));

/** A value as typed, checked by the rules every entry path shares (metric-value-rules.ts). */
function metricValueSchema(metric: FormMetric) {
  return z.string().transform((text, ctx) => {
    const check = validateMetricValue(metric, text);
    if (!check.ok) {
      ctx.addIssue({ code: "custom", message: check.message });
      return z.NEVER;
    }
    return { value: check.value, decimals: check.decimals };
  });
}

const QualifierFieldSchema = z.preprocess(
  (raw) => (typeof raw === "string" && raw.trim() === "" ? "exact" : raw),
  QualifierSchema,
);

function notAfter(today: string) {
  return (text: string) => text <= today.slice(0, text.length);
}

export function createQuarterInputSchema(
  metrics: readonly FormMetric[],
  now: Date = new Date(),
): z.ZodType<QuarterInput, QuarterFormValues> {
  const today = now.toISOString().slice(0, 10);
  const latestAllowed = currentQuarter(now);
  const shape: Record<string, z.ZodType> = {
    [QUARTER_FIELDS.brand]: SlugSchema,
    [QUARTER_FIELDS.year]: YearSchema,
    [QUARTER_FIELDS.quarter]: QuarterNumberSchema,
    [QUARTER_FIELDS.sourceTitle]: visibleText(requiredText(SOURCE_TITLE_MAX)),
    [QUARTER_FIELDS.sourceUrl]: optionalField(HttpUrlSchema),
    [QUARTER_FIELDS.sourcePublishedOn]: optionalField(
      PartialDateSchema.refine(notAfter(today), {
        message: fieldMessage("notAfterToday", { today }),
      }),
    ),
    [QUARTER_FIELDS.note]: optionalField(visibleText(boundedText(NOTE_MAX))),
  };
  for (const metric of metrics) {
    shape[valueField(metric.key)] = optionalField(metricValueSchema(metric));
    shape[qualifierField(metric.key)] = QualifierFieldSchema;
  }

  return z
    .object(shape)
    .superRefine(
      (data, ctx) => {
        const year = data[QUARTER_FIELDS.year];
        const quarter = data[QUARTER_FIELDS.quarter];
        if (typeof year === "number" && typeof quarter === "number") {
          const code = quarterCode(year, quarter);
          if (compareQuarters(code, latestAllowed) > 0) {
            ctx.addIssue({
              code: "custom",
              path: [
                year > Number(latestAllowed.slice(0, 4))
                  ? QUARTER_FIELDS.year
                  : QUARTER_FIELDS.quarter,
              ],
              message: fieldMessage("future", {
                quarter: quarterLabel(code),
                latest: quarterLabel(latestAllowed),
              }),
            });
          }
        }
        // A field that failed its own check still holds what was typed, so "typed nothing"
        // is exactly "every value field is empty".
        if (metrics.every((metric) => data[valueField(metric.key)] === undefined)) {
          ctx.addIssue({
            code: "custom",
            path: [VALUES_FIELD],
            message: fieldMessage("required"),
          });
        }
      },
      { when: () => true },
    )
    .transform((data): QuarterInput => {
      const figures: QuarterFigure[] = [];
      for (const metric of metrics) {
        const typed = data[valueField(metric.key)] as
          | { value: number; decimals: number }
          | undefined;
        if (!typed) continue;
        figures.push({
          metricKey: metric.key,
          value: typed.value,
          decimals: typed.decimals,
          qualifier: data[qualifierField(metric.key)] as Qualifier,
        });
      }
      return {
        brand: data[QUARTER_FIELDS.brand] as string,
        quarter: quarterCode(
          data[QUARTER_FIELDS.year] as number,
          data[QUARTER_FIELDS.quarter] as number,
        ),
        figures,
        source: {
          title: data[QUARTER_FIELDS.sourceTitle] as string,
          url: (data[QUARTER_FIELDS.sourceUrl] as string | undefined) ?? null,
          publishedOn: (data[QUARTER_FIELDS.sourcePublishedOn] as string | undefined) ?? null,
        },
        note: (data[QUARTER_FIELDS.note] as string | undefined) ?? null,
      };
    }) as unknown as z.ZodType<QuarterInput, QuarterFormValues>;
}

const FIXED_LABELS = {
  [QUARTER_FIELDS.brand]: "Brand",
  [QUARTER_FIELDS.year]: "Fiscal year",
  [QUARTER_FIELDS.quarter]: "Quarter",
  [QUARTER_FIELDS.sourceTitle]: "Source title",
  [QUARTER_FIELDS.sourceUrl]: "Source URL",
  [QUARTER_FIELDS.sourcePublishedOn]: "Publication date",
  [QUARTER_FIELDS.note]: "Note",
  [VALUES_FIELD]: "At least one metric value",
};

/**
 * The words of the form's field errors (messages `QuarterInput` and `FieldMessages`, see
 * field-messages.ts): the English defaults are these, which the JSON API keeps.
 */
export interface QuarterErrorWords {
  locale: Locale;
  /** "{label} {message}." */
  sentence: string;
  labels: Record<keyof typeof FIXED_LABELS, string>;
  /** "The qualifier of {metric}" */
  qualifierOf: string;
  messages: FieldMessageWords | null;
}

export const QUARTER_ERROR_WORDS_EN: QuarterErrorWords = {
  locale: "en",
  sentence: "{label} {message}.",
  labels: FIXED_LABELS,
  qualifierOf: "The qualifier of {metric}",
  messages: null,
};

/** The name a field's error message starts with: "Total revenue must not be negative ...". */
export function quarterFieldLabel(
  field: string,
  metrics: readonly FormMetric[],
  words: QuarterErrorWords = QUARTER_ERROR_WORDS_EN,
): string {
  const fixed = (words.labels as Record<string, string>)[field];
  if (fixed) return fixed;
  for (const metric of metrics) {
    if (field === valueField(metric.key)) return metric.label;
    if (field === qualifierField(metric.key))
      return fill(words.qualifierOf, { metric: metric.label });
  }
  return field;
}

/** One message per field (its first problem), phrased as a sentence that names the field. */
export function quarterFieldErrors(
  error: z.ZodError,
  metrics: readonly FormMetric[],
  words: QuarterErrorWords = QUARTER_ERROR_WORDS_EN,
): Record<string, string> {
  const found: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? VALUES_FIELD);
    found[field] ??= fill(words.sentence, {
      label: quarterFieldLabel(field, metrics, words),
      message: localizeFieldMessage(issue.message, words.messages, words.locale),
    });
  }
  // In the order the fields appear on the form, so the error summary reads top to bottom.
  const order = [
    QUARTER_FIELDS.brand,
    QUARTER_FIELDS.year,
    QUARTER_FIELDS.quarter,
    VALUES_FIELD,
    ...metrics.flatMap((metric) => [valueField(metric.key), qualifierField(metric.key)]),
    QUARTER_FIELDS.sourceTitle,
    QUARTER_FIELDS.sourceUrl,
    QUARTER_FIELDS.sourcePublishedOn,
    QUARTER_FIELDS.note,
  ];
  const rank = (field: string) => {
    const index = order.indexOf(field);
    return index === -1 ? order.length : index;
  };
  return Object.fromEntries(Object.entries(found).sort(([a], [b]) => rank(a) - rank(b)));
}

export const INITIAL_QUARTER_FORM_STATE: QuarterFormState = {
  status: "idle",
  message: null,
  fieldErrors: {},
  values: {},
  confirmations: [],
};
