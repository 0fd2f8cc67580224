"use server";

import { redirectTo, writeAction } from "@/lib/auth/write";
import { now } from "@/lib/clock";
import { unchangedFigureMessage } from "@/lib/domain/figure-change";
import { quarterLabel } from "@/lib/domain/quarter";
import {
  createRestateInputSchema,
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
  fieldsNeedCorrecting,
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

/** A refused restatement as the form's state: what was typed stays, the error says why. */
async function restateFailure(error: AppError, formData: FormData): Promise<RestateFormState> {
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
    const label = (await listMetrics()).find((metric) => metric.key === key)?.label ?? key ?? "";
    const message = unchangedFigureMessage(label, quarterLabel(error.quarter));
    return state({ message: `Nothing was saved: ${message}`, fieldErrors: { value: message } });
  }
  if (error instanceof ConfirmationRequiredError) {
    return state({
      status: "confirm",
      confirmations: error.confirmations,
      message: "Nothing was saved yet: the new value changes a lot against a year earlier.",
    });
  }
  if (error instanceof ValidationError) {
    return state({ fieldErrors: error.fieldErrors, message: error.message });
  }
  const message =
    error instanceof StaleFigureError
      ? "Nothing was saved: this figure was restated or withdrawn by someone else since you opened this page. Reload it to see the current figure."
      : error instanceof WriteConflictError
        ? "Nothing was saved: another editor was saving at the same moment. Submit again."
        : error instanceof UnknownReferenceError
          ? `Nothing was saved: there is no ${error.entity} "${error.key}".`
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
    const metric = (await listMetrics()).find((entry) => entry.key === raw.metric);
    if (!metric)
      throw new AppError("invalid_input", "Nothing was saved: this form names no metric.");
    const parsed = createRestateInputSchema(metric, now()).safeParse(raw);
    if (!parsed.success) {
      const fieldErrors = restateFieldErrors(parsed.error);
      const count = Object.keys(fieldErrors).length;
      throw new ValidationError(
        fieldErrors,
        count > 0
          ? fieldsNeedCorrecting(count)
          : "Nothing was saved: this form does not name a valid figure. Open it again from the metric page.",
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
