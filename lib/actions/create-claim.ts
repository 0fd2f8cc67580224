"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { type ClaimFormState, claimFormValues, parseClaimInput } from "@/lib/domain/claim-input";
import { createClaim } from "@/lib/mutations/create-claim";
import { claimWriteFailure } from "./claim-form-result";
import { requireEditor } from "./require-editor";

export async function createClaimAction(
  brand: string,
  _previous: ClaimFormState,
  formData: FormData,
): Promise<ClaimFormState> {
  const session = await requireEditor(`/claims/new?brand=${encodeURIComponent(brand)}`);
  const values = claimFormValues((name) => formData.get(name));
  const parsed = parseClaimInput(brand, values);
  if (!parsed.ok) {
    return {
      message: parsed.formError ?? "Please correct the highlighted fields; nothing was saved.",
      fieldErrors: parsed.fieldErrors,
      values,
    };
  }
  let uid: string;
  try {
    ({ uid } = await createClaim(parsed.input, session.name));
  } catch (error) {
    return claimWriteFailure(error, values);
  }
  revalidatePath("/", "layout");
  redirect(`/claims?brand=${encodeURIComponent(parsed.input.brand)}#claim-${uid}`);
}
