import { randomUUID } from "node:crypto";
import { copyFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import type { DatabaseProvider } from "@/lib/database-url";

export const TEMPLATE_DB_PATH = path.resolve(import.meta.dirname, "../../.tmp/vitest-template.db");

/**
 * Which database this test run uses: the vitest project "postgres" sets PULSE_TEST_DB=postgres
 * (vitest.config.ts; it runs only when PULSE_TEST_PG_URL names a running server).
 */
export function testProvider(): DatabaseProvider {
  return process.env.PULSE_TEST_DB === "postgres" ? "postgresql" : "sqlite";
}

/** The migrated, empty template database of this run on the PostgreSQL server. */
export function postgresTemplateName(): string {
  return process.env.PULSE_TEST_PG_TEMPLATE ?? "pulse_test_template";
}

/** A URL for another database on the server that PULSE_TEST_PG_URL names. */
export function postgresUrlFor(database: string): string {
  const base = process.env.PULSE_TEST_PG_URL;
  if (!base) throw new Error("PULSE_TEST_PG_URL is not set (see scripts/pg-cluster.sh)");
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

export interface TestDatabase {
  provider: DatabaseProvider;
  url: string;
  /** The SQLite file; null on PostgreSQL. */
  file: string | null;
  /**
   * Raw SQL for set-up and checks, on either database: write identifiers in double quotes and
   * booleans as true/false, and both accept it. Parameters are $1, $2, ... on both.
   */
  query: <Row = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<Row[]>;
  /** Several statements at once, no parameters. */
  exec: (sql: string) => Promise<void>;
  count: (table: string, where?: string) => Promise<number>;
  remove: () => Promise<void>;
}

function sqliteParams(sql: string, params: unknown[]): [string, unknown[]] {
  const ordered: unknown[] = [];
  const text = sql.replace(/\$(\d+)/g, (_, index: string) => {
    const value = params[Number(index) - 1];
    ordered.push(typeof value === "boolean" ? Number(value) : value);
    return "?";
  });
  return [text, ordered];
}

function withCount(query: TestDatabase["query"]): TestDatabase["count"] {
  return async (table, where) => {
    const rows = await query<{ n: number | string }>(
      `SELECT count(*) AS n FROM "${table}"${where ? ` WHERE ${where}` : ""}`,
    );
    return Number(rows[0]?.n ?? 0);
  };
}

function createSqliteDatabase(): TestDatabase {
  const file = path.join(tmpdir(), `pulse-test-${randomUUID()}.db`);
  copyFileSync(TEMPLATE_DB_PATH, file);
  return sqliteTestDatabase(file);
}

/** A SQLite file as a TestDatabase (opened on first query); remove() deletes it. */
export function sqliteTestDatabase(file: string): TestDatabase {
  const url = `file:${file}`;
  let handle: Database.Database | null = null;
  const open = () => {
    handle ??= new Database(file, { timeout: 5_000 });
    return handle;
  };
  const query: TestDatabase["query"] = async <Row>(sql: string, params: unknown[] = []) => {
    const [text, ordered] = sqliteParams(sql, params);
    const statement = open().prepare(text);
    if (statement.reader) return statement.all(...ordered) as Row[];
    statement.run(...ordered);
    return [];
  };
  return {
    provider: "sqlite",
    url,
    file,
    query,
    exec: async (sql) => {
      open().exec(sql);
    },
    count: withCount(query),
    remove: async () => {
      handle?.close();
      for (const suffix of ["", "-wal", "-shm", "-journal"])
        rmSync(`${file}${suffix}`, { force: true });
    },
  };
}

async function createPostgresDatabase(): Promise<TestDatabase> {
  const name = `pulse_test_${randomUUID().replace(/-/g, "")}`;
  const admin = new pg.Client({ connectionString: postgresUrlFor("postgres") });
  await admin.connect();
  try {
    // A copy of the migrated template: much faster than migrating each database.
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${postgresTemplateName()}"`);
  } finally {
    await admin.end();
  }
  return postgresTestDatabase(name);
}

/** A database on the PULSE_TEST_PG_URL server as a TestDatabase; remove() drops it. */
export function postgresTestDatabase(name: string): TestDatabase {
  const url = postgresUrlFor(name);
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const query: TestDatabase["query"] = async <Row>(sql: string, params: unknown[] = []) =>
    (await pool.query(sql, params)).rows as Row[];
  return {
    provider: "postgresql",
    url,
    file: null,
    query,
    exec: async (sql) => {
      await pool.query(sql);
    },
    count: withCount(query),
    remove: async () => {
      await pool.end();
      const cleanup = new pg.Client({ connectionString: postgresUrlFor("postgres") });
      await cleanup.connect();
      try {
        // pg's Pool.end() resolves as soon as it has asked its idle connections to close, not
        // once they have. Dropping WITH (FORCE) at once could terminate one still closing; its
        // pool, still listening, raised the FATAL as an unhandled error. So the drop waits (up to
        // 5 s) for the database's connections to be gone; FORCE is for a leaked one.
        for (let attempt = 0; attempt < 50; attempt++) {
          const { rows } = await cleanup.query<{ open: number }>(
            "SELECT count(*)::int AS open FROM pg_stat_activity WHERE datname = $1",
            [name],
          );
          if ((rows[0]?.open ?? 0) === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}

/**
 * A fresh, migrated, empty database of this test's own: a temporary SQLite file, or on the
 * "postgres" project a new database on the test server. Also points DATABASE_URL at it, so code
 * that opens the app's own connections (lib/db) uses it too.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const db =
    testProvider() === "postgresql" ? await createPostgresDatabase() : createSqliteDatabase();
  process.env.DATABASE_URL = db.url;
  return db;
}

/** The file of a SQLite test database, for the tests of SQLite itself. */
export function sqliteFileOf(db: TestDatabase): string {
  if (db.file === null) throw new Error("this test needs a SQLite database");
  return db.file;
}
