"use server";

import { z } from "zod";
import { formErrorWords } from "@/i18n/field-errors";
import { localizeAppMessage } from "@/lib/app-messages";
import {
  clearSessionCookie,
  currentUser,
  requestMeta,
  setSessionCookie,
} from "@/lib/auth/current-user";
import { passwordProblem } from "@/lib/auth/password-policy";
import { redirectTo, writeAction } from "@/lib/auth/write";
import {
  ACCOUNT_ERROR_WORDS_EN,
  fieldErrorsOf,
  PasswordFieldSchema,
} from "@/lib/domain/sign-in-input";
import { ValidationError } from "@/lib/errors";
import { changePassword } from "@/lib/mutations/accounts";
import { createSession, endSessionOf, endSessionsOf } from "@/lib/mutations/sessions";
import type { AccountFormState } from "./account-form-state";

const ChangePasswordSchema = z.object({ current: PasswordFieldSchema, next: PasswordFieldSchema });

/**
 * Changes one's own password. Every session of the account ends (a thief's copy of a cookie
 * too); this browser gets a new session at once so its owner stays signed in.
 */
export const changeOwnPassword = writeAction<[AccountFormState, FormData], AccountFormState>(
  {
    role: "viewer",
    returnTo: () => "/account",
    revalidate: false,
    onError: (error) => ({
      status: "invalid",
      message: error.message,
      fieldErrors: (error.details.fieldErrors as Record<string, string> | undefined) ?? {},
    }),
  },
  async (actor, _previous, formData) => {
    const parsed = ChangePasswordSchema.safeParse({
      current: formData.get("current") ?? "",
      next: formData.get("next") ?? "",
    });
    if (!parsed.success) {
      // The field sentences in the reader's words, like the other account forms'; the wrapper
      // says the form's sentence in them too.
      throw new ValidationError(
        fieldErrorsOf(parsed.error, await formErrorWords("AccountInput", ACCOUNT_ERROR_WORDS_EN)),
        "Nothing was changed: please correct the highlighted fields.",
      );
    }
    const user = await currentUser();
    const problem = passwordProblem(parsed.data.next, { email: user?.email, name: user?.name });
    if (problem)
      throw new ValidationError(
        { next: problem },
        "Nothing was changed: 1 field needs correcting.",
      );
    const userId = actor.id ?? "";
    await changePassword(userId, parsed.data.current, parsed.data.next);
    const session = await createSession(userId, await requestMeta());
    await setSessionCookie(session.token, session.expiresAt);
    return {
      status: "done",
      message: await localizeAppMessage(
        "Password changed. Every other session of your account has ended.",
      ),
      fieldErrors: {},
    };
  },
);

/** Ends one of one's own sessions. */
export const endOwnSession = writeAction<[FormData], void>(
  {
    role: "viewer",
    returnTo: () => "/account",
    revalidate: false,
    onError: () => redirectTo("/account"),
  },
  async (actor, formData) => {
    await endSessionOf(actor.id ?? "", String(formData.get("sessionId") ?? ""));
    return redirectTo("/account?done=ended");
  },
);

/** Signs out everywhere: every session of the account ends, this one too. */
export const endAllOwnSessions = writeAction<[FormData], void>(
  {
    role: "viewer",
    returnTo: () => "/account",
    revalidate: false,
    onError: () => redirectTo("/account"),
  },
  async (actor) => {
    await endSessionsOf(actor.id ?? "");
    await clearSessionCookie();
    return redirectTo("/login?next=%2Faccount");
  },
);
