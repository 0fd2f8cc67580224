import { type ClaimFormState, claimFormValues } from "@/lib/domain/claim-input";
import { type AppError, ClaimReferenceError, ValidationError } from "@/lib/errors";

/** A refused claim write as form state: the error's message, its field, the values as typed. */
export function claimFormFailure(error: AppError, formData: FormData): ClaimFormState {
  const values = claimFormValues((name) => formData.get(name));
  if (error instanceof ClaimReferenceError && error.field !== "brand") {
    return {
      message: "Please correct the highlighted fields; nothing was saved.",
      fieldErrors: { [error.field]: error.message },
      values,
    };
  }
  return {
    message: error.message,
    fieldErrors: error instanceof ValidationError ? error.fieldErrors : {},
    values,
  };
}
