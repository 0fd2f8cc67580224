/**
 * Brings a database file to the latest schema and, when it holds no figures yet, loads the seed
 * files. Used by the start command, the seed command and the tests, so all three prepare a
 * database the same way.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { databaseFilePath, databaseProvider, redactUrl } from "@/lib/database-url";
import { createPrismaClient } from "@/lib/db";
import { type SeedReport, seedDatabase } from "./seed-database";
import { readSeedFiles } from "./seed-files";

const projectRoot = path.resolve(import.meta.dirname, "../..");

/**
 * `prisma migrate deploy` for the database the URL names; prisma.config.ts picks the schema and
 * migrations folder of its provider (prisma/migrations or prisma/postgres/migrations).
 */
export function applyMigrations(url: string): void {
  const sqlite = databaseProvider(url) === "sqlite";
  if (sqlite) mkdirSync(path.dirname(path.resolve(databaseFilePath(url))), { recursive: true });
  const prismaCli = path.join(projectRoot, "node_modules", "prisma", "build", "index.js");
  const result = spawnSync(process.execPath, [prismaCli, "migrate", "deploy"], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });
  if (result.status !== 0) {
    throw new Error(
      `prisma migrate deploy failed on ${redactUrl(url)} (exit ${result.status}):\n${result.stdout}\n${result.stderr}`,
    );
  }
  if (!sqlite) return;
  // WAL is a property of the file, so setting it once here holds for every later connection:
  // readers then never block the writer, nor see its uncommitted changes.
  const file = new Database(databaseFilePath(url));
  try {
    file.pragma("journal_mode = WAL");
  } finally {
    file.close();
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
    const stored = await db.observation.count();
    if (stored > 0) return null;
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
