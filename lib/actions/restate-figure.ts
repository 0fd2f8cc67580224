"use server";

import { formErrorWords } from "@/i18n/field-errors";
import { currentLocale } from "@/i18n/locale";
import { serverTranslator } from "@/i18n/messages";
import { redirectTo, writeAction } from "@/lib/auth/write";
import { now } from "@/lib/clock";
import { localizeMetric } from "@/lib/domain/metric-locale";
import { quarterLabel } from "@/lib/domain/quarter";
import {
  createRestateInputSchema,
  RESTATE_ERROR_WORDS_EN,
  RESTATE_FIELDS,
  RESTATE_HIDDEN_FIELDS,
  RESTATE_TOKEN_FIELD,
  type RestateFormState,
  type RestateFormValues,
  restateFieldErrors,
} from "@/lib/domain/restate-input";
import {
  AppError,
  ConfirmationRequiredError,
  StaleFigureError,
  UnchangedFigureError,
  UnknownReferenceError,
  ValidationError,
  WriteConflictError,
} from "@/lib/errors";
import { restateFigure as restateStoredFigure } from "@/lib/mutations/restate-figure";
import { listMetrics } from "@/lib/queries/metrics";
import { savedNoticeHref } from "@/lib/url-state";
import { safeNextPath } from "./safe-redirect";

function textOf(formData: FormData, name: string): string {
  const raw = formData.get(name);
  return typeof raw === "string" ? raw.slice(0, 4_000) : "";
}

function restateValues(formData: FormData): RestateFormValues {
  return Object.fromEntries(
    RESTATE_FIELDS.filter((name) => name !== "confirm").map((name) => [
      name,
      textOf(formData, name),
    ]),
  );
}

/**
 * A refused restatement as the form's state: what was typed stays, the error says why, in the
 * reader's language (messages `RestateFigure`; the unchanged figure is the quarter form's words).
 */
async function restateFailure(error: AppError, formData: FormData): Promise<RestateFormState> {
  const [t, tQuarter, locale] = await Promise.all([
    serverTranslator("RestateFigure"),
    serverTranslator("AddQuarter"),
    currentLocale(),
  ]);
  const state = (patch: Partial<RestateFormState>): RestateFormState => ({
    status: "invalid",
    message: null,
    fieldErrors: {},
    values: restateValues(formData),
    confirmations: [],
    ...patch,
  });
  if (error instanceof UnchangedFigureError) {
    const key = error.metricKeys[0];
    const stored = (await listMetrics()).find((metric) => metric.key === key);
    const label = stored ? localizeMetric(stored, locale).label : (key ?? "");
    const message = tQuarter("unchanged", {
      label,
      quarter: quarterLabel(error.quarter, locale),
    });
    return state({ message: t("unchanged", { message }), fieldErrors: { value: message } });
  }
  if (error instanceof ConfirmationRequiredError) {
    return state({
      status: "confirm",
      confirmations: error.confirmations,
      message: t("confirm"),
    });
  }
  if (error instanceof ValidationError) {
    return state({ fieldErrors: error.fieldErrors, message: error.message });
  }
  const message =
    error instanceof StaleFigureError
      ? t("stale")
      : error instanceof WriteConflictError
        ? t("conflict")
        : error instanceof UnknownReferenceError
          ? t("unknown", { entity: error.entity, key: error.key })
          : error.message;
  return state({ status: "refused", message });
}

/** The restate page's action: parse, one mutation (through the write wrapper), the saved notice. */
export const restateFigure = writeAction<[RestateFormState, FormData], RestateFormState>(
  {
    role: "editor",
    returnTo: (_previous, formData) => safeNextPath(formData.get("returnTo")),
    onError: (error, _previous, formData) => restateFailure(error, formData),
  },
  async (actor, _previous: RestateFormState, formData: FormData) => {
    const raw = Object.fromEntries(
      [...RESTATE_HIDDEN_FIELDS, ...RESTATE_FIELDS].map((name) => [name, textOf(formData, name)]),
    );
    const [metrics, t, words] = await Promise.all([
      listMetrics(),
      serverTranslator("RestateFigure"),
      formErrorWords("RestateInput", RESTATE_ERROR_WORDS_EN),
    ]);
    const metric = metrics.find((entry) => entry.key === raw.metric);
    if (!metric) throw new AppError("invalid_input", t("noMetric"));
    const parsed = createRestateInputSchema(metric, now()).safeParse(raw);
    if (!parsed.success) {
      const fieldErrors = restateFieldErrors(parsed.error, words);
      const count = Object.keys(fieldErrors).length;
      throw new ValidationError(
        fieldErrors,
        count > 0 ? t("fieldsNeedCorrecting", { count }) : t("invalidFigure"),
      );
    }
    const input = parsed.data;
    const { savedAt } = await restateStoredFigure({
      ...input,
      actor,
      confirmedTokens: formData
        .getAll(RESTATE_TOKEN_FIELD)
        .filter((token): token is string => typeof token === "string"),
    });
    return redirectTo(savedNoticeHref(input.brand, input.quarter, savedAt));
  },
);
