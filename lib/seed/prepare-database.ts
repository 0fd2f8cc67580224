/**
 * Brings a database file to the latest schema and, when it holds no figures yet, loads the seed
 * files. Used by the start command, the seed command and the tests, so all three prepare a
 * database the same way.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseFilePath } from "@/lib/database-url";
import { createPrismaClient } from "@/lib/db";
import { type SeedReport, seedDatabase } from "./seed-database";
import { readSeedFiles } from "./seed-files";

const projectRoot = path.resolve(import.meta.dirname, "../..");

export function applyMigrations(url: string): void {
  mkdirSync(path.dirname(path.resolve(databaseFilePath(url))), { recursive: true });
  const prismaCli = path.join(projectRoot, "node_modules", "prisma", "build", "index.js");
  const result = spawnSync(process.execPath, [prismaCli, "migrate", "deploy"], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });
  if (result.status !== 0) {
    throw new Error(
      `prisma migrate deploy failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`,
    );
  }
  // WAL is a property of the file, so setting it once here holds for every later connection:
  // readers then never block the writer, nor see its uncommitted changes.
  const sqlite = new Database(databaseFilePath(url));
  try {
    sqlite.pragma("journal_mode = WAL");
  } finally {
    sqlite.close();
  }
}

export async function seedIfEmpty(
  url: string,
  dataDirectory = path.join(projectRoot, "data"),
): Promise<SeedReport | null> {
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
