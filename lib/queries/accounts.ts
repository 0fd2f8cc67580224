import "server-only";
import { tokenHash } from "@/lib/auth/tokens";
import { getReadDb } from "@/lib/db";

export interface AccountDTO {
  id: string;
  email: string;
  name: string;
  role: string;
  active: boolean;
  createdAt: string;
  activeSessions: number;
}

export async function listAccounts(now = new Date()): Promise<AccountDTO[]> {
  const rows = await getReadDb().user.findMany({
    orderBy: [{ active: "desc" }, { email: "asc" }],
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      active: true,
      createdAt: true,
      _count: { select: { sessions: { where: { expiresAt: { gt: now } } } } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
    activeSessions: row._count.sessions,
  }));
}

export interface SessionDTO {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  userAgent: string | null;
  address: string | null;
}

export async function listSessionsOf(userId: string, now = new Date()): Promise<SessionDTO[]> {
  const rows = await getReadDb().session.findMany({
    where: { userId, expiresAt: { gt: now } },
    orderBy: { lastSeenAt: "desc" },
  });
  return rows.map((row) => ({
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    userAgent: row.userAgent,
    address: row.address,
  }));
}

/** Whether a one-time link can still be used (for showing its form). */
export async function linkIsUsable(kind: string, token: string, now = new Date()) {
  if (token.length < 20 || token.length > 100) return null;
  const row = await getReadDb().accountToken.findUnique({ where: { id: tokenHash(token) } });
  if (!row || row.kind !== kind || row.usedAt !== null || row.expiresAt <= now) return null;
  return {
    email: row.email,
    name: row.name,
    role: row.role,
    expiresAt: row.expiresAt.toISOString(),
  };
}
