"use server";

import { redirectTo, writeAction } from "@/lib/auth/write";
import { type ClaimFormState, claimFormValues, parseClaimInput } from "@/lib/domain/claim-input";
import { AppError, ValidationError } from "@/lib/errors";
import { reviseClaim } from "@/lib/mutations/revise-claim";
import { claimFormFailure } from "./claim-form-failure";

export const reviseClaimAction = writeAction<
  [string, string, ClaimFormState, FormData],
  ClaimFormState
>(
  {
    role: "editor",
    returnTo: (uid: string) => `/claims/${encodeURIComponent(uid)}/edit`,
    onError: (error, _uid, _brand, _previous, formData) => claimFormFailure(error, formData),
  },
  async (actor, uid: string, brand: string, _previous: ClaimFormState, formData: FormData) => {
    const expectedRevision = Number(formData.get("revision"));
    if (!Number.isInteger(expectedRevision) || expectedRevision < 1) {
      throw new AppError(
        "invalid_input",
        "The form lost track of which revision you edited; reload the page.",
      );
    }
    const parsed = parseClaimInput(
      brand,
      claimFormValues((name) => formData.get(name)),
    );
    if (!parsed.ok) {
      throw new ValidationError(
        parsed.fieldErrors,
        parsed.formError ?? "Please correct the highlighted fields; nothing was saved.",
      );
    }
    await reviseClaim(uid, expectedRevision, parsed.input, actor);
    return redirectTo(`/claims?brand=${encodeURIComponent(brand)}#claim-${uid}`);
  },
);
