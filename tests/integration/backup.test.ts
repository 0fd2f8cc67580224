import { createHash } from "node:crypto";
import { copyFileSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BackupError, backupDatabase } from "@/lib/backup";
import { createPrismaClient } from "@/lib/db";
import { PROJECT_ROOT, seedFromFiles } from "@/lib/seed/prepare-database";
import { createTestDatabase, sqliteFileOf, type TestDatabase } from "../support/test-db";

const WRITER = "backup-test-writer";
const QUARTER = "2030Q1";

/*
 * A second connection in another thread appends revisions of one figure as fast as it can, each
 * in its own transaction with its audit row, the way the app's mutations write. Revision n has
 * the value n, so a snapshot holding revisions 1..k is a point in time, and any other mix is not.
 */
const WRITER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.file, { timeout: 5000 });
const supersede = db.prepare('UPDATE "Observation" SET isCurrent = 0, supersededAt = ?, supersededBy = ? WHERE brandId = ? AND metricId = ? AND quarter = ? AND isCurrent = 1');
const insert = db.prepare('INSERT INTO "Observation" (brandId, metricId, quarter, revision, isCurrent, value, decimals, qualifier, sourceId, createdAt, createdBy) VALUES (?, ?, ?, ?, 1, ?, 0, \\'exact\\', ?, ?, ?)');
const audit = db.prepare('INSERT INTO "AuditEntry" (at, actor, action, entity, entityKey, before, after) VALUES (?, ?, \\'restate\\', \\'observation\\', ?, NULL, ?)');
const append = db.transaction((n) => {
  const at = new Date().toISOString();
  supersede.run(at, workerData.actor, workerData.brandId, workerData.metricId, workerData.quarter);
  insert.run(workerData.brandId, workerData.metricId, workerData.quarter, n, n, workerData.sourceId, at, workerData.actor);
  audit.run(at, workerData.actor, workerData.quarter, JSON.stringify({ revision: n }));
});
const stop = new Int32Array(workerData.stop);
const done = new Int32Array(workerData.done);
let n = 0;
while (Atomics.load(stop, 0) === 0) {
  append(n + 1);
  n++;
  Atomics.store(done, 0, n);
  Atomics.notify(done, 0);
}
db.close();
parentPort.postMessage(n);
`;

function checksum(rows: unknown[]): string {
  return createHash("sha256").update(JSON.stringify(rows)).digest("hex");
}

function untouchedRows(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    return db
      .prepare(
        `SELECT id, brandId, metricId, quarter, revision, isCurrent, value, sourceId
         FROM "Observation" WHERE createdBy <> ? ORDER BY id`,
      )
      .all(WRITER);
  } finally {
    db.close();
  }
}

/** Resolves once the writer has committed `target` revisions: woken by its Atomics.notify. */
async function committedAtLeast(counter: Int32Array, target: number): Promise<void> {
  for (;;) {
    const now = Atomics.load(counter, 0);
    if (now >= target) return;
    const wait = Atomics.waitAsync(counter, 0, now, 10_000);
    if (wait.async && (await wait.value) === "timed-out") {
      throw new Error(`the writer stopped at ${now} revisions, short of ${target}`);
    }
  }
}

describe("online backup and restore", () => {
  let testDb: TestDatabase;
  const backupFile = path.join(tmpdir(), `pulse-backup-${process.pid}-${Date.now()}.db`);
  const restoredFile = path.join(tmpdir(), `pulse-restored-${process.pid}-${Date.now()}.db`);

  beforeAll(async () => {
    testDb = await createTestDatabase();
    await seedFromFiles(testDb.url, path.join(PROJECT_ROOT, "data"));
  });

  afterAll(async () => {
    await testDb.remove();
    for (const file of [backupFile, restoredFile]) {
      for (const suffix of ["", "-wal", "-shm", ".partial"])
        rmSync(`${file}${suffix}`, { force: true });
    }
  });

  it("takes a consistent snapshot while another connection keeps writing, and restores it", async () => {
    const lookup = new Database(sqliteFileOf(testDb), { readonly: true });
    const ids = lookup
      .prepare<[], { brandId: number; metricId: number; sourceId: number }>(
        `SELECT b.id AS brandId, m.id AS metricId, (SELECT MIN(id) FROM "Source") AS sourceId
         FROM "Brand" b, "Metric" m WHERE b.slug = 'xiaomi' AND m.key = 'revenue'`,
      )
      .get();
    lookup.close();
    if (!ids) throw new Error("seed missing");
    const stop = new SharedArrayBuffer(4);
    const done = new SharedArrayBuffer(4);
    const counter = new Int32Array(done);
    const worker = new Worker(WRITER_SOURCE, {
      eval: true,
      workerData: {
        ...ids,
        driver: createRequire(import.meta.url).resolve("better-sqlite3"),
        file: sqliteFileOf(testDb),
        actor: WRITER,
        quarter: QUARTER,
        stop,
        done,
      },
    });
    const total = new Promise<number>((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
    });

    await committedAtLeast(counter, 20);
    const report = await backupDatabase(sqliteFileOf(testDb), backupFile);
    const atBackup = Atomics.load(counter, 0);
    // The writer must go on after the snapshot, so that the backup is a point in the middle.
    await committedAtLeast(counter, atBackup + 20);
    Atomics.store(new Int32Array(stop), 0, 1);
    const written = await total;

    expect(report.integrity).toBe("ok");
    const backup = new Database(backupFile, { readonly: true });
    const revisions = backup
      .prepare<[string], { revision: number; value: number; isCurrent: number }>(
        `SELECT revision, value, isCurrent FROM "Observation" WHERE quarter = ? ORDER BY revision`,
      )
      .all(QUARTER);
    const audits =
      backup
        .prepare<[string], { n: number }>(`SELECT COUNT(*) AS n FROM "AuditEntry" WHERE actor = ?`)
        .get(WRITER)?.n ?? 0;
    backup.close();

    const k = revisions.length;
    expect(k).toBeGreaterThanOrEqual(20);
    expect(k).toBeLessThan(written);
    // Revisions 1..k, nothing missing, only the last one current, each with its audit row.
    expect(revisions.map((row) => row.revision)).toEqual(
      Array.from({ length: k }, (_, i) => i + 1),
    );
    expect(revisions.map((row) => row.value)).toEqual(revisions.map((row) => row.revision));
    expect(revisions.filter((row) => row.isCurrent === 1).map((row) => row.revision)).toEqual([k]);
    expect(audits).toBe(k);
    // Everything the writer did not touch is byte for byte what the live database holds.
    expect(checksum(untouchedRows(backupFile))).toBe(checksum(untouchedRows(sqliteFileOf(testDb))));

    // Restore as the README says: the backup file copied over the database, no -wal/-shm left.
    copyFileSync(backupFile, restoredFile);
    rmSync(`${restoredFile}-wal`, { force: true });
    rmSync(`${restoredFile}-shm`, { force: true });
    const restored = createPrismaClient(`file:${restoredFile}`);
    try {
      const [integrity] =
        await restored.$queryRawUnsafe<{ integrity_check: string }[]>("PRAGMA integrity_check");
      expect(integrity?.integrity_check).toBe("ok");
      expect(await restored.observation.count()).toBe(report.observations);
      const current = await restored.observation.findFirst({
        where: { quarter: QUARTER, isCurrent: true },
        select: { revision: true, value: true },
      });
      expect(current).toEqual({ revision: k, value: k });
    } finally {
      await restored.$disconnect();
    }
  });

  it("refuses to overwrite an existing file or to back up onto the source", async () => {
    const existing = `${restoredFile}-existing`;
    writeFileSync(existing, "keep me");
    await expect(backupDatabase(sqliteFileOf(testDb), existing)).rejects.toThrow(BackupError);
    await expect(backupDatabase(sqliteFileOf(testDb), existing)).rejects.toThrow(/exists/);
    expect(readFileSync(existing, "utf8")).toBe("keep me");
    rmSync(existing);
    await expect(backupDatabase(sqliteFileOf(testDb), sqliteFileOf(testDb))).rejects.toThrow(
      /another file/,
    );
    await expect(backupDatabase(`${sqliteFileOf(testDb)}.missing`, restoredFile)).rejects.toThrow(
      /No database/,
    );
  });
});
