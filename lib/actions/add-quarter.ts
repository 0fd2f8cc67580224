"use server";

import { quarterErrorWords } from "@/i18n/field-errors";
import { currentLocale } from "@/i18n/locale";
import { serverTranslator } from "@/i18n/messages";
import { redirectTo, writeAction } from "@/lib/auth/write";
import { now } from "@/lib/clock";
import { SlugSchema } from "@/lib/domain/fields";
import { localizeMetric } from "@/lib/domain/metric-locale";
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
 * notice names what was saved. Its words are the reader's language (messages `AddQuarter`, and
 * the field errors through i18n/field-errors.ts); the JSON API says the same in English.
 */
export const addQuarter = writeAction<[QuarterFormState, FormData], QuarterFormState>(
  {
    role: "editor",
    returnTo: (_previous: QuarterFormState, formData: FormData) => {
      const brand = SlugSchema.safeParse(formData.get(QUARTER_FIELDS.brand));
      return quarterFormHref(brand.success ? brand.data : DEFAULT_BRAND);
    },
    onError: async (error, _previous, formData): Promise<QuarterFormState> => {
      const [stored, t, locale] = await Promise.all([
        listMetrics(),
        serverTranslator("AddQuarter"),
        currentLocale(),
      ]);
      const metrics = stored.map((metric) => localizeMetric(metric, locale));
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
          message: askedBefore && ticked ? t("changed") : t("confirm"),
          fieldErrors: askedBefore && !ticked ? { [CONFIRM_FIELD]: t("tick") } : {},
        });
      }
      if (error instanceof MetricNotTrackedError) {
        return state({
          fieldErrors: Object.fromEntries(
            error.metricKeys.map((key) => [
              valueField(key),
              t("untracked", {
                brand: error.brand.name,
                slug: error.brand.slug,
                metric: label(key),
                tracked: error.tracked.map(label).join(t("listSeparator")),
              }),
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
              t("unchanged", { label: label(key), quarter: quarterLabel(error.quarter, locale) }),
            ]),
          ),
          message: t("unchangedSummary", { count }),
        });
      }
      if (error instanceof WriteConflictError) {
        return state({
          status: "conflict",
          message: t("conflict"),
        });
      }
      if (error instanceof UnknownReferenceError) {
        const field = error.entity === "brand" ? QUARTER_FIELDS.brand : valueField(error.key);
        const invalid = new ValidationError({
          [field]: t(error.entity === "brand" ? "unknownBrand" : "unknownMetric", {
            key: error.key,
          }),
        });
        return state({ fieldErrors: invalid.fieldErrors, message: invalid.message });
      }
      if (error instanceof ValidationError) return state({ fieldErrors: error.fieldErrors });
      return state({});
    },
  },
  async (actor, _previous: QuarterFormState, formData: FormData) => {
    const [stored, locale, words] = await Promise.all([
      listMetrics(),
      currentLocale(),
      quarterErrorWords(),
    ]);
    const metrics = stored.map((metric) => localizeMetric(metric, locale));
    const values = quarterFormValues(formData, metrics);
    const parsed = createQuarterInputSchema(metrics, now()).safeParse(values);
    if (!parsed.success) {
      throw new ValidationError(quarterFieldErrors(parsed.error, metrics, words));
    }
    const ticked = formData.get(CONFIRM_FIELD) === "yes";
    const saved = await createQuarterFigures({
      ...parsed.data,
      actor,
      confirmedTokens: ticked ? offeredTokens(formData) : [],
    });
    return redirectTo(savedNoticeHref(saved.brand, saved.quarter, saved.savedAt));
  },
);
