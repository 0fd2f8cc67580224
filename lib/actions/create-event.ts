"use server";

import { formErrorWords } from "@/i18n/field-errors";
import { redirectTo, writeAction } from "@/lib/auth/write";
import {
  EVENT_ERROR_WORDS_EN,
  type EventFormState,
  eventFormValues,
  parseEventInput,
} from "@/lib/domain/event-input";
import { ValidationError } from "@/lib/errors";
import { createEvent } from "@/lib/mutations/create-event";
import { eventFormFailure } from "./event-form-failure";
import { recordFormWords } from "./record-form-failure";

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
      await formErrorWords("EventInput", EVENT_ERROR_WORDS_EN),
    );
    if (!parsed.ok) {
      const t = await recordFormWords();
      throw new ValidationError(parsed.fieldErrors, parsed.formError ?? t("fieldsNeedCorrecting"));
    }
    const { uid } = await createEvent(parsed.input, actor);
    return redirectTo(`/?brand=${encodeURIComponent(parsed.input.brand)}#event-${uid}`);
  },
);
