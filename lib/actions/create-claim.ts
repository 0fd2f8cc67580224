"use server";

import { redirectTo, writeAction } from "@/lib/auth/write";
import { type ClaimFormState, claimFormValues, parseClaimInput } from "@/lib/domain/claim-input";
import { ValidationError } from "@/lib/errors";
import { createClaim } from "@/lib/mutations/create-claim";
import { claimFormFailure } from "./claim-form-failure";

export const createClaimAction = writeAction<[string, ClaimFormState, FormData], ClaimFormState>(
  {
    role: "editor",
    returnTo: (brand: string) => `/claims/new?brand=${encodeURIComponent(brand)}`,
    onError: (error, _brand, _previous, formData) => claimFormFailure(error, formData),
  },
  async (actor, brand: string, _previous: ClaimFormState, formData: FormData) => {
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
    const { uid } = await createClaim(parsed.input, actor);
    return redirectTo(`/claims?brand=${encodeURIComponent(parsed.input.brand)}#claim-${uid}`);
  },
);
