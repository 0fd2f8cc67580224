"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formErrorWords } from "@/i18n/field-errors";
import { localizeAppMessage, localizeFieldSentences } from "@/lib/app-messages";
import { requestMeta, setSessionCookie } from "@/lib/auth/current-user";
import { passwordProblem } from "@/lib/auth/password-policy";
import {
  ACCOUNT_ERROR_WORDS_EN,
  DisplayNameSchema,
  EmailSchema,
  fieldErrorsOf,
  PasswordFieldSchema,
} from "@/lib/domain/sign-in-input";
import { AppError, fieldsNeedCorrecting } from "@/lib/errors";
import { acceptLink, resetPassword } from "@/lib/mutations/accounts";
import { createSession } from "@/lib/mutations/sessions";
import { linkIsUsable } from "@/lib/queries/accounts";
import type { AccountFormState } from "./account-form-state";

/*
 * The forms behind one-time links (setup, invitation, password reset). They are the ways in for
 * people without a session, so they have no role to check: the link's token is the credential,
 * used once, checked and consumed in the transaction that writes.
 */

/** The form's refusal, in the reader's language (lib/app-messages.ts). */
async function invalid(fieldErrors: Record<string, string>): Promise<AccountFormState> {
  return {
    status: "invalid",
    message: await localizeAppMessage(fieldsNeedCorrecting(Object.keys(fieldErrors).length)),
    fieldErrors: await localizeFieldSentences(fieldErrors),
  };
}

async function failure(error: unknown): Promise<AccountFormState> {
  if (error instanceof AppError)
    return { status: "invalid", message: await localizeAppMessage(error.message), fieldErrors: {} };
  throw error;
}

const accountWords = () => formErrorWords("AccountInput", ACCOUNT_ERROR_WORDS_EN);

async function startSessionFor(userId: string): Promise<void> {
  const session = await createSession(userId, await requestMeta());
  await setSessionCookie(session.token, session.expiresAt);
}

const AcceptSchema = z.object({ name: DisplayNameSchema, password: PasswordFieldSchema });

/** Accepts an invitation: the person chooses a password and is signed in. */
export async function acceptInvitation(
  token: string,
  _previous: AccountFormState,
  formData: FormData,
): Promise<AccountFormState> {
  const parsed = AcceptSchema.safeParse({
    name: formData.get("name") ?? "",
    password: formData.get("password") ?? "",
  });
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error, await accountWords()));
  const link = await linkIsUsable("invite", token);
  const problem = passwordProblem(parsed.data.password, {
    email: link?.email ?? undefined,
    name: parsed.data.name,
  });
  if (problem) return invalid({ password: problem });
  let userId: string;
  try {
    userId = await acceptLink("invite", token, parsed.data);
  } catch (error) {
    return failure(error);
  }
  await startSessionFor(userId);
  redirect("/");
}

const SetupSchema = z.object({
  email: EmailSchema,
  name: DisplayNameSchema,
  password: PasswordFieldSchema,
});

/** The first admin, from the setup link the start command printed. */
export async function completeSetup(
  token: string,
  _previous: AccountFormState,
  formData: FormData,
): Promise<AccountFormState> {
  const parsed = SetupSchema.safeParse({
    email: formData.get("email") ?? "",
    name: formData.get("name") ?? "",
    password: formData.get("password") ?? "",
  });
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error, await accountWords()));
  const problem = passwordProblem(parsed.data.password, parsed.data);
  if (problem) return invalid({ password: problem });
  let userId: string;
  try {
    userId = await acceptLink("setup", token, parsed.data);
  } catch (error) {
    return failure(error);
  }
  await startSessionFor(userId);
  redirect("/admin/accounts");
}

/** Sets a new password from a reset link; every session of the account ends. */
export async function resetPasswordWithLink(
  token: string,
  _previous: AccountFormState,
  formData: FormData,
): Promise<AccountFormState> {
  const parsed = z
    .object({ password: PasswordFieldSchema })
    .safeParse({ password: formData.get("password") ?? "" });
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error, await accountWords()));
  const link = await linkIsUsable("reset", token);
  const problem = passwordProblem(parsed.data.password, { email: link?.email ?? undefined });
  if (problem) return invalid({ password: problem });
  let userId: string;
  try {
    userId = await resetPassword(token, parsed.data.password);
  } catch (error) {
    return failure(error);
  }
  await startSessionFor(userId);
  redirect("/account?done=reset");
}
