import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import {
  applyMigrations,
  DatabaseBusyError,
  migrationNames,
  pendingMigrations,
  seedIfEmpty,
} from "@/lib/seed/prepare-database";
import { createTestDatabase, sqliteFileOf, type TestDatabase } from "../support/test-db";
import { tablesCreatedBy, undoMigration } from "../support/undo-migration";

/*
 * Start-up beside readers that hold the file open (a long export, a backup, an analyst's sqlite3
 * shell, Litestream): with nothing to migrate it takes no write lock; with a migration pending it
 * says why it waits and applies it once the reader lets go. The reader is a connection in this
 * process with an open read transaction, as `BEGIN; SELECT count(*) FROM Observation;` leaves.
 */

const LAST_MIGRATION = migrationNames().at(-1) ?? "";

let testDb: TestDatabase;
let reader: Database.Database | null = null;

afterEach(async () => {
  if (reader?.open) {
    if (reader.inTransaction) reader.exec("COMMIT");
    reader.close();
  }
  reader = null;
  await testDb.remove();
});

function holdReadTransaction(file: string): Database.Database {
  const connection = new Database(file);
  connection.exec("BEGIN");
  connection.prepare("SELECT count(*) AS n FROM Observation").get();
  return connection;
}

/** Takes the newest migration back out, as if the database predated it. */
describe("preparing the database while another process reads it", () => {
  it("applies nothing and waits for nothing when no migration is pending, then seeds", async () => {
    testDb = await createTestDatabase();
    expect(pendingMigrations(testDb.url)).toEqual([]);
    reader = holdReadTransaction(sqliteFileOf(testDb));
    const busy: string[] = [];
    const applied = await applyMigrations(testDb.url, {
      onBusy: (message) => busy.push(message),
      maxWaitMs: 0,
    });
    expect(applied).toEqual([]);
    expect(busy).toEqual([]);
    const report = await seedIfEmpty(testDb.url);
    expect(report?.observationsAdded).toBeGreaterThan(0);
  });

  it("says the database is busy while a reader holds it, and migrates once it lets go", async () => {
    expect(tablesCreatedBy(LAST_MIGRATION).length).toBeGreaterThan(0);
    testDb = await createTestDatabase();
    undoMigration(sqliteFileOf(testDb), LAST_MIGRATION);
    expect(pendingMigrations(testDb.url)).toEqual([LAST_MIGRATION]);
    const held = holdReadTransaction(sqliteFileOf(testDb));
    reader = held;
    const busy: string[] = [];
    const applied = await applyMigrations(testDb.url, {
      retryDelayMs: 10,
      // The reader lets go (ends its transaction and closes: Prisma's schema engine needs the
      // file to itself, so even an idle open connection holds a migration back) when told that
      // the start-up waits for it.
      onBusy: (message) => {
        busy.push(message);
        if (held.open) {
          held.exec("COMMIT");
          held.close();
        }
      },
    });
    expect(applied).toEqual([LAST_MIGRATION]);
    expect(busy.length).toBeGreaterThanOrEqual(1);
    expect(busy[0]).toMatch(/^the database is busy: another process holds it; retrying/);
    expect(busy[0]).toContain(LAST_MIGRATION);
    expect(pendingMigrations(testDb.url)).toEqual([]);
  });

  it("gives up with the cause, not the connector's error, when the reader never lets go", async () => {
    testDb = await createTestDatabase();
    undoMigration(sqliteFileOf(testDb), LAST_MIGRATION);
    reader = holdReadTransaction(sqliteFileOf(testDb));
    const attempt = applyMigrations(testDb.url, { maxWaitMs: 0, onBusy: () => {} });
    await expect(attempt).rejects.toBeInstanceOf(DatabaseBusyError);
    await expect(attempt).rejects.toThrow(/the database is busy: another process holds it/);
    await expect(attempt).rejects.not.toThrow(/WASM_ERROR|SocketTimeout/);
    expect(pendingMigrations(testDb.url)).toEqual([LAST_MIGRATION]);
  });
});
