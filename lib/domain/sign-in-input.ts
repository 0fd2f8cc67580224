/**
 * The editor sign-in's fields, parsed the same way from the login form and from
 * `POST /api/session`, with one message per field phrased as a sentence.
 */
import { z } from "zod";
import { requiredText } from "./fields";

export const SignInSchema = z.object({
  name: requiredText(60),
  password: z.string().min(1, { message: "is required" }).max(200, { message: "is too long" }),
});

export type SignInInput = z.infer<typeof SignInSchema>;

export type SignInField = keyof SignInInput;

export type SignInFieldErrors = Partial<Record<SignInField, string>>;

const FIELD_LABELS: Record<SignInField, string> = { name: "Your name", password: "Password" };

export function signInFieldErrors(error: z.ZodError): SignInFieldErrors {
  const errors: SignInFieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path[0] === "password" ? "password" : "name";
    errors[field] ??= `${FIELD_LABELS[field]} ${issue.message}`;
  }
  return errors;
}
