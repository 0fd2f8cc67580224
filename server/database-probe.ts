/**
 * What the HTTP server asks the database on its own, outside the app: the data version that
 * keys the page cache (page-cache.ts) and whether the migrations are applied (GET /readyz).
 * One implementation per database behind one interface; both read the database on every call,
 * so several instances on one PostgreSQL see each other's writes at once.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { now } from "@/lib/clock";
import { brandVersionSql } from "@/lib/data-version-sql";
import { databaseFilePath, databaseProvider } from "@/lib/database-url";
import { BUSY_TIMEOUT_MS } from "@/lib/limits";
import { postgresPool } from "@/lib/postgres/pool";
import { sessionWithAccountSql } from "@/lib/session-sql";

export interface DatabaseProbe {
  /**
   * The version of the pages that show these brands (slugs): the highest id among the audit rows
   * of those brands and the rows of no brand (a change any page may show), and today's date
   * (UTC). It changes with every write that can change such a page, in any process (every write
   * leaves an audit row in its own transaction), and every day; a write to another brand leaves
   * it as it is. Without brands (a page whose brands are not known): the highest id of all.
   */
  dataVersion(brands?: readonly string[] | null): Promise<string>;
  /** Names of the migrations applied and finished. Throws when the database does not answer. */
  appliedMigrations(): Promise<string[]>;
  /** The session with this token hash, its expiry and its account's state; null when none. */
  liveSession(
    tokenHash: string,
  ): Promise<{ expiresAt: number; lastSeenAt: number; active: boolean } | null>;
  close(): Promise<void>;
}

export { brandVersionSql };

// Both read the primary key's index from its end: one page, whatever the table's size.
const MAX_AUDIT_ID = `SELECT COALESCE(MAX(id), 0) AS id FROM "AuditEntry"`;

const APPLIED = `SELECT migration_name FROM "_prisma_migrations"
  WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;

interface SessionRow {
  expiresAt: string | number | Date;
  lastSeenAt: string | number | Date;
  active: number | boolean;
}

/** SQLite keeps dates as text or epoch milliseconds and booleans as 0/1; PostgreSQL as its own types. */
function sessionOf(row: SessionRow | undefined) {
  if (!row) return null;
  return {
    expiresAt: new Date(row.expiresAt).getTime(),
    lastSeenAt: new Date(row.lastSeenAt).getTime(),
    active: Boolean(row.active),
  };
}

/** The date comes from lib/clock, so that it agrees with the pages' "today" (injectable in tests). */
function versionOf(id: number | string, clock: () => Date): string {
  return `${id}:${clock().toISOString().slice(0, 10)}`;
}

function sqliteProbe(url: string, clock: () => Date): DatabaseProbe {
  const sqlite = new Database(path.resolve(databaseFilePath(url)), {
    readonly: true,
    fileMustExist: true,
    timeout: BUSY_TIMEOUT_MS,
  });
  const maxId = sqlite.prepare<[], { id: number }>(MAX_AUDIT_ID);
  // One prepared statement per number of brands (at most MAX_COMPARED on a page).
  const brandStatements = new Map<number, Database.Statement<string[], { id: number }>>();
  const brandMaxId = (brands: readonly string[]) => {
    let statement = brandStatements.get(brands.length);
    if (!statement) {
      statement = sqlite.prepare<string[], { id: number }>(
        brandVersionSql(brands.length, () => "?"),
      );
      brandStatements.set(brands.length, statement);
    }
    return statement.get(...brands)?.id ?? 0;
  };
  const applied = sqlite.prepare<[], { migration_name: string }>(APPLIED);
  // Prepared on first use: the Session table may be younger than a database being migrated.
  let session: Database.Statement<[string], SessionRow> | null = null;
  return {
    liveSession: async (tokenHash) => {
      session ??= sqlite.prepare<[string], SessionRow>(sessionWithAccountSql("?"));
      return sessionOf(session.get(tokenHash));
    },
    dataVersion: async (brands) =>
      versionOf(brands ? brandMaxId(brands) : (maxId.get()?.id ?? 0), clock),
    appliedMigrations: async () => applied.all().map((row) => row.migration_name),
    close: async () => {
      sqlite.close();
    },
  };
}

function postgresProbe(url: string, clock: () => Date): DatabaseProbe {
  const pool = postgresPool(url);
  return {
    liveSession: async (tokenHash) =>
      sessionOf((await pool.query<SessionRow>(sessionWithAccountSql("$1"), [tokenHash])).rows[0]),
    dataVersion: async (brands) => {
      const result = brands
        ? await pool.query<{ id: number | string }>(
            brandVersionSql(brands.length, (index) => `$${index + 1}`),
            [...brands],
          )
        : await pool.query<{ id: number | string }>(MAX_AUDIT_ID);
      return versionOf(result.rows[0]?.id ?? 0, clock);
    },
    appliedMigrations: async () =>
      (await pool.query<{ migration_name: string }>(APPLIED)).rows.map((row) => row.migration_name),
    close: async () => {
      await pool.end();
    },
  };
}

export function createDatabaseProbe(url: string, clock: () => Date = now): DatabaseProbe {
  return databaseProvider(url) === "postgresql"
    ? postgresProbe(url, clock)
    : sqliteProbe(url, clock);
}

/** The migrations this build ships for the URL's database (prisma.config.ts picks the same). */
export function expectedMigrations(projectDir: string, url: string): string[] {
  const folder =
    databaseProvider(url) === "postgresql"
      ? path.join(projectDir, "prisma", "postgres", "migrations")
      : path.join(projectDir, "prisma", "migrations");
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** Null when the database answers and every shipped migration is applied; else the reason. */
export async function unreadyReason(
  probe: DatabaseProbe,
  expected: readonly string[],
): Promise<string | null> {
  let applied: Set<string>;
  try {
    applied = new Set(await probe.appliedMigrations());
  } catch (error) {
    return `database unreachable: ${error instanceof Error ? error.message : String(error)}`;
  }
  const missing = expected.filter((name) => !applied.has(name));
  return missing.length === 0 ? null : `migrations not applied: ${missing.join(", ")}`;
}
