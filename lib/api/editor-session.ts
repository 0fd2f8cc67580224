import "server-only";
import { type EditorSession, getEditorSession } from "@/lib/auth/session";
import { apiError } from "./http";

/**
 * The API's counterpart of requireEditor: the session cookie `POST /api/session` (or the login
 * form) set, checked by every write itself; without one, a 401 that says how to get one.
 */
export async function apiEditorSession(): Promise<EditorSession | Response> {
  const session = await getEditorSession();
  if (session) return session;
  return apiError(
    401,
    'Sign in first: POST /api/session with {"name", "password"} and send the cookie it sets. Nothing was saved.',
  );
}
