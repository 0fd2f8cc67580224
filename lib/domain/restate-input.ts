/**
 * The one-figure restate form (`/metrics/<key>/restate`): the figure it names (brand, metric,
 * quarter and the revision the editor saw), the new value and qualifier, the whole source
 * (title, address, date, quote), a note and the one confirmation box. Values follow the rules
 * every entry path shares (metric-value-rules.ts).
 */
import { z } from "zod";
import type { Confirmation } from "./confirmations";
import { type FormErrorWords, fieldMessage, formFieldError } from "./field-messages";
import {
  boundedText,
  HttpUrlSchema,
  MetricKeySchema,
  optionalField,
  PartialDateSchema,
  QualifierSchema,
  QuarterCodeSchema,
  requiredText,
  SlugSchema,
  visibleText,
} from "./fields";
import type { BoundedMetric } from "./metric-bounds";
import { validateMetricValue } from "./metric-value-rules";
import type { QuarterCode } from "./quarter";
import { NOTE_MAX, SOURCE_TITLE_MAX } from "./quarter-input";
import type { Qualifier } from "./types";

export const QUOTE_MAX = 2000;

export const RESTATE_FIELDS = [
  "value",
  "qualifier",
  "sourceTitle",
  "sourceUrl",
  "sourcePublishedOn",
  "quote",
  "note",
  "confirm",
] as const;
export type RestateField = (typeof RESTATE_FIELDS)[number];

export const RESTATE_HIDDEN_FIELDS = ["brand", "metric", "quarter", "revision"] as const;
export const RESTATE_TOKEN_FIELD = "confirmToken";

export interface RestateInput {
  brand: string;
  metric: string;
  quarter: QuarterCode;
  revision: number;
  value: number;
  decimals: number;
  qualifier: Qualifier;
  source: { title: string; url: string | null; publishedOn: string | null };
  quote: string | null;
  note: string | null;
}

export type RestateFormValues = Partial<Record<RestateField, string>>;

export interface RestateFormState {
  status: "idle" | "invalid" | "confirm" | "refused";
  message: string | null;
  fieldErrors: Partial<Record<RestateField, string>>;
  values: RestateFormValues;
  /** An extreme YoY of the new value, to confirm on a second round. */
  confirmations: Confirmation[];
}

/** The form's own messages, in English: what the schema says (see field-messages.ts). */
export const RESTATE_OWN_MESSAGES = {
  revision: "must be a revision number",
  confirm: "must be ticked to save the restatement",
} as const;

/** The words of the form's field errors (messages `RestateInput`); these English ones the API keeps. */
export type RestateErrorWords = FormErrorWords<RestateField, keyof typeof RESTATE_OWN_MESSAGES>;

export const RESTATE_ERROR_WORDS_EN: RestateErrorWords = {
  locale: "en",
  sentence: "{label} {message}.",
  labels: {
    value: "The value",
    qualifier: "The qualifier",
    sourceTitle: "The source title",
    sourceUrl: "The source URL",
    sourcePublishedOn: "The publication date",
    quote: "The quote",
    note: "The note",
    confirm: "The confirmation box",
  },
  own: RESTATE_OWN_MESSAGES,
  messages: null,
};

function notAfter(today: string) {
  return (text: string) => text <= today.slice(0, text.length);
}

export function createRestateInputSchema(metric: BoundedMetric, now: Date = new Date()) {
  const today = now.toISOString().slice(0, 10);
  return z
    .object({
      brand: SlugSchema,
      metric: MetricKeySchema,
      quarter: QuarterCodeSchema,
      revision: z
        .string()
        .trim()
        .regex(/^[1-9]\d{0,8}$/, { message: RESTATE_OWN_MESSAGES.revision })
        .transform(Number),
      value: z.string().transform((text, ctx) => {
        const check = validateMetricValue(metric, text);
        if (!check.ok) {
          ctx.addIssue({ code: "custom", message: check.message });
          return z.NEVER;
        }
        return check;
      }),
      qualifier: QualifierSchema,
      sourceTitle: visibleText(requiredText(SOURCE_TITLE_MAX)),
      sourceUrl: optionalField(HttpUrlSchema),
      sourcePublishedOn: optionalField(
        PartialDateSchema.refine(notAfter(today), {
          message: fieldMessage("notAfterToday", { today }),
        }),
      ),
      quote: optionalField(visibleText(boundedText(QUOTE_MAX))),
      note: optionalField(visibleText(boundedText(NOTE_MAX))),
      confirm: z.literal("yes", { message: RESTATE_OWN_MESSAGES.confirm }),
    })
    .transform(
      (data): RestateInput => ({
        brand: data.brand,
        metric: data.metric,
        quarter: data.quarter,
        revision: data.revision,
        value: data.value.value,
        decimals: data.value.decimals,
        qualifier: data.qualifier,
        source: {
          title: data.sourceTitle,
          url: data.sourceUrl ?? null,
          publishedOn: data.sourcePublishedOn ?? null,
        },
        quote: data.quote ?? null,
        note: data.note ?? null,
      }),
    );
}

/** One sentence per field (its first problem); problems of the hidden fields name no field. */
export function restateFieldErrors(
  error: z.ZodError,
  words: RestateErrorWords = RESTATE_ERROR_WORDS_EN,
): RestateFormState["fieldErrors"] {
  const errors: RestateFormState["fieldErrors"] = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (typeof field === "string" && (RESTATE_FIELDS as readonly string[]).includes(field)) {
      const name = field as RestateField;
      errors[name] ??= formFieldError(name, issue.message, words, RESTATE_OWN_MESSAGES);
    }
  }
  return errors;
}
