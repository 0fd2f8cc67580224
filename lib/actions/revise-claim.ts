"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { type ClaimFormState, claimFormValues, parseClaimInput } from "@/lib/domain/claim-input";
import { reviseClaim } from "@/lib/mutations/revise-claim";
import { claimWriteFailure } from "./claim-form-result";
import { requireEditor } from "./require-editor";

export async function reviseClaimAction(
  uid: string,
  brand: string,
  _previous: ClaimFormState,
  formData: FormData,
): Promise<ClaimFormState> {
  const session = await requireEditor(`/claims/${encodeURIComponent(uid)}/edit`);
  const values = claimFormValues((name) => formData.get(name));
  const expectedRevision = Number(formData.get("revision"));
  if (!Number.isInteger(expectedRevision) || expectedRevision < 1) {
    return {
      message: "The form lost track of which revision you edited; reload the page.",
      fieldErrors: {},
      values,
    };
  }
  const parsed = parseClaimInput(brand, values);
  if (!parsed.ok) {
    return {
      message: parsed.formError ?? "Please correct the highlighted fields; nothing was saved.",
      fieldErrors: parsed.fieldErrors,
      values,
    };
  }
  try {
    await reviseClaim(uid, expectedRevision, parsed.input, session.name);
  } catch (error) {
    return claimWriteFailure(error, values);
  }
  revalidatePath("/", "layout");
  redirect(`/claims?brand=${encodeURIComponent(brand)}#claim-${uid}`);
}
