import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabaseProbe } from "@/server/database-probe";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await createTestDatabase();
});

afterAll(() => testDb.remove());

describe("the page cache's data version", () => {
  it("changes with a write and with the day, read from an injected clock", async () => {
    let today = new Date("2026-11-27T23:59:00Z");
    const probe = createDatabaseProbe(testDb.url, () => today);
    const version = () => probe.dataVersion();
    expect(await version()).toBe("0:2026-11-27");

    // The audit row's own time does not matter: the version reads its id and the clock's day.
    await testDb.exec(
      `INSERT INTO "AuditEntry" ("at", "actor", "action", "entity", "entityKey") VALUES (CURRENT_TIMESTAMP, 'test', 'create', 'observation', 'k')`,
    );
    const afterWrite = await version();
    expect(afterWrite).toMatch(/^[1-9]\d*:2026-11-27$/);

    today = new Date("2026-11-28T00:00:00Z");
    expect(await version()).toBe(`${afterWrite.split(":")[0]}:2026-11-28`);
  });
});
