import type { EventField, EventFormState } from "@/lib/domain/event-input";
import {
  EventConflictError,
  EventNotFoundError,
  UnknownBrandError,
  UnknownEventMetricError,
} from "@/lib/mutations/event-errors";

/** A refused write as form state: the typed errors become a message, the values stay as typed. */
export function eventWriteFailure(
  error: unknown,
  values: Record<EventField, string>,
): EventFormState {
  if (error instanceof UnknownEventMetricError) {
    return {
      message: "Please correct the highlighted fields; nothing was saved.",
      fieldErrors: { metrics: error.message },
      values,
    };
  }
  if (
    error instanceof EventConflictError ||
    error instanceof EventNotFoundError ||
    error instanceof UnknownBrandError
  ) {
    return { message: error.message, fieldErrors: {}, values };
  }
  throw error;
}
