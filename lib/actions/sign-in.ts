"use server";

import { redirect } from "next/navigation";
import { formErrorWords } from "@/i18n/field-errors";
import { serverTranslator } from "@/i18n/messages";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { ACCOUNT_ERROR_WORDS_EN } from "@/lib/domain/sign-in-input";
import { safeNextPath } from "./safe-redirect";

export interface SignInState {
  message: string | null;
  fieldErrors: Record<string, string>;
  values: { email: string };
}

/**
 * The login form (anonymous by nature: it is the way in, so it has no role to check). Its words
 * are the reader's (messages `SignInAction`, `AccountInput`); `POST /api/session` says them in English.
 */
export async function signIn(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const email = String(formData.get("email") ?? "");
  const values = { email: email.slice(0, 254) };
  const [t, words] = await Promise.all([
    serverTranslator("SignInAction"),
    formErrorWords("AccountInput", ACCOUNT_ERROR_WORDS_EN),
  ]);
  const result = await signInWithPassword(
    { email, password: formData.get("password") ?? "" },
    words,
  );
  switch (result.kind) {
    case "rate-limited":
      return {
        message: t("rateLimited", { seconds: String(result.retryAfterSeconds) }),
        fieldErrors: {},
        values,
      };
    case "invalid":
      return { message: t("fieldsNeedCorrecting"), fieldErrors: result.fieldErrors, values };
    case "wrong-password":
      return { message: null, fieldErrors: { password: t("wrongPassword") }, values };
    case "signed-in":
      redirect(safeNextPath(formData.get("next")));
  }
}
