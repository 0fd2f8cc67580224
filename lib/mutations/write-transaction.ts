import type { PrismaClient } from "@/generated/prisma/client";
import { databaseProvider, databaseUrl } from "@/lib/database-url";
import { WriteConflictError } from "@/lib/errors";
import type { Tx } from "./audit";

const ATTEMPTS = 4;

/** Error codes meaning "someone else was writing": a retry can succeed. */
const CONFLICT_CODES = new Set([
  "P2002", // unique constraint: another writer took the next revision number
  "P2034", // write conflict
  "P1008", // SQLITE_BUSY past the busy timeout
  "P2028", // the transaction could not start (or was closed) in time
  "SQLITE_BUSY",
  "SQLITE_BUSY_SNAPSHOT",
  "SQLITE_LOCKED",
  "40001", // PostgreSQL serialization_failure
  "40P01", // PostgreSQL deadlock_detected
]);

function isWriteConflict(error: unknown): boolean {
  for (let cause = error, depth = 0; cause && depth < 5; depth++) {
    if (typeof cause !== "object") return false;
    const code = (cause as { code?: unknown }).code;
    if (typeof code === "string" && CONFLICT_CODES.has(code)) return true;
    const message = (cause as { message?: unknown }).message;
    if (
      typeof message === "string" &&
      /SQLITE_BUSY|database is locked|could not serialize access|deadlock detected/i.test(message)
    )
      return true;
    cause = (cause as { cause?: unknown }).cause;
  }
  return false;
}

/** Any constant: the key of the advisory lock that PostgreSQL writers take (see below). */
const WRITE_LOCK_KEY = 7_316_002;

/**
 * Makes writers take turns across processes before their transaction reads anything, as one
 * process's writers already do. On PostgreSQL the first statement waits for a transaction-scoped
 * advisory lock, held until its commit or rollback, whichever instance runs it. Every write reads
 * the latest revision and adds the next one; serialised, no two writers read the same latest, so
 * none is retried or lost and one revision stays current (the unique key on revisions stays as
 * the backstop). Figures change a few times a quarter: one writer at a time costs nothing that
 * matters.
 *
 * On SQLite the first statement is a write that changes nothing, which takes the file's write
 * lock (waiting for it up to the busy timeout) as BEGIN IMMEDIATE would; the driver adapter opens
 * every transaction with a plain BEGIN. Without it, a transaction of one process that read before
 * another process (PULSE_WORKERS, server/workers.ts) committed could not write at all: SQLite
 * answers SQLITE_BUSY_SNAPSHOT at once, where waiting cannot help. Within one process the adapter
 * already runs one transaction at a time, so the statement finds the lock free.
 */
export async function takeWriteTurn(tx: Tx): Promise<void> {
  if (databaseProvider(databaseUrl()) === "postgresql") {
    await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(${WRITE_LOCK_KEY}::bigint)`;
    return;
  }
  await tx.$executeRaw`UPDATE "AuditEntry" SET id = id WHERE 0 = 1`;
}

/**
 * One write transaction that takes its turn first (takeWriteTurn), for every write of more than
 * one statement. Not retried: runWriteTransaction below is, for writes of figures.
 */
export function writeTransaction<T>(
  db: PrismaClient,
  work: (tx: Tx) => Promise<T>,
  options?: { maxWait?: number; timeout?: number },
): Promise<T> {
  return db.$transaction(async (tx) => {
    await takeWriteTurn(tx);
    return work(tx);
  }, options);
}

const globalForTurns = globalThis as unknown as { pulseWriteTurns?: Promise<unknown> };

/**
 * On PostgreSQL, the writers of one process queue here, before their transaction begins, and
 * only the head of the queue waits for the advisory lock. Waiting inside the transaction counts
 * against its timeout and holds a pooled connection: with four writers of each of two busy
 * instances all waiting at the lock, the last ones expired before their turn, again on every
 * retry, and answered "write conflict" (the two-instance reliability spec showed it). SQLite's
 * adapter already queues transactions on its one write connection.
 */
function inProcessTurn<T>(work: () => Promise<T>): Promise<T> {
  if (databaseProvider(databaseUrl()) !== "postgresql") return work();
  const previous = globalForTurns.pulseWriteTurns ?? Promise.resolve();
  const mine = previous.then(work, work);
  globalForTurns.pulseWriteTurns = mine.catch(() => undefined);
  return mine;
}

/**
 * Runs one write transaction. On SQLite the adapter already queues transactions on its single
 * writer connection; a second process (or connection) on the same file can still collide, which
 * SQLite reports as busy or, through the unique key on revisions, as a duplicate. On PostgreSQL
 * (read committed) two instances' transactions run side by side: the second to update the same
 * current revision waits for the first's row lock, then fails on the unique key on revisions when
 * it inserts the number the first one took, and is retried; a deadlock is retried the same way. Such a
 * collision is retried from the start (re-reading the latest revision); after a few attempts it
 * becomes a WriteConflictError the form shows as "try again", never a 500.
 */
export async function runWriteTransaction<T>(
  db: PrismaClient,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await inProcessTurn(() =>
        writeTransaction(db, work, { maxWait: 10_000, timeout: 15_000 }),
      );
    } catch (error) {
      if (!isWriteConflict(error)) throw error;
      if (attempt >= ATTEMPTS) {
        // The answer says only "try again"; the operator reading the log needs the cause.
        console.error(`write conflict after ${ATTEMPTS} attempts:`, error);
        throw new WriteConflictError(error);
      }
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 30));
    }
  }
}
