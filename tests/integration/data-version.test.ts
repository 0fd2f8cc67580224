import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataVersionReader } from "@/server/serve";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let testDb: TestDatabase;

beforeAll(() => {
  testDb = createTestDatabase();
});

afterAll(() => testDb.remove());

describe("the page cache's data version", () => {
  it("changes with a write and with the day, read from an injected clock", () => {
    let today = new Date("2026-11-27T23:59:00Z");
    const version = dataVersionReader(testDb.file, () => today);
    expect(version()).toBe("0:2026-11-27");

    const writer = new Database(testDb.file);
    writer
      .prepare(
        "INSERT INTO AuditEntry (at, actor, action, entity, entityKey, before, after) VALUES (?, 'test', 'create', 'observation', 'k', NULL, NULL)",
      )
      .run(today.toISOString());
    writer.close();
    const afterWrite = version();
    expect(afterWrite).toMatch(/^[1-9]\d*:2026-11-27$/);

    today = new Date("2026-11-28T00:00:00Z");
    expect(version()).toBe(`${afterWrite.split(":")[0]}:2026-11-28`);
  });
});
