import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "@/lib/seed/prepare-database";
import {
  createDatabaseProbe,
  type DatabaseProbe,
  expectedMigrations,
  unreadyReason,
} from "@/server/database-probe";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

/* What GET /readyz and the page cache ask the database, on either database. */
describe("the database probe", () => {
  let testDb: TestDatabase;
  let probe: DatabaseProbe;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    probe = createDatabaseProbe(testDb.url);
  });

  afterAll(async () => {
    await probe.close();
    await testDb.remove();
  });

  it("is ready when every shipped migration is applied, and says which one is missing otherwise", async () => {
    const expected = expectedMigrations(PROJECT_ROOT, testDb.url);
    expect(expected.length).toBeGreaterThan(0);
    expect(await unreadyReason(probe, expected)).toBeNull();
    expect(await unreadyReason(probe, [...expected, "29990101000000_future"])).toBe(
      "migrations not applied: 29990101000000_future",
    );
  });

  it("changes the data version with every audited write, and only then", async () => {
    const first = await probe.dataVersion();
    expect(await probe.dataVersion()).toBe(first);
    await testDb.query(
      `INSERT INTO "AuditEntry" (at, actor, action, entity, "entityKey") VALUES ($1, 'Ada', 'test', 'probe', 'x')`,
      [new Date().toISOString()],
    );
    expect(await probe.dataVersion()).not.toBe(first);
  });
});
