/** The withdraw form: the figure it names, the required reason and the confirmation box. */
import { z } from "zod";
import { type FormErrorWords, formFieldError } from "./field-messages";
import {
  MetricKeySchema,
  QuarterCodeSchema,
  requiredText,
  SlugSchema,
  visibleText,
} from "./fields";

export const WITHDRAW_REASON_MAX = 1000;

/** The form's own messages, in English: what the schema says (see field-messages.ts). */
export const WITHDRAW_OWN_MESSAGES = {
  revision: "must be a revision number",
  confirm: "must be ticked to withdraw the figure",
} as const;

export const WithdrawInputSchema = z.object({
  brand: SlugSchema,
  metric: MetricKeySchema,
  quarter: QuarterCodeSchema,
  revision: z
    .string()
    .trim()
    .regex(/^[1-9]\d{0,8}$/, { message: WITHDRAW_OWN_MESSAGES.revision })
    .transform(Number),
  reason: visibleText(requiredText(WITHDRAW_REASON_MAX)),
  confirm: z.literal("yes", { message: WITHDRAW_OWN_MESSAGES.confirm }),
});

export type WithdrawInput = z.infer<typeof WithdrawInputSchema>;

export interface WithdrawFormState {
  message: string | null;
  fieldErrors: Partial<Record<"reason" | "confirm", string>>;
  values: { reason: string };
}

/** The words of the form's field errors (messages `WithdrawInput`); these English ones the API keeps. */
export type WithdrawErrorWords = FormErrorWords<
  "reason" | "confirm",
  keyof typeof WITHDRAW_OWN_MESSAGES
>;

export const WITHDRAW_ERROR_WORDS_EN: WithdrawErrorWords = {
  locale: "en",
  sentence: "{label} {message}.",
  labels: { reason: "The reason", confirm: "The confirmation box" },
  own: WITHDRAW_OWN_MESSAGES,
  messages: null,
};

export function withdrawFieldErrors(
  error: z.ZodError,
  words: WithdrawErrorWords = WITHDRAW_ERROR_WORDS_EN,
): WithdrawFormState["fieldErrors"] {
  const errors: WithdrawFormState["fieldErrors"] = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (field === "reason" || field === "confirm") {
      errors[field] ??= formFieldError(field, issue.message, words, WITHDRAW_OWN_MESSAGES);
    }
  }
  return errors;
}
