"use server";

import { redirectTo, writeAction } from "@/lib/auth/write";
import { type EventFormState, eventFormValues, parseEventInput } from "@/lib/domain/event-input";
import { ValidationError } from "@/lib/errors";
import { createEvent } from "@/lib/mutations/create-event";
import { eventFormFailure } from "./event-form-failure";

export const createEventAction = writeAction<[string, EventFormState, FormData], EventFormState>(
  {
    role: "editor",
    returnTo: (brand: string) => `/events/new?brand=${encodeURIComponent(brand)}`,
    onError: (error, _brand, _previous, formData) => eventFormFailure(error, formData),
  },
  async (actor, brand: string, _previous: EventFormState, formData: FormData) => {
    const parsed = parseEventInput(
      brand,
      eventFormValues(
        (name) => formData.get(name),
        (name) => formData.getAll(name),
      ),
    );
    if (!parsed.ok) {
      throw new ValidationError(
        parsed.fieldErrors,
        parsed.formError ?? "Please correct the highlighted fields; nothing was saved.",
      );
    }
    const { uid } = await createEvent(parsed.input, actor);
    return redirectTo(`/?brand=${encodeURIComponent(parsed.input.brand)}#event-${uid}`);
  },
);
