"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
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
  ConfirmationRequiredError,
  StaleFigureError,
  UnchangedFigureError,
  UnknownReferenceError,
  WriteConflictError,
} from "@/lib/mutations/errors";
import { restateFigure as restateStoredFigure } from "@/lib/mutations/restate-figure";
import { listMetrics } from "@/lib/queries/metrics";
import { savedNoticeHref } from "@/lib/url-state";
import { requireEditor } from "./require-editor";
import { safeNextPath } from "./safe-redirect";

/** The restate page's action: parse, check the session, one mutation, then the saved notice. */
export async function restateFigure(
  _previous: RestateFormState,
  formData: FormData,
): Promise<RestateFormState> {
  const session = await requireEditor(safeNextPath(formData.get("returnTo")));
  const text = (name: string) => {
    const raw = formData.get(name);
    return typeof raw === "string" ? raw.slice(0, 4_000) : "";
  };
  const values: RestateFormValues = Object.fromEntries(
    RESTATE_FIELDS.filter((name) => name !== "confirm").map((name) => [name, text(name)]),
  );
  const raw = Object.fromEntries(
    [...RESTATE_HIDDEN_FIELDS, ...RESTATE_FIELDS].map((name) => [name, text(name)]),
  );
  const state = (patch: Partial<RestateFormState>): RestateFormState => ({
    status: "invalid",
    message: null,
    fieldErrors: {},
    values,
    confirmations: [],
    ...patch,
  });
  const metric = (await listMetrics()).find((entry) => entry.key === raw.metric);
  if (!metric) {
    return state({ status: "refused", message: "Nothing was saved: this form names no metric." });
  }
  const parsed = createRestateInputSchema(metric).safeParse(raw);
  if (!parsed.success) {
    const fieldErrors = restateFieldErrors(parsed.error);
    const count = Object.keys(fieldErrors).length;
    return state({
      fieldErrors,
      message:
        count > 0
          ? `Nothing was saved: ${count} ${count === 1 ? "field needs" : "fields need"} correcting.`
          : "Nothing was saved: this form does not name a valid figure. Open it again from the metric page.",
    });
  }
  const input = parsed.data;
  const offered = formData
    .getAll(RESTATE_TOKEN_FIELD)
    .filter((token): token is string => typeof token === "string");
  let savedAt: number;
  try {
    ({ savedAt } = await restateStoredFigure({
      ...input,
      actor: session.name,
      confirmedTokens: offered,
    }));
  } catch (error) {
    if (error instanceof UnchangedFigureError) {
      const message = unchangedFigureMessage(metric.label, quarterLabel(input.quarter));
      return state({ message: `Nothing was saved: ${message}`, fieldErrors: { value: message } });
    }
    if (error instanceof ConfirmationRequiredError) {
      return state({
        status: "confirm",
        confirmations: error.confirmations,
        message: "Nothing was saved yet: the new value changes a lot against a year earlier.",
      });
    }
    const message =
      error instanceof StaleFigureError
        ? "Nothing was saved: this figure was restated or withdrawn by someone else since you opened this page. Reload it to see the current figure."
        : error instanceof WriteConflictError
          ? "Nothing was saved: another editor was saving at the same moment. Submit again."
          : error instanceof UnknownReferenceError
            ? `Nothing was saved: there is no ${error.entity} "${error.key}".`
            : null;
    if (message === null) throw error;
    return state({ status: "refused", message });
  }
  revalidatePath("/", "layout");
  redirect(savedNoticeHref(input.brand, input.quarter, savedAt));
}
