"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import {
  type WithdrawFormState,
  WithdrawInputSchema,
  withdrawFieldErrors,
} from "@/lib/domain/withdraw-input";
import { deleteObservation } from "@/lib/mutations/delete-observation";
import {
  StaleFigureError,
  UnknownReferenceError,
  WriteConflictError,
} from "@/lib/mutations/errors";
import { metricPageQuery } from "@/lib/url-state";
import { requireEditor } from "./require-editor";
import { safeNextPath } from "./safe-redirect";

/** Withdraws one figure (a revision without a value) after a confirmed, reasoned request. */
export async function withdrawFigure(
  _previous: WithdrawFormState,
  formData: FormData,
): Promise<WithdrawFormState> {
  const session = await requireEditor(safeNextPath(formData.get("returnTo")));
  const raw = Object.fromEntries(
    ["brand", "metric", "quarter", "revision", "reason", "confirm"].map((name) => {
      const value = formData.get(name);
      return [name, typeof value === "string" ? value : ""];
    }),
  );
  const values = { reason: (raw.reason ?? "").slice(0, 4_000) };
  const parsed = WithdrawInputSchema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors = withdrawFieldErrors(parsed.error);
    return {
      message:
        Object.keys(fieldErrors).length > 0
          ? "Nothing was withdrawn: please correct the highlighted fields."
          : "Nothing was withdrawn: this form does not name a valid figure. Open it again from the metric page.",
      fieldErrors,
      values,
    };
  }
  const input = parsed.data;
  try {
    await deleteObservation({
      brand: input.brand,
      metricKey: input.metric,
      quarter: input.quarter,
      reason: input.reason,
      expectedRevision: input.revision,
      actor: session.name,
    });
  } catch (error) {
    const message =
      error instanceof StaleFigureError
        ? "Nothing was withdrawn: this figure was restated or withdrawn by someone else since you opened this page. Reload it to see the current figure."
        : error instanceof WriteConflictError
          ? "Nothing was withdrawn: another editor was saving at the same moment. Submit again."
          : error instanceof UnknownReferenceError
            ? `Nothing was withdrawn: there is no ${error.entity} "${error.key}".`
            : null;
    if (message === null) throw error;
    return { message, fieldErrors: {}, values };
  }
  revalidatePath("/", "layout");
  const query = metricPageQuery({ brand: input.brand, view: "bars", from: null, to: null });
  redirect(
    `/metrics/${input.metric}${query}${query ? "&" : "?"}withdrawn=${encodeURIComponent(input.quarter)}`,
  );
}
