import { readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../../prisma/migrations");

/** The tables a migration creates: dropping them undoes it when that is all it does. */
export function tablesCreatedBy(migration: string): string[] {
  const sql = readFileSync(path.join(MIGRATIONS_DIR, migration, "migration.sql"), "utf8");
  return [...sql.matchAll(/^CREATE TABLE "(\w+)"/gm)].map((match) => match[1] ?? "");
}

/**
 * Makes a migrated SQLite file look as if `migration` were still pending: drops the tables it
 * created and forgets that it ran. For the start-up tests that need a pending migration.
 */
export function undoMigration(file: string, migration: string): void {
  const tables = tablesCreatedBy(migration);
  if (tables.length === 0) {
    throw new Error(`${migration} creates no table: the test needs a migration it can undo`);
  }
  const sqlite = new Database(file);
  try {
    for (const table of tables) sqlite.exec(`DROP TABLE "${table}"`);
    sqlite.prepare("DELETE FROM _prisma_migrations WHERE migration_name = ?").run(migration);
  } finally {
    sqlite.close();
  }
}
