"use server";

import { formErrorWords } from "@/i18n/field-errors";
import { redirectTo, writeAction } from "@/lib/auth/write";
import {
  CLAIM_ERROR_WORDS_EN,
  type ClaimFormState,
  claimFormValues,
  parseClaimInput,
} from "@/lib/domain/claim-input";
import { AppError, ValidationError } from "@/lib/errors";
import { reviseClaim } from "@/lib/mutations/revise-claim";
import { claimFormFailure } from "./claim-form-failure";
import { recordFormWords } from "./record-form-failure";

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
      throw new AppError("invalid_input", (await recordFormWords())("lostRevision"));
    }
    const parsed = parseClaimInput(
      brand,
      claimFormValues((name) => formData.get(name)),
      await formErrorWords("ClaimInput", CLAIM_ERROR_WORDS_EN),
    );
    if (!parsed.ok) {
      const t = await recordFormWords();
      throw new ValidationError(parsed.fieldErrors, parsed.formError ?? t("fieldsNeedCorrecting"));
    }
    await reviseClaim(uid, expectedRevision, parsed.input, actor);
    return redirectTo(`/claims?brand=${encodeURIComponent(brand)}#claim-${uid}`);
  },
);
