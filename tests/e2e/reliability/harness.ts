/**
 * What the reliability specs share: a production server of their own (the build, started with
 * `scripts/start.ts` like `npm start`, in a process group that can be killed as a whole) on a
 * temporary database, and direct reads of that database file to check what was really stored.
 */
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { processGroupMembers, type RunningServer, startServer } from "../../support/server-process";
import { E2E_ADMIN } from "../api";

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "../../..");
export const RELIABILITY_PASSWORD = "reliability-editor-password-41c9";

/** The first admin the specs' helpers sign in as (tests/e2e/api.ts invites the others). */
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

/**
 * A migrated database with extra brands, before the server first starts (which then seeds the
 * real data beside them). The brands stand in for a larger catalog than the seed's two.
 */
export function prepareDatabase(file: string, extraBrands: string[] = []): void {
  const prismaCli = path.join(PROJECT_ROOT, "node_modules", "prisma", "build", "index.js");
  const migrated = spawnSync(process.execPath, [prismaCli, "migrate", "deploy"], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DATABASE_URL: `file:${file}` },
    encoding: "utf8",
  });
  if (migrated.status !== 0) throw new Error(`migrate deploy failed: ${migrated.stderr}`);
  const db = new Database(file);
  try {
    db.pragma("journal_mode = WAL");
    const insert = db.prepare(
      "INSERT INTO Brand (slug, name, currency, description, reportingLagDays) VALUES (?, ?, 'CNY', 'Reliability test brand', 90)",
    );
    db.transaction(() => {
      for (const slug of extraBrands) insert.run(slug, slug.toUpperCase());
    })();
  } finally {
    db.close();
  }
}

export async function startPulse(
  databaseFile: string,
  env: Record<string, string> = {},
): Promise<RunningServer> {
  return startServer({
    projectRoot: PROJECT_ROOT,
    databaseFile,
    env: { ...RELIABILITY_ENV, ...env },
  });
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

export function walBytes(databaseFile: string): number {
  const wal = `${databaseFile}-wal`;
  return existsSync(wal) ? statSync(wal).size : 0;
}

/** Read-only, for checks; WAL lets it read while a server writes. */
export function openForChecks(databaseFile: string): Database.Database {
  return new Database(databaseFile, { readonly: true, fileMustExist: true });
}

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
