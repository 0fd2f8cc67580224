import { readdirSync, readFileSync } from "node:fs";
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

/**
 * The newest migration that only adds (tables, their indexes, rows in them), so that dropping its
 * tables undoes it whole. Not simply the newest: a later migration may only alter a column.
 */
export function newestUndoableMigration(): string {
  const names = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .reverse();
  const onlyAdds = (name: string) => {
    const statements = migrationSql(name)
      .replace(/--[^\n]*/g, "")
      .split(";")
      .map((statement) => statement.trim())
      .filter(Boolean)
      .map(
        (statement) =>
          /^(CREATE UNIQUE INDEX|CREATE INDEX|CREATE TABLE|INSERT INTO|\S+)/.exec(statement)?.[1] ??
          "",
      );
    return (
      statements.includes("CREATE TABLE") &&
      statements.every((statement) =>
        /^(CREATE TABLE|CREATE INDEX|CREATE UNIQUE INDEX|INSERT INTO)$/.test(statement),
      )
    );
  };
  const found = names.find(onlyAdds);
  if (!found) throw new Error("no migration that only creates tables: the start tests need one");
  return found;
}
