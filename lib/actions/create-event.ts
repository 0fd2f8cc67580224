"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { type EventFormState, eventFormValues, parseEventInput } from "@/lib/domain/event-input";
import { createEvent } from "@/lib/mutations/create-event";
import { eventWriteFailure } from "./event-form-result";
import { requireEditor } from "./require-editor";

export async function createEventAction(
  brand: string,
  _previous: EventFormState,
  formData: FormData,
): Promise<EventFormState> {
  const session = await requireEditor(`/events/new?brand=${encodeURIComponent(brand)}`);
  const values = eventFormValues(
    (name) => formData.get(name),
    (name) => formData.getAll(name),
  );
  const parsed = parseEventInput(brand, values);
  if (!parsed.ok) {
    return {
      message: parsed.formError ?? "Please correct the highlighted fields; nothing was saved.",
      fieldErrors: parsed.fieldErrors,
      values,
    };
  }
  let uid: string;
  try {
    ({ uid } = await createEvent(parsed.input, session.name));
  } catch (error) {
    return eventWriteFailure(error, values);
  }
  revalidatePath("/", "layout");
  redirect(`/?brand=${encodeURIComponent(parsed.input.brand)}#event-${uid}`);
}
