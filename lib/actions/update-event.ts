"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { type EventFormState, eventFormValues, parseEventInput } from "@/lib/domain/event-input";
import { updateEvent } from "@/lib/mutations/update-event";
import { eventWriteFailure } from "./event-form-result";
import { requireEditor } from "./require-editor";

export async function updateEventAction(
  uid: string,
  brand: string,
  _previous: EventFormState,
  formData: FormData,
): Promise<EventFormState> {
  const session = await requireEditor(`/events/${encodeURIComponent(uid)}/edit`);
  const values = eventFormValues(
    (name) => formData.get(name),
    (name) => formData.getAll(name),
  );
  const expectedRevision = Number(formData.get("revision"));
  if (!Number.isInteger(expectedRevision) || expectedRevision < 1) {
    return {
      message: "The form lost track of which revision you edited; reload the page.",
      fieldErrors: {},
      values,
    };
  }
  const parsed = parseEventInput(brand, values);
  if (!parsed.ok) {
    return {
      message: parsed.formError ?? "Please correct the highlighted fields; nothing was saved.",
      fieldErrors: parsed.fieldErrors,
      values,
    };
  }
  let brandSlug: string;
  try {
    ({ brandSlug } = await updateEvent(uid, expectedRevision, parsed.input, session.name));
  } catch (error) {
    return eventWriteFailure(error, values);
  }
  revalidatePath("/", "layout");
  redirect(`/?brand=${encodeURIComponent(brandSlug)}#event-${uid}`);
}
