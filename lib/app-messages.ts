import "server-only";
import { fill, templateReader } from "@/i18n/fill";
import { currentLocale } from "@/i18n/locale";
import { serverTranslator } from "@/i18n/messages";
import type { Locale } from "@/lib/domain/locale";
import { ERROR_CODES, type ErrorCode } from "@/lib/errors";

/**
 * The sentences the write layer and the account flows say to a person in a form: each error
 * code's default, the role refusal, and the account messages (passwords, links, conflicts).
 * They stay English where they are made (the JSON API, the logs and the specs read them), and a
 * form says them in the reader's language by reading each back to its template here and filling
 * the same key of the catalog (messages `AppMessages`, form-errors area). A sentence no template
 * fits is shown as it is. tests/unit/app-messages.test.ts keeps the English catalog equal to this
 * table.
 */
export const APP_MESSAGES_EN = {
  // Every code's default but `unauthenticated`: a form never shows it (the wrapper sends the
  // visitor to sign in), and its JSON braces are not a template.
  ...(Object.fromEntries(
    Object.entries(ERROR_CODES)
      .filter(([code]) => code !== "unauthenticated")
      .map(([code, { message }]) => [code, message]),
  ) as Record<Exclude<ErrorCode, "unauthenticated">, string>),
  forbiddenRole: "Your role ({role}) does not allow this; it needs {needed}. Nothing was changed.",
  nothingSavedOne: "Nothing was saved: 1 field needs correcting.",
  nothingSavedMany: "Nothing was saved: {count} fields need correcting.",
  nothingChangedOne: "Nothing was changed: 1 field needs correcting.",
  nothingChangedFields: "Nothing was changed: please correct the highlighted fields.",
  passwordTooShort: "The password must have at least {min} characters (it has {length}).",
  passwordTooLong: "The password may have at most {max} characters.",
  passwordCommon: "This password is in a list of commonly used passwords; choose another.",
  passwordPersonal: "The password must not contain your email address or be your name.",
  accountExists: "There is already an account for {email}.",
  noSuchAccount: "There is no such account.",
  onlyAdmin: "This is the only active admin: make someone else admin first.",
  invitationCreated: "Invitation for {email} ({role}) created. Pass this link on; it works once.",
  resetLinkCreated: "Password-reset link created. Pass it on; it works once.",
  passwordChanged: "Password changed. Every other session of your account has ended.",
} as const;

export type AppMessageKey = keyof typeof APP_MESSAGES_EN;

const readAppMessage = templateReader(APP_MESSAGES_EN);

/** Values that are codes (roles) are said in the reader's words too. */
const ROLE_VALUES = new Set(["role", "needed"]);

/** An English app sentence in the reader's language (the request's unless given). */
export async function localizeAppMessage(message: string, locale?: Locale): Promise<string> {
  const language = locale ?? (await currentLocale());
  if (language === "en") return message;
  const read = readAppMessage(message);
  if (!read) return message;
  const [t, roles] = await Promise.all([
    serverTranslator("AppMessages", language),
    serverTranslator("Roles", language),
  ]);
  const values = Object.fromEntries(
    Object.entries(read.values).map(([name, value]) => [
      name,
      ROLE_VALUES.has(name) && ["viewer", "editor", "admin"].includes(value) ? roles(value) : value,
    ]),
  );
  return fill(String(t.raw(read.key)), values);
}

/** Each field's sentence in the reader's language. */
export async function localizeFieldSentences(
  fieldErrors: Record<string, string>,
  locale?: Locale,
): Promise<Record<string, string>> {
  const entries = await Promise.all(
    Object.entries(fieldErrors).map(
      async ([field, sentence]) => [field, await localizeAppMessage(sentence, locale)] as const,
    ),
  );
  return Object.fromEntries(entries);
}
