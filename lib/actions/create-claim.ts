"use server";

import { formErrorWords } from "@/i18n/field-errors";
import { redirectTo, writeAction } from "@/lib/auth/write";
import {
  CLAIM_ERROR_WORDS_EN,
  type ClaimFormState,
  claimFormValues,
  parseClaimInput,
} from "@/lib/domain/claim-input";
import { ValidationError } from "@/lib/errors";
import { createClaim } from "@/lib/mutations/create-claim";
import { claimFormFailure } from "./claim-form-failure";
import { recordFormWords } from "./record-form-failure";

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
      await formErrorWords("ClaimInput", CLAIM_ERROR_WORDS_EN),
    );
    if (!parsed.ok) {
      const t = await recordFormWords();
      throw new ValidationError(parsed.fieldErrors, parsed.formError ?? t("fieldsNeedCorrecting"));
    }
    const { uid } = await createClaim(parsed.input, actor);
    return redirectTo(`/claims?brand=${encodeURIComponent(parsed.input.brand)}#claim-${uid}`);
  },
);
