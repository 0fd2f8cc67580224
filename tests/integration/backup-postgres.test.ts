import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/export/route";
import { BackupError, backupPostgres } from "@/lib/backup";
import { PROJECT_ROOT, seedFromFiles } from "@/lib/seed/prepare-database";
import { resetDbClients } from "../support/db-clients";
import {
  createTestDatabase,
  postgresUrlFor,
  type TestDatabase,
  testProvider,
} from "../support/test-db";

/* `npm run backup` on PostgreSQL (pg_dump, custom format) and the README's restore, end to end. */
async function historyExport(url: string): Promise<string> {
  await resetDbClients();
  process.env.DATABASE_URL = url;
  return (await GET(new Request("http://test/api/export?history=1"))).text();
}

describe.skipIf(testProvider() !== "postgresql")(
  "backup and restore on PostgreSQL",
  { timeout: 120_000 },
  () => {
    let testDb: TestDatabase;
    const file = path.join(tmpdir(), `pulse-pg-backup-${process.pid}-${Date.now()}.dump`);
    const restored = `pulse_restored_${process.pid}_${Date.now()}`;

    beforeAll(async () => {
      await resetDbClients();
      testDb = await createTestDatabase();
      await seedFromFiles(testDb.url, path.join(PROJECT_ROOT, "data"));
    });

    afterAll(async () => {
      await resetDbClients();
      await testDb.remove();
      rmSync(file, { force: true });
      const admin = new pg.Client({ connectionString: postgresUrlFor("postgres") });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${restored}" WITH (FORCE)`);
      await admin.end();
    });

    it("dumps in custom format, refuses to overwrite, and restores into a new database with the same data", async () => {
      const report = await backupPostgres(testDb.url, file);
      expect(report.bytes).toBeGreaterThan(1000);
      expect(report.entries).toBeGreaterThan(10);
      await expect(backupPostgres(testDb.url, file)).rejects.toThrow(BackupError);

      // README, "Backup and restore": createdb, then pg_restore into it.
      const admin = new pg.Client({ connectionString: postgresUrlFor("postgres") });
      await admin.connect();
      await admin.query(`CREATE DATABASE "${restored}"`);
      await admin.end();
      const restore = spawnSync(
        "pg_restore",
        ["--no-owner", "--exit-on-error", `--dbname=${postgresUrlFor(restored)}`, file],
        { encoding: "utf8" },
      );
      expect(restore.status, restore.stderr).toBe(0);

      const original = await historyExport(testDb.url);
      expect(original.split("\n").length).toBeGreaterThan(100);
      expect(await historyExport(postgresUrlFor(restored))).toBe(original);
    });
  },
);
