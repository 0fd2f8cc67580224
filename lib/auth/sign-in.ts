import "server-only";
import { type AccountErrorWords, fieldErrorsOf, SignInSchema } from "@/lib/domain/sign-in-input";
import { checkPassword } from "@/lib/mutations/accounts";
import {
  createSession,
  endSessionByToken,
  pruneExpiredSessions,
  type SessionUser,
} from "@/lib/mutations/sessions";
import {
  accountKey,
  addressKey,
  clearFailures,
  recordFailure,
  throttleWait,
} from "@/lib/mutations/sign-in-throttle";
import { requestMeta, sessionToken, setSessionCookie } from "./current-user";
import { isRole } from "./settings";

export type SignInResult =
  | { kind: "signed-in"; user: Omit<SessionUser, "sessionId"> }
  | { kind: "rate-limited"; retryAfterSeconds: number; message: string }
  | { kind: "invalid"; fieldErrors: Record<string, string> }
  | { kind: "wrong-password"; fieldErrors: Record<string, string> };

export const WRONG_PASSWORD_MESSAGE = "This email and password do not match an active account.";

/**
 * One sign-in for the form and `POST /api/session`. Refused before the password is compared
 * when the account or the client address is over its failure limit, so the right password does
 * not get through during the wait either. A success starts a new session (a new id: a cookie
 * planted before sign-in is worth nothing after) and ends the one the browser had. The field
 * errors are in `words` (the form's reader's; English for the API).
 */
export async function signInWithPassword(
  raw: { email: unknown; password: unknown },
  words?: AccountErrorWords,
): Promise<SignInResult> {
  const { address, userAgent } = await requestMeta();
  const parsed = SignInSchema.safeParse(raw);
  const keys = [addressKey(address)];
  if (parsed.success) keys.push(accountKey(parsed.data.email));
  const wait = await throttleWait(keys);
  if (wait > 0) {
    return {
      kind: "rate-limited",
      retryAfterSeconds: wait,
      message: `Too many failed sign-in attempts. Try again in ${wait} seconds.`,
    };
  }
  if (!parsed.success) return { kind: "invalid", fieldErrors: fieldErrorsOf(parsed.error, words) };
  const checked = await checkPassword(parsed.data.email, parsed.data.password);
  if (!checked.ok || !isRole(checked.user.role)) {
    await recordFailure(keys);
    return { kind: "wrong-password", fieldErrors: { password: WRONG_PASSWORD_MESSAGE } };
  }
  await clearFailures(accountKey(parsed.data.email));
  const previous = await sessionToken();
  if (previous) await endSessionByToken(previous);
  await pruneExpiredSessions();
  const session = await createSession(checked.user.id, { address, userAgent });
  await setSessionCookie(session.token, session.expiresAt);
  return { kind: "signed-in", user: { ...checked.user, role: checked.user.role } };
}
