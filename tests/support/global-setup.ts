/**
 * Migrates one empty template database per test run; each test file copies it to a private
 * temporary file (see test-db.ts), so integration tests run against real SQLite without paying
 * for a migration each.
 */
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { applyMigrations } from "@/lib/seed/prepare-database";
import { TEMPLATE_DB_PATH } from "./test-db";

export default async function setup() {
  mkdirSync(path.dirname(TEMPLATE_DB_PATH), { recursive: true });
  for (const suffix of ["", "-wal", "-shm"])
    rmSync(`${TEMPLATE_DB_PATH}${suffix}`, { force: true });
  await applyMigrations(`file:${TEMPLATE_DB_PATH}`);
}
