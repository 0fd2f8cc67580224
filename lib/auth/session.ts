import "server-only";
import { createHmac, scryptSync, timingSafeEqual } from "node:crypto";
import { cookies, headers } from "next/headers";
import { readEditorPassword } from "./editor-password";

/**
 * Editor sessions: a signed cookie (HMAC-SHA256) holding the editor's name and an expiry.
 * HttpOnly so scripts cannot read it, SameSite=Lax so other sites cannot post with it. The
 * signing key derives from the editor password, so changing the password signs everyone out.
 */
export const SESSION_COOKIE = "pulse_session";
export const SESSION_HOURS = 8;

export interface EditorSession {
  name: string;
  expiresAt: number;
}

const keyCache = new Map<string, Buffer>();

function signingKey(password: string): Buffer {
  const secret = process.env.PULSE_SESSION_SECRET ?? password;
  let key = keyCache.get(secret);
  if (!key) {
    key = scryptSync(secret, "pulse-session-v1", 32);
    keyCache.set(secret, key);
  }
  return key;
}

function sign(payload: string, key: Buffer): string {
  return createHmac("sha256", key).update(payload).digest("base64url");
}

/** Constant-time comparison of two strings of any length, through fixed-length digests. */
export function safeEqual(a: string, b: string): boolean {
  const digest = (text: string) => createHmac("sha256", "pulse-compare").update(text).digest();
  return timingSafeEqual(digest(a), digest(b));
}

export function passwordMatches(candidate: string): boolean {
  const password = readEditorPassword();
  if (password === null) return false;
  return safeEqual(candidate, password);
}

export function encodeSession(session: EditorSession, password: string): string {
  const payload = Buffer.from(JSON.stringify(session)).toString("base64url");
  return `${payload}.${sign(payload, signingKey(password))}`;
}

export function decodeSession(
  token: string,
  password: string,
  now = Date.now(),
): EditorSession | null {
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined) return null;
  if (!safeEqual(signature, sign(payload, signingKey(password)))) return null;
  try {
    const data = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as unknown;
    if (
      typeof data !== "object" ||
      data === null ||
      typeof (data as EditorSession).name !== "string" ||
      typeof (data as EditorSession).expiresAt !== "number"
    ) {
      return null;
    }
    const session = data as EditorSession;
    return session.expiresAt > now ? session : null;
  } catch {
    return null;
  }
}

async function isHttps(): Promise<boolean> {
  const headerList = await headers();
  return headerList.get("x-forwarded-proto") === "https";
}

export async function startSession(name: string): Promise<void> {
  const password = readEditorPassword();
  if (password === null) throw new Error("No editor password is configured");
  const expiresAt = Date.now() + SESSION_HOURS * 3_600_000;
  (await cookies()).set(SESSION_COOKIE, encodeSession({ name, expiresAt }, password), {
    httpOnly: true,
    sameSite: "lax",
    secure: await isHttps(),
    path: "/",
    expires: new Date(expiresAt),
  });
}

export async function endSession(): Promise<void> {
  (await cookies()).delete(SESSION_COOKIE);
}

/** The signed-in editor, or null. Every write checks this itself, not only the page. */
export async function getEditorSession(): Promise<EditorSession | null> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  const password = readEditorPassword();
  if (!token || password === null) return null;
  return decodeSession(token, password);
}
