/**
 * Migrates one empty template database per test run; each test file copies it (see test-db.ts),
 * so integration tests run against a real database without paying for a migration each: a
 * temporary SQLite file, or on the "postgres" project a template database on the test server.
 */
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { applyMigrations } from "@/lib/seed/prepare-database";
import { postgresTemplateName, postgresUrlFor, TEMPLATE_DB_PATH } from "./test-db";

async function setupPostgres(): Promise<() => Promise<void>> {
  const template = postgresTemplateName();
  const admin = new pg.Client({ connectionString: postgresUrlFor("postgres") });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${template}"`);
  } catch (error) {
    await admin.end();
    throw error;
  }
  await admin.end();
  await applyMigrations(postgresUrlFor(template));
  return async () => {
    const cleanup = new pg.Client({ connectionString: postgresUrlFor("postgres") });
    await cleanup.connect();
    try {
      await cleanup.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    } finally {
      await cleanup.end();
    }
  };
}

/** The "postgres" project's set-up (vitest.config.ts). */
export async function setupPostgresTemplate(): Promise<() => Promise<void>> {
  return setupPostgres();
}

export default async function setup() {
  mkdirSync(path.dirname(TEMPLATE_DB_PATH), { recursive: true });
  for (const suffix of ["", "-wal", "-shm"])
    rmSync(`${TEMPLATE_DB_PATH}${suffix}`, { force: true });
  await applyMigrations(`file:${TEMPLATE_DB_PATH}`);
}
