import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { type RunningServer, startServer } from "../../support/server-process";
import { sqliteTestDatabase } from "../../support/test-db";
import {
  newestUndoableMigration,
  tablesCreatedBy,
  undoMigration,
} from "../../support/undo-migration";
import {
  ON_POSTGRES,
  PROJECT_ROOT,
  prepareDatabase,
  RELIABILITY_ENV,
  removeDatabase,
  temporaryDatabaseFile,
} from "./harness";

/*
 * `npm start` beside another process that holds the database file open with a read transaction
 * (an analyst's `sqlite3` shell after `BEGIN; SELECT count(*) FROM Observation;`, a long export,
 * Litestream). The reader is a connection in this test process.
 */

// Each test starts a production server (migrate, seed, serve) on a shared 2-core machine.
test.setTimeout(180_000);
// PostgreSQL has no file lock for a reader to hold; its readiness with a migration pending is
// checked in two-instances.spec.ts.
test.skip(ON_POSTGRES, "about SQLite's file lock");

let server: RunningServer | null = null;
let reader: Database.Database | null = null;
let databaseFile = "";

test.afterEach(async () => {
  await server?.stop();
  server = null;
  if (reader?.open) reader.close();
  reader = null;
  removeDatabase(databaseFile);
});

function holdReadTransaction(file: string): Database.Database {
  const connection = new Database(file);
  connection.exec("BEGIN");
  connection.prepare("SELECT count(*) AS n FROM Observation").get();
  return connection;
}

test("starts and serves while a reader holds a transaction open (nothing to migrate)", async () => {
  databaseFile = temporaryDatabaseFile("start-reader");
  await prepareDatabase(sqliteTestDatabase(databaseFile));
  reader = holdReadTransaction(databaseFile);
  server = await startServer({
    projectRoot: PROJECT_ROOT,
    databaseFile,
    env: RELIABILITY_ENV,
  });
  const page = await fetch(`${server.baseUrl}/`);
  expect(page.status).toBe(200);
  expect(server.log()).not.toMatch(/WASM_ERROR|SocketTimeout|busy/);
  expect(reader.inTransaction).toBe(true);
});

test("with a migration pending, says the database is busy, and starts once the reader lets go", async () => {
  databaseFile = temporaryDatabaseFile("start-reader-migrate");
  await prepareDatabase(sqliteTestDatabase(databaseFile));
  const pending = newestUndoableMigration();
  undoMigration(databaseFile, pending);

  const held = holdReadTransaction(databaseFile);
  reader = held;
  let toldBusy = "";
  server = await startServer({
    projectRoot: PROJECT_ROOT,
    databaseFile,
    env: RELIABILITY_ENV,
    // The reader lets go when the start says it waits for it.
    onOutput: (text) => {
      const line = /the database is busy: another process holds it; retrying[^\n]*/.exec(text);
      if (line && held.open) {
        toldBusy = line[0];
        held.exec("COMMIT");
        held.close();
      }
    },
  });
  expect(toldBusy).toContain(pending);
  expect(server.log()).not.toMatch(/WASM_ERROR|SocketTimeout/);
  const page = await fetch(`${server.baseUrl}/import`, { redirect: "manual" });
  expect(page.status).toBeLessThan(500);
  const check = new Database(databaseFile, { readonly: true });
  const tables = check
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all() as { name: string }[];
  check.close();
  // The migration that was pending ran: its tables are back.
  expect(tables.map((table) => table.name)).toEqual(
    expect.arrayContaining(tablesCreatedBy(pending)),
  );
});
