import { readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../../prisma/migrations");

function migrationSql(migration: string): string {
  return readFileSync(path.join(MIGRATIONS_DIR, migration, "migration.sql"), "utf8");
}

/** The tables a migration creates: dropping them undoes it when that is all it does. */
export function tablesCreatedBy(migration: string): string[] {
  return [...migrationSql(migration).matchAll(/^CREATE TABLE "(\w+)"/gm)].map(
    (match) => match[1] ?? "",
  );
}

/** The columns a migration adds to existing tables, as [table, column]. */
export function columnsAddedBy(migration: string): [string, string][] {
  return [...migrationSql(migration).matchAll(/^ALTER TABLE "(\w+)" ADD COLUMN "(\w+)"/gm)].map(
    (match) => [match[1] ?? "", match[2] ?? ""],
  );
}

/** Whether undoMigration can take `migration` back out (it creates tables or adds columns). */
export function canUndoMigration(migration: string): boolean {
  return tablesCreatedBy(migration).length + columnsAddedBy(migration).length > 0;
}

/**
 * Makes a migrated SQLite file look as if `migration` were still pending: drops the tables it
 * created and the columns it added, and forgets that it ran. For the start-up tests that need a
 * pending migration (the newest one, whichever it is: branches keep adding them).
 */
export function undoMigration(file: string, migration: string): void {
  if (!canUndoMigration(migration)) {
    throw new Error(
      `${migration} creates no table and adds no column: the test needs a migration it can undo`,
    );
  }
  const sqlite = new Database(file);
  try {
    for (const [table, column] of columnsAddedBy(migration)) {
      sqlite.exec(`ALTER TABLE "${table}" DROP COLUMN "${column}"`);
    }
    for (const table of tablesCreatedBy(migration)) sqlite.exec(`DROP TABLE "${table}"`);
    sqlite.prepare("DELETE FROM _prisma_migrations WHERE migration_name = ?").run(migration);
  } finally {
    sqlite.close();
  }
}
