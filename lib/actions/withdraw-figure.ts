"use server";

import { formErrorWords } from "@/i18n/field-errors";
import { serverTranslator } from "@/i18n/messages";
import { redirectTo, writeAction } from "@/lib/auth/write";
import {
  WITHDRAW_ERROR_WORDS_EN,
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

/** Why nothing was withdrawn, in the reader's language (messages `WithdrawFigure`). */
async function messageOf(error: AppError): Promise<string> {
  const t = await serverTranslator("WithdrawFigure");
  if (error instanceof StaleFigureError) return t("stale");
  if (error instanceof WriteConflictError) return t("conflict");
  if (error instanceof UnknownReferenceError) {
    return t("unknown", { entity: error.entity, key: error.key });
  }
  return error.message;
}

/** Withdraws one figure (a revision without a value) after a confirmed, reasoned request. */
export const withdrawFigure = writeAction<[WithdrawFormState, FormData], WithdrawFormState>(
  {
    role: "editor",
    returnTo: (_previous: WithdrawFormState, formData: FormData) =>
      safeNextPath(formData.get("returnTo")),
    onError: async (error, _previous, formData): Promise<WithdrawFormState> => ({
      message: await messageOf(error),
      fieldErrors: error instanceof ValidationError ? error.fieldErrors : {},
      values: { reason: (rawFields(formData).reason ?? "").slice(0, 4_000) },
    }),
  },
  async (actor, _previous: WithdrawFormState, formData: FormData) => {
    const parsed = WithdrawInputSchema.safeParse(rawFields(formData));
    if (!parsed.success) {
      const [t, words] = await Promise.all([
        serverTranslator("WithdrawFigure"),
        formErrorWords("WithdrawInput", WITHDRAW_ERROR_WORDS_EN),
      ]);
      const fieldErrors = withdrawFieldErrors(parsed.error, words);
      throw new ValidationError(
        fieldErrors,
        Object.keys(fieldErrors).length > 0 ? t("fieldsNeedCorrecting") : t("invalidFigure"),
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
