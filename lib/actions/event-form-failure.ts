import { type EventFormState, eventFormValues } from "@/lib/domain/event-input";
import { type AppError, ValidationError } from "@/lib/errors";

/** A refused event write as form state: the error's message, its fields, the values as typed. */
export function eventFormFailure(error: AppError, formData: FormData): EventFormState {
  return {
    message: error.message,
    fieldErrors: error instanceof ValidationError ? error.fieldErrors : {},
    values: eventFormValues(
      (name) => formData.get(name),
      (name) => formData.getAll(name),
    ),
  };
}
