import "server-only";
import { isRole, type Role, SESSION_LIMITS } from "@/lib/auth/settings";
import { newToken, tokenHash } from "@/lib/auth/tokens";
import { databaseProvider } from "@/lib/database-url";
import { getWriteDb } from "@/lib/db";
import { sessionWithAccountSql } from "@/lib/session-sql";

/*
 * Server-side sessions. The cookie holds a random token; the table holds its SHA-256. A session
 * ends at its absolute expiry, after its idle time, when it is ended (sign-out, "sign out
 * everywhere"), or when its account is deactivated, changes role or password: each of those
 * deletes the rows, so the next request with the old cookie finds nothing.
 */

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  sessionId: string;
}

export interface SessionMeta {
  userAgent?: string | null;
  address?: string | null;
}

/** Starts a session; returns the token for the cookie and when the session ends at the latest. */
export async function createSession(
  userId: string,
  meta: SessionMeta = {},
  now: Date = new Date(),
): Promise<{ token: string; expiresAt: Date; sessionId: string }> {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + SESSION_LIMITS.absoluteMs());
  const db = getWriteDb();
  await db.session.create({
    data: {
      id: tokenHash(token),
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
      address: meta.address?.slice(0, 64) ?? null,
    },
  });
  return { token, expiresAt, sessionId: tokenHash(token) };
}

interface SessionRow {
  lastSeenAt: Date;
  expiresAt: Date;
  userId: string;
  email: string;
  name: string;
  role: string;
  active: boolean;
}

/**
 * The account behind a session token, or null when the session does not exist, has expired
 * (idle or absolute) or its account is inactive. Expired rows are deleted on the way.
 */
export async function resolveSession(
  token: string,
  now: Date = new Date(),
): Promise<SessionUser | null> {
  if (token.length < 20 || token.length > 100) return null;
  const id = tokenHash(token);
  const db = getWriteDb();
  // One join on every signed-in request: 0.2 ms of CPU where Prisma's relation read took 1.2 ms
  // (bench/NOTES.md, round 8). Prisma still types the columns: Dates and a boolean on both databases.
  const [row] = await db.$queryRawUnsafe<SessionRow[]>(
    sessionWithAccountSql(databaseProvider() === "postgresql" ? "$1" : "?"),
    id,
  );
  if (!row) return null;
  const idleEnd = row.lastSeenAt.getTime() + SESSION_LIMITS.idleMs();
  if (row.expiresAt.getTime() <= now.getTime() || idleEnd <= now.getTime()) {
    await db.session.deleteMany({ where: { id } });
    return null;
  }
  if (!row.active || !isRole(row.role)) {
    await db.session.deleteMany({ where: { userId: row.userId } });
    return null;
  }
  if (now.getTime() - row.lastSeenAt.getTime() >= SESSION_LIMITS.touchEveryMs) {
    await db.session.updateMany({ where: { id }, data: { lastSeenAt: now } });
  }
  return {
    id: row.userId,
    email: row.email,
    name: row.name,
    role: row.role,
    sessionId: id,
  };
}

export async function endSessionByToken(token: string): Promise<void> {
  await getWriteDb().session.deleteMany({ where: { id: tokenHash(token) } });
}

/** Ends one of an account's sessions (the sessions page's "end" button). */
export async function endSessionOf(userId: string, sessionId: string): Promise<boolean> {
  const result = await getWriteDb().session.deleteMany({ where: { id: sessionId, userId } });
  return result.count > 0;
}

/** Ends every session of an account, or every other one when `exceptSessionId` is given. */
export async function endSessionsOf(userId: string, exceptSessionId?: string): Promise<number> {
  const result = await getWriteDb().session.deleteMany({
    where: { userId, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) },
  });
  return result.count;
}

/** Deletes sessions past their absolute expiry (called now and then, e.g. at sign-in). */
export async function pruneExpiredSessions(now: Date = new Date()): Promise<void> {
  const idleCutoff = new Date(now.getTime() - SESSION_LIMITS.idleMs());
  await getWriteDb().session.deleteMany({
    where: { OR: [{ expiresAt: { lte: now } }, { lastSeenAt: { lte: idleCutoff } }] },
  });
}
