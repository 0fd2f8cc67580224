"use server";

import { redirectTo, writeAction } from "@/lib/auth/write";
import { now } from "@/lib/clock";
import { untrackedMetricMessage } from "@/lib/domain/brand-metrics";
import { SlugSchema } from "@/lib/domain/fields";
import { unchangedFigureMessage } from "@/lib/domain/figure-change";
import { quarterLabel } from "@/lib/domain/quarter";
import {
  CONFIRM_FIELD,
  CONFIRM_TOKEN_FIELD,
  createQuarterInputSchema,
  QUARTER_FIELDS,
  type QuarterFormState,
  quarterFieldErrors,
  quarterFormValues,
  valueField,
} from "@/lib/domain/quarter-input";
import {
  ConfirmationRequiredError,
  MetricNotTrackedError,
  UnchangedFigureError,
  UnknownReferenceError,
  ValidationError,
  WriteConflictError,
} from "@/lib/errors";
import { createQuarterFigures } from "@/lib/mutations/create-quarter-figures";
import { listMetrics } from "@/lib/queries/metrics";
import { DEFAULT_BRAND, quarterFormHref, savedNoticeHref } from "@/lib/url-state";

function offeredTokens(formData: FormData): string[] {
  return formData
    .getAll(CONFIRM_TOKEN_FIELD)
    .filter((token): token is string => typeof token === "string");
}

/**
 * The quarter form's action: parses the post with the same schema the browser uses and saves
 * through createQuarterFigures. Errors come back as form state with what was typed; restatements
 * and extreme changes come back as a list to confirm; a save redirects to the overview, whose
 * notice names what was saved.
 */
export const addQuarter = writeAction<[QuarterFormState, FormData], QuarterFormState>(
  {
    role: "editor",
    returnTo: (_previous: QuarterFormState, formData: FormData) => {
      const brand = SlugSchema.safeParse(formData.get(QUARTER_FIELDS.brand));
      return quarterFormHref(brand.success ? brand.data : DEFAULT_BRAND);
    },
    onError: async (error, _previous, formData): Promise<QuarterFormState> => {
      const metrics = await listMetrics();
      const values = quarterFormValues(formData, metrics);
      const label = (key: string) => metrics.find((metric) => metric.key === key)?.label ?? key;
      const state = (patch: Partial<QuarterFormState>): QuarterFormState => ({
        status: "invalid",
        message: error.message,
        fieldErrors: {},
        values,
        confirmations: [],
        ...patch,
      });
      if (error instanceof ConfirmationRequiredError) {
        const offered = offeredTokens(formData);
        const ticked = formData.get(CONFIRM_FIELD) === "yes";
        const askedBefore = offered.length > 0;
        return state({
          status: "confirm",
          confirmations: error.confirmations,
          message:
            askedBefore && ticked
              ? "The figures changed since you confirmed them. Check the list below and confirm again."
              : "Nothing was saved yet. Please check the figures below and confirm.",
          fieldErrors:
            askedBefore && !ticked
              ? { [CONFIRM_FIELD]: "Tick this box to confirm, or change the figures." }
              : {},
        });
      }
      if (error instanceof MetricNotTrackedError) {
        return state({
          fieldErrors: Object.fromEntries(
            error.metricKeys.map((key) => [
              valueField(key),
              untrackedMetricMessage(
                error.brand.name,
                error.brand.slug,
                label(key),
                error.tracked.map(label),
              ),
            ]),
          ),
        });
      }
      if (error instanceof UnchangedFigureError) {
        const count = error.metricKeys.length;
        return state({
          fieldErrors: Object.fromEntries(
            error.metricKeys.map((key) => [
              valueField(key),
              unchangedFigureMessage(label(key), quarterLabel(error.quarter)),
            ]),
          ),
          message: `Nothing was saved: ${count} ${count === 1 ? "figure is" : "figures are"} stored exactly like this already.`,
        });
      }
      if (error instanceof WriteConflictError) {
        return state({
          status: "conflict",
          message:
            "Another editor was saving figures at the same moment, so nothing of yours was saved. " +
            "Submit again: any figure they stored will be shown for you to confirm.",
        });
      }
      if (error instanceof UnknownReferenceError) {
        const field = error.entity === "brand" ? QUARTER_FIELDS.brand : valueField(error.key);
        const invalid = new ValidationError({
          [field]: `There is no ${error.entity} "${error.key}" in the catalog.`,
        });
        return state({ fieldErrors: invalid.fieldErrors, message: invalid.message });
      }
      if (error instanceof ValidationError) return state({ fieldErrors: error.fieldErrors });
      return state({});
    },
  },
  async (actor, _previous: QuarterFormState, formData: FormData) => {
    const metrics = await listMetrics();
    const values = quarterFormValues(formData, metrics);
    const parsed = createQuarterInputSchema(metrics, now()).safeParse(values);
    if (!parsed.success) throw new ValidationError(quarterFieldErrors(parsed.error, metrics));
    const ticked = formData.get(CONFIRM_FIELD) === "yes";
    const saved = await createQuarterFigures({
      ...parsed.data,
      actor,
      confirmedTokens: ticked ? offeredTokens(formData) : [],
    });
    return redirectTo(savedNoticeHref(saved.brand, saved.quarter, saved.savedAt));
  },
);
