"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
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
import { createQuarterFigures, type SavedQuarter } from "@/lib/mutations/create-quarter-figures";
import {
  ConfirmationRequiredError,
  MetricNotTrackedError,
  UnchangedFigureError,
  UnknownReferenceError,
  WriteConflictError,
} from "@/lib/mutations/errors";
import { listMetrics } from "@/lib/queries/metrics";
import { DEFAULT_BRAND, quarterFormHref, savedNoticeHref } from "@/lib/url-state";
import { requireEditor } from "./require-editor";

/**
 * The quarter form's action: checks the session itself, parses the post with the same schema the
 * browser uses, and saves through createQuarterFigures. Errors come back as form state with what
 * was typed; restatements and extreme changes come back as a list to confirm; a save redirects to
 * the overview, whose notice names what was saved.
 */
export async function addQuarter(
  _previous: QuarterFormState,
  formData: FormData,
): Promise<QuarterFormState> {
  const brandField = SlugSchema.safeParse(formData.get(QUARTER_FIELDS.brand));
  const session = await requireEditor(
    quarterFormHref(brandField.success ? brandField.data : DEFAULT_BRAND),
  );
  const metrics = await listMetrics();
  const values = quarterFormValues(formData, metrics);
  const state = (patch: Partial<QuarterFormState>): QuarterFormState => ({
    status: "invalid",
    message: null,
    fieldErrors: {},
    values,
    confirmations: [],
    ...patch,
  });

  const parsed = createQuarterInputSchema(metrics).safeParse(values);
  if (!parsed.success) {
    const fieldErrors = quarterFieldErrors(parsed.error, metrics);
    const count = Object.keys(fieldErrors).length;
    return state({
      fieldErrors,
      message: `Nothing was saved: ${count} ${count === 1 ? "field needs" : "fields need"} correcting.`,
    });
  }

  const ticked = formData.get(CONFIRM_FIELD) === "yes";
  const offered = formData
    .getAll(CONFIRM_TOKEN_FIELD)
    .filter((token): token is string => typeof token === "string");
  let saved: SavedQuarter;
  try {
    saved = await createQuarterFigures({
      ...parsed.data,
      actor: session.name,
      confirmedTokens: ticked ? offered : [],
    });
  } catch (error) {
    if (error instanceof ConfirmationRequiredError) {
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
      const label = (key: string) => metrics.find((metric) => metric.key === key)?.label ?? key;
      const fieldErrors = Object.fromEntries(
        error.metricKeys.map((key) => [
          valueField(key),
          untrackedMetricMessage(
            error.brand.name,
            error.brand.slug,
            label(key),
            error.tracked.map(label),
          ),
        ]),
      );
      return state({
        fieldErrors,
        message: "Nothing was saved: a figure is for a metric the brand does not track.",
      });
    }
    if (error instanceof UnchangedFigureError) {
      const fieldErrors = Object.fromEntries(
        error.metricKeys.map((key) => [
          valueField(key),
          unchangedFigureMessage(
            metrics.find((metric) => metric.key === key)?.label ?? key,
            quarterLabel(parsed.data.quarter),
          ),
        ]),
      );
      const count = error.metricKeys.length;
      return state({
        fieldErrors,
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
      return state({
        fieldErrors: { [field]: `There is no ${error.entity} "${error.key}" in the catalog.` },
        message: "Nothing was saved: 1 field needs correcting.",
      });
    }
    throw error;
  }
  revalidatePath("/", "layout");
  redirect(savedNoticeHref(saved.brand, saved.quarter, saved.savedAt));
}
