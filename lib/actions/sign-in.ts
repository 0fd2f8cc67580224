"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientAddress, signInEditor } from "@/lib/auth/sign-in-attempts";
import type { SignInFieldErrors } from "@/lib/domain/sign-in-input";
import { safeNextPath } from "./safe-redirect";

export interface SignInState {
  message: string | null;
  fieldErrors: SignInFieldErrors;
  values: { name: string };
}

export async function signIn(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const name = String(formData.get("name") ?? "");
  const values = { name: name.slice(0, 60) };
  const result = await signInEditor(
    { name, password: formData.get("password") ?? "" },
    clientAddress(await headers()),
  );
  switch (result.kind) {
    case "rate-limited":
      return { message: result.message, fieldErrors: {}, values };
    case "invalid":
      return {
        message: "Please correct the highlighted fields.",
        fieldErrors: result.fieldErrors,
        values,
      };
    case "wrong-password":
      return { message: null, fieldErrors: result.fieldErrors, values };
    case "signed-in":
      redirect(safeNextPath(formData.get("next")));
  }
}
