/**
 * A claim as entered: one schema for the form, the CSV import and the seed file, built from the
 * same field rules as the figures, so that no entry point can store what another would refuse.
 */
import { z } from "zod";
import { CLAIM_COMPARISONS, CLAIM_KINDS, CLAIMANT_KINDS, type ClaimKind, HEDGES } from "./claims";
import { type FormErrorWords, fieldMessage, formFieldError } from "./field-messages";
import {
  DecimalLiteralSchema,
  HttpUrlSchema,
  MetricKeySchema,
  optionalField,
  PartialDateSchema,
  QuarterCodeSchema,
  requiredText,
  SlugSchema,
} from "./fields";
import { normalizeQuarterText } from "./quarter-text";

export const CLAIM_FIELDS = [
  "claimantKind",
  "claimant",
  "sourceTitle",
  "sourceUrl",
  "sourcePublishedOn",
  "quote",
  "metric",
  "quarter",
  "kind",
  "comparison",
  "statedValue",
  "statedUnit",
  "hedge",
  "relativeMetric",
  "note",
] as const;
export type ClaimField = (typeof CLAIM_FIELDS)[number];

/** The form's own messages, in English: what the schema says (see field-messages.ts). */
export const CLAIM_OWN_MESSAGES = {
  quarterNeeded: "is required for this kind of claim",
  comparisonNeeded: "must be yoy or qoq for this kind of claim",
  shareOfNeeded: "is required for a share",
  changeUnit: "must be % or pp for a change",
  shareUnit: "must be % for a share",
} as const;

/**
 * The words of the form's field errors (messages `ClaimInput`); these English ones the import
 * and the API keep. `brand` is no field: it names the page's address, whose brand is not typed.
 */
export type ClaimErrorWords = FormErrorWords<ClaimField | "brand", keyof typeof CLAIM_OWN_MESSAGES>;

export const CLAIM_ERROR_WORDS_EN: ClaimErrorWords = {
  locale: "en",
  sentence: "{label} {message}",
  labels: {
    claimantKind: "Who made it",
    claimant: "Claimant's name",
    sourceTitle: "Source title",
    sourceUrl: "Source address (URL)",
    sourcePublishedOn: "Source published on",
    quote: "Quote",
    metric: "Metric",
    quarter: "Quarter",
    kind: "Kind of claim",
    comparison: "Compared with",
    statedValue: "Stated number",
    statedUnit: "Stated unit",
    hedge: "Hedge",
    relativeMetric: "Share of metric",
    note: "Note",
    brand: "The brand in this page's address",
  },
  own: CLAIM_OWN_MESSAGES,
  messages: null,
};

const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { message: fieldMessage("qualifier", { list: values.join(", ") }) });

/** Kinds that compare two quarters and so need "yoy" or "qoq". */
const COMPARED: readonly ClaimKind[] = ["change", "multiple", "streak"];

export const ClaimInputSchema = z
  .object({
    brand: SlugSchema,
    claimantKind: oneOf(CLAIMANT_KINDS),
    claimant: requiredText(200),
    sourceTitle: requiredText(500),
    sourceUrl: optionalField(HttpUrlSchema),
    sourcePublishedOn: optionalField(PartialDateSchema),
    quote: requiredText(4000),
    metric: MetricKeySchema,
    // "Q3 2025", as the app displays quarters, is 2025Q3 (as in the figures' form and import).
    quarter: optionalField(z.preprocess(normalizeQuarterText, QuarterCodeSchema)),
    kind: oneOf(CLAIM_KINDS),
    comparison: optionalField(oneOf(CLAIM_COMPARISONS)),
    statedValue: DecimalLiteralSchema,
    statedUnit: requiredText(20),
    hedge: oneOf(HEDGES),
    relativeMetric: optionalField(MetricKeySchema),
    note: optionalField(requiredText(1000)),
  })
  .superRefine((claim, ctx) => {
    if (claim.kind !== "cumulative" && !claim.quarter) {
      ctx.addIssue({
        code: "custom",
        path: ["quarter"],
        message: CLAIM_OWN_MESSAGES.quarterNeeded,
      });
    }
    if (COMPARED.includes(claim.kind) && !claim.comparison) {
      ctx.addIssue({
        code: "custom",
        path: ["comparison"],
        message: CLAIM_OWN_MESSAGES.comparisonNeeded,
      });
    }
    if (claim.kind === "share" && !claim.relativeMetric) {
      ctx.addIssue({
        code: "custom",
        path: ["relativeMetric"],
        message: CLAIM_OWN_MESSAGES.shareOfNeeded,
      });
    }
    if (claim.kind === "change" && claim.statedUnit !== "%" && claim.statedUnit !== "pp") {
      ctx.addIssue({
        code: "custom",
        path: ["statedUnit"],
        message: CLAIM_OWN_MESSAGES.changeUnit,
      });
    }
    if (claim.kind === "share" && claim.statedUnit !== "%") {
      ctx.addIssue({ code: "custom", path: ["statedUnit"], message: CLAIM_OWN_MESSAGES.shareUnit });
    }
  });
export type ClaimInput = z.infer<typeof ClaimInputSchema>;

export interface ClaimFormState {
  message: string | null;
  fieldErrors: Partial<Record<ClaimField, string>>;
  values: Record<ClaimField, string>;
}

export const EMPTY_CLAIM_VALUES: Record<ClaimField, string> = {
  claimantKind: "press",
  claimant: "",
  sourceTitle: "",
  sourceUrl: "",
  sourcePublishedOn: "",
  quote: "",
  metric: "",
  quarter: "",
  kind: "change",
  comparison: "yoy",
  statedValue: "",
  statedUnit: "%",
  hedge: "exact",
  relativeMetric: "",
  note: "",
};

/** The submitted values as text, each cut to a sane length so an error page never echoes megabytes. */
export function claimFormValues(read: (name: string) => unknown): Record<ClaimField, string> {
  const values = { ...EMPTY_CLAIM_VALUES };
  for (const field of CLAIM_FIELDS) {
    const raw = read(field);
    values[field] = typeof raw === "string" ? raw.slice(0, 5000) : "";
  }
  return values;
}

export type ParsedClaimInput =
  | { ok: true; input: ClaimInput }
  | { ok: false; fieldErrors: Partial<Record<ClaimField, string>>; formError: string | null };

/** Validates the values; every problem is reported on its field, in the words given. */
export function parseClaimInput(
  brand: string,
  values: Record<ClaimField, string>,
  words: ClaimErrorWords = CLAIM_ERROR_WORDS_EN,
): ParsedClaimInput {
  const result = ClaimInputSchema.safeParse({ brand, ...values });
  if (result.success) return { ok: true, input: result.data };
  const fieldErrors: Partial<Record<ClaimField, string>> = {};
  let formError: string | null = null;
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if (typeof field === "string" && (CLAIM_FIELDS as readonly string[]).includes(field)) {
      const key = field as ClaimField;
      fieldErrors[key] ??= formFieldError(key, issue.message, words, CLAIM_OWN_MESSAGES);
    } else {
      formError ??= formFieldError("brand", issue.message, words, CLAIM_OWN_MESSAGES);
    }
  }
  return { ok: false, fieldErrors, formError };
}
