import "server-only";
import {
  type SignInFieldErrors,
  SignInSchema,
  signInFieldErrors,
} from "@/lib/domain/sign-in-input";
import { RateLimiter } from "./rate-limit";
import { passwordMatches, startSession } from "./session";

/** Failed sign-ins per client address: 10 per 15 minutes, then a wait. */
export const FAILED_SIGN_IN_LIMIT = 10;
const FAILED_SIGN_IN_WINDOW_MS = 15 * 60_000;

/*
 * One counter for every way in (the login form's action, `POST /api/session`). Next bundles a
 * server action and a route handler separately, each with its own copy of this module, so the
 * counter lives on globalThis: otherwise a client refused by one could go on guessing through
 * the other.
 */
const globalForSignIn = globalThis as unknown as { pulseFailedSignIns?: RateLimiter };
function failedSignIns(): RateLimiter {
  globalForSignIn.pulseFailedSignIns ??= new RateLimiter(
    FAILED_SIGN_IN_LIMIT,
    FAILED_SIGN_IN_WINDOW_MS,
  );
  return globalForSignIn.pulseFailedSignIns;
}

/**
 * The address failed attempts are counted against. The first X-Forwarded-For entry is trusted:
 * the app is meant to run behind one reverse proxy that sets it.
 */
export function clientAddress(headers: Pick<Headers, "get">): string {
  return (
    headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || "local"
  );
}

export type SignInResult =
  | { kind: "signed-in"; name: string }
  | { kind: "rate-limited"; retryAfterSeconds: number; message: string }
  | { kind: "invalid"; fieldErrors: SignInFieldErrors }
  | { kind: "wrong-password"; fieldErrors: SignInFieldErrors };

/**
 * Checks a sign-in attempt and, when the password matches, sets the session cookie. A client
 * over the limit is refused before its password is even compared, so the right password does
 * not get through during the wait either.
 */
export async function signInEditor(
  raw: { name: unknown; password: unknown },
  address: string,
): Promise<SignInResult> {
  const limiter = failedSignIns();
  const wait = limiter.retryAfter(address);
  if (wait > 0) {
    return {
      kind: "rate-limited",
      retryAfterSeconds: wait,
      message: `Too many failed sign-in attempts. Try again in ${wait} seconds.`,
    };
  }
  const parsed = SignInSchema.safeParse(raw);
  if (!parsed.success) return { kind: "invalid", fieldErrors: signInFieldErrors(parsed.error) };
  if (!passwordMatches(parsed.data.password)) {
    limiter.hit(address);
    return {
      kind: "wrong-password",
      fieldErrors: { password: "This password is not the editor password." },
    };
  }
  limiter.reset(address);
  await startSession(parsed.data.name);
  return { kind: "signed-in", name: parsed.data.name };
}
