import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getReadDb, getWriteDb } from "@/lib/db";
import { AuditFilterSchema } from "@/lib/domain/audit-filter";
import { createEvent } from "@/lib/mutations/create-event";
import { auditFilterProblems, listAuditEntries } from "@/lib/queries/audit-log";
import { PROJECT_ROOT, seedFromFiles } from "@/lib/seed/prepare-database";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

const filter = (query: Record<string, string>) => AuditFilterSchema.parse(query);

describe("the audit log by brand", () => {
  let testDb: TestDatabase;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    await seedFromFiles(testDb.url, path.join(PROJECT_ROOT, "data"));
    await createEvent(
      {
        brand: "li-auto",
        date: "2025-11",
        kind: "launch",
        title: "Audit brand test launch",
        description: "A launch made up for this test.",
        sourceTitle: "Integration test source",
        sourceUrl: "https://example.com/audit-brand",
        sourcePublishedOn: undefined,
        quote: undefined,
        metrics: [],
      },
      { id: null, name: "Ada" },
    );
  });

  afterAll(async () => {
    await getReadDb().$disconnect();
    await getWriteDb().$disconnect();
    await testDb.remove();
  });

  it("names each entry's brand and keeps only that brand's entries", async () => {
    const { entries, total } = await listAuditEntries(filter({ brand: "li-auto" }));
    expect(total).toBeGreaterThan(0);
    expect(entries.find((entry) => entry.entity === "event")).toMatchObject({
      actor: "Ada",
      brand: "li-auto",
    });
    expect(entries.every((entry) => entry.brand === "li-auto" || entry.brand === null)).toBe(true);
    const xiaomi = await listAuditEntries(filter({ brand: "xiaomi", action: "create" }));
    expect(xiaomi.entries.some((entry) => entry.actor === "Ada")).toBe(false);
  });

  it("says a brand no brand has is unknown, and has no complaint about a real one", async () => {
    expect(await auditFilterProblems(filter({ brand: "no-such-brand" }))).toEqual([
      { param: "brand", message: 'has no brand "no-such-brand"' },
    ]);
    expect(await auditFilterProblems(filter({ brand: "xiaomi" }))).toEqual([]);
    expect(await auditFilterProblems(filter({}))).toEqual([]);
  });
});
