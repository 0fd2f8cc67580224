"use server";

import { formErrorWords } from "@/i18n/field-errors";
import { redirectTo, writeAction } from "@/lib/auth/write";
import {
  EVENT_ERROR_WORDS_EN,
  type EventFormState,
  eventFormValues,
  parseEventInput,
} from "@/lib/domain/event-input";
import { AppError, ValidationError } from "@/lib/errors";
import { updateEvent } from "@/lib/mutations/update-event";
import { eventFormFailure } from "./event-form-failure";
import { recordFormWords } from "./record-form-failure";

export const updateEventAction = writeAction<
  [string, string, EventFormState, FormData],
  EventFormState
>(
  {
    role: "editor",
    returnTo: (uid: string) => `/events/${encodeURIComponent(uid)}/edit`,
    onError: (error, _uid, _brand, _previous, formData) => eventFormFailure(error, formData),
  },
  async (actor, uid: string, brand: string, _previous: EventFormState, formData: FormData) => {
    const expectedRevision = Number(formData.get("revision"));
    if (!Number.isInteger(expectedRevision) || expectedRevision < 1) {
      throw new AppError("invalid_input", (await recordFormWords())("lostRevision"));
    }
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
    const { brandSlug } = await updateEvent(uid, expectedRevision, parsed.input, actor);
    return redirectTo(`/?brand=${encodeURIComponent(brandSlug)}#event-${uid}`);
  },
);
