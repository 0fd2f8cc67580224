import "server-only";
import { redirect } from "next/navigation";
import { type EditorSession, getEditorSession } from "@/lib/auth/session";

/**
 * Every write action calls this first: the session is checked where the write happens, not only
 * by the page that shows the form, so a forged post without a session changes nothing.
 */
export async function requireEditor(returnTo: string): Promise<EditorSession> {
  const session = await getEditorSession();
  if (!session) redirect(`/login?next=${encodeURIComponent(returnTo)}`);
  return session;
}
