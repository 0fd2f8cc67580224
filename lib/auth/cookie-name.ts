/**
 * The session cookie's name, defined once: the app sets and reads it, and the page cache in
 * server/ recognises it. With Secure cookies the `__Host-` prefix makes the browser refuse the
 * cookie unless it is Secure, host-only and Path=/, so a sibling subdomain cannot plant one.
 */
export const SESSION_COOKIE_BASE = "pulse_session";
export const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE_BASE}`;

export function sessionCookieName(secure: boolean): string {
  return secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE_BASE;
}

/** Whether a Cookie header carries a session cookie of either form (not whether it is valid). */
export function hasSessionCookie(cookieHeader: string | undefined | null): boolean {
  if (!cookieHeader) return false;
  return cookieHeader.split(";").some((part) => {
    const name = part.trim().split("=")[0];
    return name === SESSION_COOKIE_BASE || name === SECURE_SESSION_COOKIE;
  });
}

/** The session token from a Cookie header (the secure form wins when both are sent). */
export function sessionTokenFrom(cookieHeader: string | undefined | null): string | null {
  if (!cookieHeader) return null;
  let plain: string | null = null;
  for (const part of cookieHeader.split(";")) {
    const index = part.indexOf("=");
    if (index === -1) continue;
    const name = part.slice(0, index).trim();
    const value = part.slice(index + 1).trim();
    if (name === SECURE_SESSION_COOKIE && value) return value;
    if (name === SESSION_COOKIE_BASE && value) plain = value;
  }
  return plain;
}
