"use server";

import { redirectTo, writeAction } from "@/lib/auth/write";
import { deleteEvent } from "@/lib/mutations/delete-event";

const confirmPath = (uid: string) => `/events/${encodeURIComponent(uid)}/delete`;

/**
 * The confirmation page's form posts here. A plain form action, so deleting works without
 * JavaScript; a refusal goes back to the confirmation page with the reason in the address.
 */
export const deleteEventAction = writeAction<[string, string, FormData], void>(
  {
    role: "editor",
    returnTo: confirmPath,
    onError: (error, uid) =>
      redirectTo(
        `${confirmPath(uid)}?problem=${error.code === "revision_conflict" ? "conflict" : error.code === "not_found" ? "missing" : "forbidden"}`,
      ),
  },
  async (actor, uid: string, _brand: string, formData: FormData) => {
    const { brandSlug } = await deleteEvent(uid, Number(formData.get("revision")), actor);
    return redirectTo(`/?brand=${encodeURIComponent(brandSlug)}&deleted=1#events`);
  },
);
