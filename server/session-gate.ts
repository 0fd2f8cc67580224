/**
 * What the custom server decides before Next reads a request: whether it carries a live session.
 * Used to refuse anonymous writes before their bodies are read, and every anonymous request in
 * private mode. A plain read of the Session table through the server's database probe; the app
 * itself still checks the session and the role on every write (lib/auth/write.ts).
 */
import { createHash } from "node:crypto";
import { SESSION_LIMITS } from "@/lib/auth/settings";
import type { DatabaseProbe } from "./database-probe";

export function sessionChecker(probe: DatabaseProbe): (token: string | null) => Promise<boolean> {
  return async (token) => {
    if (!token || token.length < 20 || token.length > 100) return false;
    let row: Awaited<ReturnType<DatabaseProbe["liveSession"]>>;
    try {
      row = await probe.liveSession(createHash("sha256").update(token).digest("hex"));
    } catch {
      // The database is away: let the app answer (it reports the error); it checks again itself.
      return true;
    }
    if (!row?.active) return false;
    const now = Date.now();
    return row.expiresAt > now && row.lastSeenAt + SESSION_LIMITS.idleMs() > now;
  };
}

/** Paths a signed-out visitor may post to: the ways in, the theme and the language (cookies, no data). */
const ANONYMOUS_WRITES =
  /^\/(?:login|setup|theme|locale|invite\/[^/]+|reset\/[^/]+|api\/session|api\/invitations\/accept)$/;

/** Paths a signed-out visitor may read in private mode: the ways in and the app's own files. */
const ANONYMOUS_READS =
  /^\/(?:login|setup|forbidden|invite\/[^/]+|reset\/[^/]+|api\/session|_next\/.*|favicon\.ico|robots\.txt)$/;

export function isAnonymousWrite(path: string): boolean {
  return ANONYMOUS_WRITES.test(path);
}

export function isAnonymousRead(path: string): boolean {
  return ANONYMOUS_READS.test(path);
}
