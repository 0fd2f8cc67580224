import type { ClaimField, ClaimFormState } from "@/lib/domain/claim-input";
import {
  ClaimConflictError,
  ClaimNotFoundError,
  ClaimReferenceError,
} from "@/lib/mutations/claim-errors";
import { WriteConflictError } from "@/lib/mutations/errors";

/** A refused write as form state: the typed errors become a message, the values stay as typed. */
export function claimWriteFailure(
  error: unknown,
  values: Record<ClaimField, string>,
): ClaimFormState {
  if (error instanceof ClaimReferenceError && error.field !== "brand") {
    return {
      message: "Please correct the highlighted fields; nothing was saved.",
      fieldErrors: { [error.field]: error.message },
      values,
    };
  }
  if (
    error instanceof ClaimConflictError ||
    error instanceof ClaimNotFoundError ||
    error instanceof ClaimReferenceError ||
    error instanceof WriteConflictError
  ) {
    return { message: error.message, fieldErrors: {}, values };
  }
  throw error;
}
