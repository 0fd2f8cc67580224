/**
 * Brings a database file to the latest schema and, when it holds no figures yet, loads the seed
 * files. Used by the start command, the seed command and the tests, so all three prepare a
 * database the same way.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { databaseFilePath, databaseProvider, redactUrl } from "@/lib/database-url";
import { createPrismaClient } from "@/lib/db";
import { BUSY_TIMEOUT_MS } from "@/lib/limits";
import { type SeedReport, seedDatabase } from "./seed-database";
import { readSeedFiles } from "./seed-files";

const projectRoot = path.resolve(import.meta.dirname, "../..");

/** Migration folders (`<timestamp>_<name>`), oldest first: what the database should have applied. */
export function migrationNames(migrationsDir = path.join(projectRoot, "prisma", "migrations")) {
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .filter((entry) => existsSync(path.join(migrationsDir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
}

/**
 * The migrations a database has not applied yet, read from `_prisma_migrations` without taking
 * any lock but a reader's (so it works while other processes read or write). Every migration
 * when the file or the table does not exist yet.
 */
export function pendingMigrations(url: string, migrationsDir?: string): string[] {
  const wanted = migrationNames(migrationsDir);
  const file = databaseFilePath(url);
  if (!existsSync(file)) return wanted;
  const sqlite = new Database(file, { readonly: true, timeout: BUSY_TIMEOUT_MS });
  try {
    const table = sqlite
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'")
      .get();
    if (!table) return wanted;
    const applied = new Set(
      sqlite
        .prepare(
          "SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
        )
        .all()
        .map((row) => (row as { name: string }).name),
    );
    return wanted.filter((name) => !applied.has(name));
  } finally {
    sqlite.close();
  }
}

export class DatabaseBusyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DatabaseBusyError";
  }
}

export interface MigrateOptions {
  /** Told each time the database is found busy, before the next try (default: console.error). */
  onBusy?: (message: string) => void;
  /** Pause between tries. */
  retryDelayMs?: number;
  /** Give up after this long with a DatabaseBusyError that names the cause. */
  maxWaitMs?: number;
}

const BUSY_MESSAGE = "the database is busy: another process holds it";

/**
 * Prisma's schema engine needs the file to itself (an exclusive lock, which any other open
 * connection holds back, even an idle one), and when it cannot have it the CLI only says "Error
 * in the underlying connector (WASM_ERROR): unknown variant SocketTimeout". So the same lock is
 * tried here first, without waiting, to tell a busy file apart from a real failure.
 */
function exclusiveLockFree(file: string): boolean {
  const sqlite = new Database(file, { timeout: 0 });
  try {
    sqlite.pragma("locking_mode = EXCLUSIVE");
    sqlite.exec("BEGIN EXCLUSIVE");
    sqlite.exec("ROLLBACK");
    return true;
  } catch (error) {
    if (error instanceof Error && /SQLITE_BUSY|locked|busy/i.test(`${error.message}`)) return false;
    throw error;
  } finally {
    sqlite.close();
  }
}

function runMigrateDeploy(url: string): Promise<{ status: number | null; output: string }> {
  const prismaCli = path.join(projectRoot, "node_modules", "prisma", "build", "index.js");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [prismaCli, "migrate", "deploy"], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: url },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
    });
    child.once("error", reject);
    child.once("close", (status) => resolve({ status, output }));
  });
}

/**
 * Brings the database to the latest migration. When none is pending (the usual start) it takes
 * no write lock at all, so it starts beside readers that hold the file open (a long export, a
 * backup, an analyst's `sqlite3` shell, Litestream). When some are pending and another process
 * holds the file, it says so and tries again until `maxWaitMs`. Returns the migrations applied.
 */
export async function applyMigrations(
  url: string,
  options: MigrateOptions = {},
): Promise<string[]> {
  const {
    onBusy = (message: string) => console.error(message),
    retryDelayMs = 1_000,
    maxWaitMs = 5 * 60_000,
  } = options;
  if (databaseProvider(url) === "postgresql") {
    // prisma.config.ts picks prisma/postgres/migrations for this URL. A PostgreSQL server takes
    // the schema change beside readers, so there is no file lock to wait for here.
    const result = await runMigrateDeploy(url);
    if (result.status !== 0) {
      throw new Error(
        `prisma migrate deploy failed on ${redactUrl(url)} (exit ${result.status}):\n${result.output}`,
      );
    }
    return [];
  }
  const file = databaseFilePath(url);
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const pending = pendingMigrations(url);
  const started = Date.now();
  while (pending.length > 0) {
    if (exclusiveLockFree(file)) {
      const result = await runMigrateDeploy(url);
      if (result.status === 0) break;
      if (!/SocketTimeout|database is locked|SQLITE_BUSY/i.test(result.output)) {
        throw new Error(`prisma migrate deploy failed (exit ${result.status}):\n${result.output}`);
      }
    }
    const waited = Date.now() - started;
    if (waited >= maxWaitMs) {
      throw new DatabaseBusyError(
        `Cannot apply ${pending.length} pending migration(s) (${pending.join(", ")}): ${BUSY_MESSAGE} ` +
          `(a reader's open transaction or a writer) and did not let go within ${Math.round(waited / 1000)} s. ` +
          "Close the other connection or stop the other process, then start again.",
      );
    }
    onBusy(
      `${BUSY_MESSAGE}; retrying in ${retryDelayMs / 1000} s (${pending.length} migration(s) to apply: ${pending.join(", ")})`,
    );
    await new Promise((resolve) => setTimeout(resolve, retryDelayMs));
  }
  switchToWriteAheadLog(file);
  return pending;
}

/**
 * WAL is a property of the file, so setting it once holds for every later connection: readers
 * then never block the writer, nor see its uncommitted changes. Read first: switching needs the
 * file to itself, and a file already in WAL must not wait for anyone.
 */
function switchToWriteAheadLog(file: string): void {
  const sqlite = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  try {
    if (sqlite.pragma("journal_mode", { simple: true }) !== "wal") {
      sqlite.pragma("journal_mode = WAL");
    }
  } finally {
    sqlite.close();
  }
}

/** Any constant: the key of the PostgreSQL advisory lock that lets one instance seed at a time. */
const SEED_LOCK = 7_316_001;

export async function seedIfEmpty(
  url: string,
  dataDirectory = path.join(projectRoot, "data"),
): Promise<SeedReport | null> {
  if (databaseProvider(url) === "sqlite") return seedIfEmptyUnlocked(url, dataDirectory);
  // Instances started together on an empty PostgreSQL would each find it empty and seed it: the
  // first takes the lock and seeds, the others wait, then find figures and leave them.
  const lock = new pg.Client({ connectionString: url });
  // The connection dropping (the server restarting, the database dropped) fails the query or
  // the seed below; unhandled, the client's error event would end the process first.
  lock.on("error", () => {});
  await lock.connect();
  try {
    await lock.query("SELECT pg_advisory_lock($1)", [SEED_LOCK]);
    return await seedIfEmptyUnlocked(url, dataDirectory);
  } finally {
    await lock.end();
  }
}

async function seedIfEmptyUnlocked(url: string, dataDirectory: string): Promise<SeedReport | null> {
  const db = createPrismaClient(url);
  try {
    // A database seeded before claims existed gets the claims and corrections (the seed is
    // idempotent, so the figures it already holds are left alone).
    const [stored, claims] = await Promise.all([db.observation.count(), db.claim.count()]);
    if (stored > 0 && claims > 0) return null;
    return await seedDatabase(db, await readSeedFiles(dataDirectory));
  } finally {
    await db.$disconnect();
  }
}

export async function seedFromFiles(
  url: string,
  dataDirectory = path.join(projectRoot, "data"),
): Promise<SeedReport> {
  const db = createPrismaClient(url);
  try {
    return await seedDatabase(db, await readSeedFiles(dataDirectory));
  } finally {
    await db.$disconnect();
  }
}

export const PROJECT_ROOT = projectRoot;
