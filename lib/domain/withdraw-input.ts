/** The withdraw form: the figure it names, the required reason and the confirmation box. */
import { z } from "zod";
import {
  MetricKeySchema,
  QuarterCodeSchema,
  requiredText,
  SlugSchema,
  visibleText,
} from "./fields";

export const WITHDRAW_REASON_MAX = 1000;

export const WithdrawInputSchema = z.object({
  brand: SlugSchema,
  metric: MetricKeySchema,
  quarter: QuarterCodeSchema,
  revision: z
    .string()
    .trim()
    .regex(/^[1-9]\d{0,8}$/, { message: "must be a revision number" })
    .transform(Number),
  reason: visibleText(requiredText(WITHDRAW_REASON_MAX)),
  confirm: z.literal("yes", { message: "must be ticked to withdraw the figure" }),
});

export type WithdrawInput = z.infer<typeof WithdrawInputSchema>;

export interface WithdrawFormState {
  message: string | null;
  fieldErrors: Partial<Record<"reason" | "confirm", string>>;
  values: { reason: string };
}

const LABELS = { reason: "The reason", confirm: "The confirmation box" } as const;

export function withdrawFieldErrors(error: z.ZodError): WithdrawFormState["fieldErrors"] {
  const errors: WithdrawFormState["fieldErrors"] = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (field === "reason" || field === "confirm") {
      errors[field] ??= `${LABELS[field]} ${issue.message}.`;
    }
  }
  return errors;
}
