"use server";

import { redirectTo, writeAction } from "@/lib/auth/write";
import {
  type WithdrawFormState,
  WithdrawInputSchema,
  withdrawFieldErrors,
} from "@/lib/domain/withdraw-input";
import {
  type AppError,
  StaleFigureError,
  UnknownReferenceError,
  ValidationError,
  WriteConflictError,
} from "@/lib/errors";
import { deleteObservation } from "@/lib/mutations/delete-observation";
import { metricPageQuery } from "@/lib/url-state";
import { safeNextPath } from "./safe-redirect";

const FIELDS = ["brand", "metric", "quarter", "revision", "reason", "confirm"] as const;

function rawFields(formData: FormData): Record<string, string> {
  return Object.fromEntries(
    FIELDS.map((name) => {
      const value = formData.get(name);
      return [name, typeof value === "string" ? value : ""];
    }),
  );
}

function messageOf(error: AppError): string {
  if (error instanceof StaleFigureError) {
    return "Nothing was withdrawn: this figure was restated or withdrawn by someone else since you opened this page. Reload it to see the current figure.";
  }
  if (error instanceof WriteConflictError) {
    return "Nothing was withdrawn: another editor was saving at the same moment. Submit again.";
  }
  if (error instanceof UnknownReferenceError) {
    return `Nothing was withdrawn: there is no ${error.entity} "${error.key}".`;
  }
  return error.message;
}

/** Withdraws one figure (a revision without a value) after a confirmed, reasoned request. */
export const withdrawFigure = writeAction<[WithdrawFormState, FormData], WithdrawFormState>(
  {
    role: "editor",
    returnTo: (_previous: WithdrawFormState, formData: FormData) =>
      safeNextPath(formData.get("returnTo")),
    onError: (error, _previous, formData): WithdrawFormState => ({
      message: messageOf(error),
      fieldErrors: error instanceof ValidationError ? error.fieldErrors : {},
      values: { reason: (rawFields(formData).reason ?? "").slice(0, 4_000) },
    }),
  },
  async (actor, _previous: WithdrawFormState, formData: FormData) => {
    const parsed = WithdrawInputSchema.safeParse(rawFields(formData));
    if (!parsed.success) {
      const fieldErrors = withdrawFieldErrors(parsed.error);
      throw new ValidationError(
        fieldErrors,
        Object.keys(fieldErrors).length > 0
          ? "Nothing was withdrawn: please correct the highlighted fields."
          : "Nothing was withdrawn: this form does not name a valid figure. Open it again from the metric page.",
      );
    }
    const input = parsed.data;
    await deleteObservation({
      brand: input.brand,
      metricKey: input.metric,
      quarter: input.quarter,
      reason: input.reason,
      expectedRevision: input.revision,
      actor,
    });
    const query = metricPageQuery({ brand: input.brand, view: "bars", from: null, to: null });
    return redirectTo(
      `/metrics/${input.metric}${query}${query ? "&" : "?"}withdrawn=${encodeURIComponent(input.quarter)}`,
    );
  },
);
