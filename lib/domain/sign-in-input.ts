/**
 * The fields of sign-in and account forms, parsed the same way from the forms and the JSON API,
 * with one message per field phrased as a sentence.
 */
import { z } from "zod";
import { requiredText } from "./fields";

export const EmailSchema = z
  .string()
  .trim()
  .min(1, { message: "is required" })
  .max(254, { message: "is too long" })
  .regex(/^[^\s@]+@[^\s@]+$/, { message: "must be an email address like ada@example.com" })
  .transform((email) => email.toLowerCase());

export const SignInSchema = z.object({
  email: EmailSchema,
  password: z.string().min(1, { message: "is required" }).max(200, { message: "is too long" }),
});

export type SignInInput = z.infer<typeof SignInSchema>;
export type SignInField = keyof SignInInput;
export type SignInFieldErrors = Partial<Record<SignInField, string>>;

const FIELD_LABELS: Record<string, string> = {
  email: "Email",
  password: "Password",
  name: "Name",
  role: "Role",
  current: "Current password",
  next: "New password",
};

/** One sentence per field: "Email must be an email address like …". */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "body");
    errors[field] ??= `${FIELD_LABELS[field] ?? field} ${issue.message}`;
  }
  return errors;
}

export const DisplayNameSchema = requiredText(60);
export const RoleSchema = z.enum(["viewer", "editor", "admin"], {
  error: "must be viewer, editor or admin",
});

export const InviteSchema = z.object({
  email: EmailSchema,
  name: DisplayNameSchema,
  role: RoleSchema,
});

export const PasswordFieldSchema = z
  .string()
  .min(1, { message: "is required" })
  .max(200, { message: "is too long" });
