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

    await testDb.query(
      `INSERT INTO "AuditEntry" ("at", "actor", "action", "entity", "entityKey") VALUES ($1, 'test', 'create', 'observation', 'k')`,
      [today],
    );
    const afterWrite = await version();
    expect(afterWrite).toMatch(/^[1-9]\d*:2026-11-27$/);

    today = new Date("2026-11-28T00:00:00Z");
    expect(await version()).toBe(`${afterWrite.split(":")[0]}:2026-11-28`);
  });
});
