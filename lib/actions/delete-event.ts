"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { deleteEvent } from "@/lib/mutations/delete-event";
import { EventConflictError, EventNotFoundError } from "@/lib/mutations/event-errors";
import { requireEditor } from "./require-editor";

/**
 * The confirmation page's form posts here. A plain form action, so deleting works without
 * JavaScript; a refusal goes back to the confirmation page with the reason in the address.
 */
export async function deleteEventAction(
  uid: string,
  brand: string,
  formData: FormData,
): Promise<void> {
  const confirmPath = `/events/${encodeURIComponent(uid)}/delete`;
  const session = await requireEditor(confirmPath);
  const expectedRevision = Number(formData.get("revision"));
  let problem: "conflict" | "missing" | null = null;
  let brandSlug = brand;
  try {
    ({ brandSlug } = await deleteEvent(uid, expectedRevision, session.name));
  } catch (error) {
    if (error instanceof EventConflictError) problem = "conflict";
    else if (error instanceof EventNotFoundError) problem = "missing";
    else throw error;
  }
  if (problem) redirect(`${confirmPath}?problem=${problem}`);
  revalidatePath("/", "layout");
  redirect(`/?brand=${encodeURIComponent(brandSlug)}&deleted=1#events`);
}
