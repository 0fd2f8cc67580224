import { type EventFormState, eventFormValues } from "@/lib/domain/event-input";
import { type AppError, UnknownEventMetricError, ValidationError } from "@/lib/errors";
import { recordFailureMessage, recordFormWords } from "./record-form-failure";

/**
 * A refused event write as form state: the error's message, its fields, the values as typed,
 * in the reader's language.
 */
export async function eventFormFailure(
  error: AppError,
  formData: FormData,
): Promise<EventFormState> {
  const t = await recordFormWords();
  return {
    message: recordFailureMessage(error, t),
    fieldErrors:
      error instanceof UnknownEventMetricError
        ? {
            metrics: t("unknownMetrics", {
              keys: error.keys.map((key) => `"${key}"`).join(", "),
            }),
          }
        : error instanceof ValidationError
          ? error.fieldErrors
          : {},
    values: eventFormValues(
      (name) => formData.get(name),
      (name) => formData.getAll(name),
    ),
  };
}
