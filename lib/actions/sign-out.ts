"use server";

import { redirect } from "next/navigation";
import { clearSessionCookie, sessionToken } from "@/lib/auth/current-user";
import { endSessionByToken } from "@/lib/mutations/sessions";

/** Ends the session on the server, not only in the browser: a copied cookie stops working too. */
export async function signOut(): Promise<void> {
  const token = await sessionToken();
  if (token) await endSessionByToken(token);
  await clearSessionCookie();
  redirect("/");
}
