import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { resolveSession, type SessionUser } from "@/lib/mutations/sessions";
import { CLIENT_ADDRESS_HEADER } from "./client-address";
import { SECURE_SESSION_COOKIE, SESSION_COOKIE_BASE, sessionCookieName } from "./cookie-name";
import { publicRead, type Role, roleAllows, secureCookies } from "./settings";

export type { SessionUser };

/** The session token the request carries, if any (the `__Host-` form when cookies are Secure). */
export async function sessionToken(): Promise<string | null> {
  const jar = await cookies();
  const name = secureCookies() ? SECURE_SESSION_COOKIE : SESSION_COOKIE_BASE;
  return jar.get(name)?.value ?? null;
}

/*
 * Looked up once per request and token (React cache). Keyed by the token, not the request: an
 * action that signs out clears the cookie, and the page rendered after it in the same request
 * must then see nobody.
 */
const sessionUserOf = cache(
  async (token: string): Promise<SessionUser | null> => resolveSession(token),
);

/** The signed-in account of this request, or null. */
export async function currentUser(): Promise<SessionUser | null> {
  const token = await sessionToken();
  return token ? sessionUserOf(token) : null;
}

/** Where the request came from, as the custom server computed it (see server/serve.ts). */
export async function requestMeta(): Promise<{ address: string; userAgent: string | null }> {
  const list = await headers();
  return {
    address: list.get(CLIENT_ADDRESS_HEADER) ?? "unknown",
    userAgent: list.get("user-agent"),
  };
}

export function signInHref(returnTo: string): string {
  return `/login?next=${encodeURIComponent(returnTo)}`;
}

/**
 * For pages: the signed-in account when its role is at least `role`. Signed out, the visitor is
 * sent to sign in and brought back to `returnTo`; a lower role gets the "not allowed" page.
 */
export async function requireRole(role: Role, returnTo: string): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(signInHref(returnTo));
  if (!roleAllows(user.role, role)) redirect(`/forbidden?need=${role}`);
  return user;
}

/** Whether a page shows this visitor the edit links (editors and admins). */
export function canEdit(user: SessionUser | null): boolean {
  return user !== null && roleAllows(user.role, "editor");
}

/** For pages in private mode (PULSE_PUBLIC_READ=false): reading needs a signed-in viewer. */
export async function requireReader(returnTo: string): Promise<SessionUser | null> {
  if (publicRead()) return currentUser();
  return requireRole("viewer", returnTo);
}

export async function setSessionCookie(token: string, expiresAt: Date): Promise<void> {
  const secure = secureCookies();
  (await cookies()).set(sessionCookieName(secure), token, {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    expires: expiresAt,
  });
}

export async function clearSessionCookie(): Promise<void> {
  const secure = secureCookies();
  (await cookies()).set(sessionCookieName(secure), "", {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    expires: new Date(0),
  });
}
