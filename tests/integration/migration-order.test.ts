import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "@/lib/seed/prepare-database";
import { createTestDatabase, sqliteFileOf, type TestDatabase } from "../support/test-db";

/*
 * Branches add migrations in parallel (accounts, claims, event metric keys, brand metrics), each
 * written against the main of its day. This checks the merged folder: names that sort in the
 * order they were written, each applied once in that order on a fresh database, and the result
 * the same tables, columns and indexes as prisma/schema.prisma describes.
 */
const MIGRATIONS = path.join(PROJECT_ROOT, "prisma", "migrations");

function migrationNames(): string[] {
  return readdirSync(MIGRATIONS, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
}

interface TableShape {
  columns: string[];
  indexes: string[];
}

function shapeOf(sqlite: Database.Database): Record<string, TableShape> {
  const tables = sqlite
    .prepare<[], { name: string }>(
      `SELECT name FROM sqlite_master WHERE type = 'table'
         AND name NOT LIKE '_prisma%' AND name NOT LIKE 'sqlite%' ORDER BY name`,
    )
    .all();
  const shape: Record<string, TableShape> = {};
  for (const { name } of tables) {
    const columns = sqlite
      .prepare<[], { name: string; type: string; notnull: number; dflt_value: string | null }>(
        `PRAGMA table_info("${name}")`,
      )
      .all()
      .map((column) =>
        [column.name, column.type, column.notnull, column.dflt_value ?? ""].join(" "),
      )
      .sort();
    const indexes = sqlite
      .prepare<[], { name: string; unique: number }>(`PRAGMA index_list("${name}")`)
      .all()
      .map((index) => {
        const keys = sqlite
          .prepare<[], { name: string }>(`PRAGMA index_info("${index.name}")`)
          .all()
          .map((key) => key.name);
        return `${index.unique ? "unique " : ""}(${keys.join(", ")})`;
      })
      .sort();
    shape[name] = { columns, indexes };
  }
  return shape;
}

describe("the SQLite migrations folder", () => {
  let testDb: TestDatabase;

  beforeAll(async () => {
    testDb = await createTestDatabase();
  });

  afterAll(async () => {
    await testDb.remove();
  });

  it("names each migration with a 14-digit UTC time, no two alike", () => {
    const names = migrationNames();
    for (const name of names) expect(name).toMatch(/^\d{14}_[a-z0-9_]+$/);
    const stamps = names.map((name) => name.slice(0, 14));
    expect(new Set(stamps).size).toBe(stamps.length);
  });

  it("applies every migration once, in the folder's order, on a fresh database", () => {
    const sqlite = new Database(sqliteFileOf(testDb), { readonly: true });
    try {
      const applied = sqlite
        .prepare<[], { migration_name: string }>(
          `SELECT migration_name FROM _prisma_migrations
               WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY started_at, rowid`,
        )
        .all()
        .map((row) => row.migration_name);
      expect(applied).toEqual([...migrationNames()].sort());
    } finally {
      sqlite.close();
    }
  });

  it("ends with the tables, columns and indexes prisma/schema.prisma describes", () => {
    const script = execFileSync(
      process.execPath,
      [
        path.join(PROJECT_ROOT, "node_modules", "prisma", "build", "index.js"),
        "migrate",
        "diff",
        "--from-empty",
        "--to-schema-datamodel",
        path.join(PROJECT_ROOT, "prisma", "schema.prisma"),
        "--script",
      ],
      { cwd: PROJECT_ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] },
    );
    const fromSchema = new Database(":memory:");
    const migrated = new Database(sqliteFileOf(testDb), { readonly: true });
    try {
      fromSchema.exec(script);
      expect(shapeOf(migrated)).toEqual(shapeOf(fromSchema));
      expect(readFileSync(path.join(MIGRATIONS, "migration_lock.toml"), "utf8")).toContain(
        'provider = "sqlite"',
      );
    } finally {
      fromSchema.close();
      migrated.close();
    }
  });
});
