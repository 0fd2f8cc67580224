import { type ClaimFormState, claimFormValues } from "@/lib/domain/claim-input";
import { type AppError, ClaimReferenceError, ValidationError } from "@/lib/errors";
import { recordFailureMessage, recordFormWords } from "./record-form-failure";

/**
 * A refused claim write as form state: the error's message, its field, the values as typed, in
 * the reader's language.
 */
export async function claimFormFailure(
  error: AppError,
  formData: FormData,
): Promise<ClaimFormState> {
  const t = await recordFormWords();
  const values = claimFormValues((name) => formData.get(name));
  if (error instanceof ClaimReferenceError && error.field !== "brand") {
    return {
      message: t("fieldsNeedCorrecting"),
      fieldErrors: { [error.field]: recordFailureMessage(error, t) },
      values,
    };
  }
  return {
    message: recordFailureMessage(error, t),
    fieldErrors: error instanceof ValidationError ? error.fieldErrors : {},
    values,
  };
}
