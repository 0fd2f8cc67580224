"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { formErrorWords } from "@/i18n/field-errors";
import { localizeAppMessage } from "@/lib/app-messages";
import { redirectTo, writeAction } from "@/lib/auth/write";
import {
  ACCOUNT_ERROR_WORDS_EN,
  fieldErrorsOf,
  InviteSchema,
  RoleSchema,
} from "@/lib/domain/sign-in-input";
import { ValidationError } from "@/lib/errors";
import { createInvitation, createResetLink, setActive, setRole } from "@/lib/mutations/accounts";
import type { AccountFormState } from "./account-form-state";

/** The address people open links at: this request's own origin. */
async function origin(): Promise<string> {
  const list = await headers();
  const proto = list.get("x-forwarded-proto") === "https" ? "https" : "http";
  return `${proto}://${list.get("host") ?? "localhost"}`;
}

const stateOnError = (error: {
  message: string;
  details: Record<string, unknown>;
}): AccountFormState => ({
  status: "invalid",
  message: error.message,
  fieldErrors: (error.details.fieldErrors as Record<string, string> | undefined) ?? {},
});

/** Invites a person: a one-time link with an expiry, shown to the admin to pass on. */
export const inviteAccount = writeAction<[AccountFormState, FormData], AccountFormState>(
  { role: "admin", returnTo: () => "/admin/accounts", revalidate: false, onError: stateOnError },
  async (actor, _previous, formData) => {
    const parsed = InviteSchema.safeParse({
      email: formData.get("email") ?? "",
      name: formData.get("name") ?? "",
      role: formData.get("role") ?? "",
    });
    if (!parsed.success)
      throw new ValidationError(
        fieldErrorsOf(parsed.error, await formErrorWords("AccountInput", ACCOUNT_ERROR_WORDS_EN)),
      );
    const link = await createInvitation(parsed.data, actor);
    return {
      status: "done",
      message: await localizeAppMessage(
        `Invitation for ${parsed.data.email} (${parsed.data.role}) created. Pass this link on; it works once.`,
      ),
      fieldErrors: {},
      link: { url: `${await origin()}/invite/${link.token}`, expiresAt: link.expiresAt },
    };
  },
);

/** A one-time password-reset link for an account, shown to the admin. */
export const issueResetLink = writeAction<[string, AccountFormState, FormData], AccountFormState>(
  { role: "admin", returnTo: () => "/admin/accounts", revalidate: false, onError: stateOnError },
  async (actor, userId) => {
    const link = await createResetLink(userId, actor);
    return {
      status: "done",
      message: await localizeAppMessage("Password-reset link created. Pass it on; it works once."),
      fieldErrors: {},
      link: { url: `${await origin()}/reset/${link.token}`, expiresAt: link.expiresAt },
    };
  },
);

const ChangeSchema = z.object({ userId: z.string().min(1).max(100), role: RoleSchema });

/** Changes a role; the account's sessions end (it signs in again, with a new session id). */
export const changeRole = writeAction<[FormData], void>(
  {
    role: "admin",
    returnTo: () => "/admin/accounts",
    revalidate: false,
    onError: (error) => redirectTo(`/admin/accounts?problem=${encodeURIComponent(error.message)}`),
  },
  async (actor, formData) => {
    const parsed = ChangeSchema.safeParse({
      userId: formData.get("userId"),
      role: formData.get("role"),
    });
    if (!parsed.success)
      throw new ValidationError(
        fieldErrorsOf(parsed.error, await formErrorWords("AccountInput", ACCOUNT_ERROR_WORDS_EN)),
      );
    await setRole(parsed.data.userId, parsed.data.role, actor);
    return redirectTo("/admin/accounts?done=role");
  },
);

/** Deactivates (sessions end at once) or reactivates an account. */
export const changeActive = writeAction<[FormData], void>(
  {
    role: "admin",
    returnTo: () => "/admin/accounts",
    revalidate: false,
    onError: (error) => redirectTo(`/admin/accounts?problem=${encodeURIComponent(error.message)}`),
  },
  async (actor, formData) => {
    const userId = String(formData.get("userId") ?? "");
    const active = formData.get("active") === "true";
    await setActive(userId, active, actor);
    return redirectTo(`/admin/accounts?done=${active ? "reactivated" : "deactivated"}`);
  },
);
