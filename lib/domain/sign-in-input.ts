/**
 * The fields of sign-in and account forms, parsed the same way from the forms and the JSON API,
 * with one message per field phrased as a sentence.
 */
import { z } from "zod";
import { type FormErrorWords, fieldMessage, formFieldError } from "./field-messages";
import { requiredText } from "./fields";

/** The account forms' own messages, in English: what the schemas say (see field-messages.ts). */
export const ACCOUNT_OWN_MESSAGES = {
  tooLong: "is too long",
  email: "must be an email address like ada@example.com",
  role: "must be viewer, editor or admin",
} as const;

export const EmailSchema = z
  .string()
  .trim()
  .min(1, { message: fieldMessage("required") })
  .max(254, { message: ACCOUNT_OWN_MESSAGES.tooLong })
  .regex(/^[^\s@]+@[^\s@]+$/, { message: ACCOUNT_OWN_MESSAGES.email })
  .transform((email) => email.toLowerCase());

export const SignInSchema = z.object({
  email: EmailSchema,
  password: z
    .string()
    .min(1, { message: fieldMessage("required") })
    .max(200, { message: ACCOUNT_OWN_MESSAGES.tooLong }),
});

export type SignInInput = z.infer<typeof SignInSchema>;
export type SignInField = keyof SignInInput;
export type SignInFieldErrors = Partial<Record<SignInField, string>>;

type AccountField = "email" | "password" | "name" | "role" | "current" | "next";

/**
 * The words of the account forms' field errors (messages `AccountInput`); these English ones
 * the JSON API keeps.
 */
export type AccountErrorWords = FormErrorWords<AccountField, keyof typeof ACCOUNT_OWN_MESSAGES>;

export const ACCOUNT_ERROR_WORDS_EN: AccountErrorWords = {
  locale: "en",
  sentence: "{label} {message}",
  labels: {
    email: "Email",
    password: "Password",
    name: "Name",
    role: "Role",
    current: "Current password",
    next: "New password",
  },
  own: ACCOUNT_OWN_MESSAGES,
  messages: null,
};

/** One sentence per field: "Email must be an email address like …". */
export function fieldErrorsOf(
  error: z.ZodError,
  words: AccountErrorWords = ACCOUNT_ERROR_WORDS_EN,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "body");
    errors[field] ??= Object.hasOwn(words.labels, field)
      ? formFieldError(field as AccountField, issue.message, words, ACCOUNT_OWN_MESSAGES)
      : `${field} ${issue.message}`;
  }
  return errors;
}

export const DisplayNameSchema = requiredText(60);
export const RoleSchema = z.enum(["viewer", "editor", "admin"], {
  error: ACCOUNT_OWN_MESSAGES.role,
});

export const InviteSchema = z.object({
  email: EmailSchema,
  name: DisplayNameSchema,
  role: RoleSchema,
});

export const PasswordFieldSchema = z
  .string()
  .min(1, { message: fieldMessage("required") })
  .max(200, { message: ACCOUNT_OWN_MESSAGES.tooLong });
