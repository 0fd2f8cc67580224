"use server";

import { redirect } from "next/navigation";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { safeNextPath } from "./safe-redirect";

export interface SignInState {
  message: string | null;
  fieldErrors: Record<string, string>;
  values: { email: string };
}

/** The login form (anonymous by nature: it is the way in, so it has no role to check). */
export async function signIn(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const email = String(formData.get("email") ?? "");
  const values = { email: email.slice(0, 254) };
  const result = await signInWithPassword({ email, password: formData.get("password") ?? "" });
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
