/**
 * What the reliability specs share: a production server of their own (the build, started with
 * `scripts/start.ts` like `npm start`, in a process group that can be killed as a whole) on a
 * database of their own, and direct reads of that database to check what was really stored.
 *
 * The database is a temporary SQLite file, or with PULSE_TEST_DB=postgres (as in the vitest
 * project "postgres") a new database on the PostgreSQL server PULSE_TEST_PG_URL names, created
 * for the spec and dropped after it. scripts/test-all.sh runs the project both ways.
 */
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "@playwright/test";
import Database from "better-sqlite3";
import pg from "pg";
import { E2E_ADMIN } from "../../support/api-client";
import { processGroupMembers, type RunningServer, startServer } from "../../support/server-process";
import {
  postgresTestDatabase,
  postgresUrlFor,
  sqliteTestDatabase,
  type TestDatabase,
  testProvider,
} from "../../support/test-db";

export type { TestDatabase } from "../../support/test-db";

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "../../..");
export const RELIABILITY_PASSWORD = "reliability-editor-password-41c9";
export const ON_POSTGRES = testProvider() === "postgresql";

/** The first admin the specs' helpers sign in as (tests/support/api-client.ts invites the others). */
export const RELIABILITY_ENV: Record<string, string> = {
  PULSE_ADMIN_EMAIL: E2E_ADMIN.email,
  PULSE_ADMIN_PASSWORD: E2E_ADMIN.password,
  PULSE_ADMIN_NAME: E2E_ADMIN.name,
  PULSE_SECURE_COOKIES: "false",
  PULSE_SCRYPT_COST: "12,8,1",
};

export function temporaryDatabaseFile(label: string): string {
  return path.join(tmpdir(), `pulse-${label}-${randomUUID()}.db`);
}

export function removeDatabase(file: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"])
    rmSync(`${file}${suffix}`, { force: true });
}

async function onPostgresServer(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: postgresUrlFor("postgres") });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/**
 * An empty database of the spec's own (nothing in it yet: the first server start migrates and
 * seeds it, or prepareDatabase does first). remove() deletes the file or drops the database.
 */
export async function createReliabilityDatabase(label: string): Promise<TestDatabase> {
  if (!ON_POSTGRES) return sqliteTestDatabase(temporaryDatabaseFile(label));
  const name = `pulse_${label.replace(/[^a-z0-9]+/gi, "_").toLowerCase()}_${randomUUID().replace(/-/g, "")}`;
  await onPostgresServer(`CREATE DATABASE "${name}"`);
  return postgresTestDatabase(name);
}

/**
 * Migrates the database and adds extra brands, before the server first starts (which then seeds
 * the real data beside them). The brands stand in for a larger catalog than the seed's two.
 */
export async function prepareDatabase(db: TestDatabase, extraBrands: string[] = []): Promise<void> {
  const prismaCli = path.join(PROJECT_ROOT, "node_modules", "prisma", "build", "index.js");
  const migrated = spawnSync(process.execPath, [prismaCli, "migrate", "deploy"], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DATABASE_URL: db.url },
    encoding: "utf8",
  });
  if (migrated.status !== 0) throw new Error(`migrate deploy failed: ${migrated.stderr}`);
  const insert = `INSERT INTO "Brand" (slug, name, currency, description, "reportingLagDays") VALUES ($1, $2, 'CNY', 'Reliability test brand', 90)`;
  if (db.file === null) {
    for (const slug of extraBrands) await db.query(insert, [slug, slug.toUpperCase()]);
    return;
  }
  // A connection of its own, closed at once: the specs about SQLite's file locks count on
  // nothing else holding the file.
  const file = new Database(db.file);
  try {
    file.pragma("journal_mode = WAL");
    const statement = file.prepare(insert.replace(/\$\d/g, "?"));
    file.transaction(() => {
      for (const slug of extraBrands) statement.run(slug, slug.toUpperCase());
    })();
  } finally {
    file.close();
  }
}

/**
 * The database and the server a test makes for itself (set them as it goes), stopped and
 * removed after each test whether it passed or not.
 */
export function ownedPerTest(): { db: TestDatabase | null; server: RunningServer | null } {
  const owned: { db: TestDatabase | null; server: RunningServer | null } = {
    db: null,
    server: null,
  };
  test.afterEach(async () => {
    await owned.server?.stop();
    owned.server = null;
    await owned.db?.remove();
    owned.db = null;
  });
  return owned;
}

export async function startPulse(
  db: TestDatabase,
  env: Record<string, string> = {},
): Promise<RunningServer> {
  return startServer({
    projectRoot: PROJECT_ROOT,
    databaseFile: db.file ?? "",
    databaseUrl: db.url,
    env: { ...RELIABILITY_ENV, ...env },
  });
}

/** A field of a JSON text column, as SQL for either database (a number stays a number). */
export function jsonField(db: TestDatabase, column: string, field: string): string {
  return db.provider === "sqlite"
    ? `json_extract("${column}", '$.${field}')`
    : `("${column}"::jsonb -> '${field}')`;
}

/** The same as text, to compare with a string parameter. */
export function jsonText(db: TestDatabase, column: string, field: string): string {
  return db.provider === "sqlite"
    ? `json_extract("${column}", '$.${field}')`
    : `("${column}"::jsonb ->> '${field}')`;
}

/** Figures (brand, metric, quarter) without exactly one current revision: must be none. */
export async function figuresNotCurrentOnce(db: TestDatabase): Promise<unknown[]> {
  return db.query(
    `SELECT "brandId", "metricId", quarter, count(*) AS revisions
     FROM "Observation" GROUP BY "brandId", "metricId", quarter
     HAVING sum(CASE WHEN "isCurrent" THEN 1 ELSE 0 END) <> 1`,
  );
}

/**
 * What changes when a write transaction starts writing figures and nothing else writes: the
 * write-ahead log's modification time on SQLite; on PostgreSQL, whether another connection
 * holds the row-write lock on "Observation" (taken by its first insert, kept to its end).
 */
export async function writeMark(db: TestDatabase): Promise<string> {
  if (db.file !== null) {
    const wal = `${db.file}-wal`;
    return existsSync(wal) ? String(statSync(wal).mtimeMs) : "none";
  }
  const writers = await db.query<{ n: string }>(
    `SELECT count(*) AS n FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
     WHERE c.relname = 'Observation' AND l.mode = 'RowExclusiveLock'
       AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
       AND l.pid <> pg_backend_pid()`,
  );
  return Number(writers[0]?.n) > 0 ? "writing" : "none";
}

/** kill -9 of the server's whole process group (start script, next, next-server), at once. */
export async function killHard(server: RunningServer): Promise<void> {
  const pgid = server.child.pid;
  if (pgid === undefined) throw new Error("the server has no process id");
  process.kill(-pgid, "SIGKILL");
  const deadline = Date.now() + 10_000;
  while (processGroupMembers(pgid).length > 0) {
    if (Date.now() > deadline) throw new Error(`process group ${pgid} outlived SIGKILL`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await server.stop();
}

/** SQLite's own check of the file (PostgreSQL's files are not the app's to break). */
export function integrityCheck(databaseFile: string): string[] {
  // Opened writable: a database left by a killed writer may need its WAL recovered first.
  const db = new Database(databaseFile, { fileMustExist: true });
  try {
    return (db.pragma("integrity_check") as { integrity_check: string }[]).map(
      (row) => row.integrity_check,
    );
  } finally {
    db.close();
  }
}

/** Consecutive quarter codes from `first`, e.g. 2000Q1, 2000Q2, ... */
export function quartersFrom(first: string, count: number): string[] {
  const year = Number(first.slice(0, 4));
  const quarter = Number(first.slice(5));
  return Array.from({ length: count }, (_, index) => {
    const offset = quarter - 1 + index;
    return `${year + Math.floor(offset / 4)}Q${(offset % 4) + 1}`;
  });
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}
