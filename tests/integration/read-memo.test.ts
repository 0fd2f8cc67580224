import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getReadDb, getWriteDb } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import { createEvent } from "@/lib/mutations/create-event";
import { createQuarterFigures } from "@/lib/mutations/create-quarter-figures";
import { listEvents } from "@/lib/queries/events";
import { listBrandSeries } from "@/lib/queries/series";
import { PROJECT_ROOT, seedFromFiles } from "@/lib/seed/prepare-database";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

const actor: Actor = { id: null, name: "Memo Tester" };

const SOURCE = {
  title: "Memo test source",
  url: "https://example.com/memo",
  publishedOn: null,
};

/*
 * In production the reads of a brand's pages are kept across requests while the brand's data
 * version (its audit rows and the brand-less ones) is unchanged (lib/queries/data-version.ts).
 */
describe("reads kept across requests by data version", () => {
  let testDb: TestDatabase;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    await seedFromFiles(testDb.url, path.join(PROJECT_ROOT, "data"));
    vi.stubEnv("NODE_ENV", "production");
  });

  afterAll(async () => {
    vi.unstubAllEnvs();
    await getReadDb().$disconnect();
    await getWriteDb().$disconnect();
    await testDb.remove();
  });

  it("answers a second read from memory, frozen, so that no caller can change it for the next", async () => {
    const first = await listBrandSeries("xiaomi", { metricKeys: ["revenue"] });
    const second = await listBrandSeries("xiaomi", { metricKeys: ["revenue"] });
    expect(second).toBe(first);
    expect(Object.isFrozen(first[0]?.points[0])).toBe(true);
    expect(() => {
      (first as unknown as unknown[]).push(null);
    }).toThrow(TypeError);
  });

  it("reads again after a save to the brand, and shows the saved figure", async () => {
    const before = await listBrandSeries("xiaomi", { metricKeys: ["revenue"] });
    expect(before[0]?.points.some((point) => point.quarter === "2025Q4")).toBe(false);
    await createQuarterFigures({
      brand: "xiaomi",
      quarter: "2025Q4",
      figures: [{ metricKey: "revenue", value: 120.5, decimals: 1, qualifier: "exact" }],
      source: SOURCE,
      note: null,
      actor,
      confirmedTokens: [],
    });
    const after = await listBrandSeries("xiaomi", { metricKeys: ["revenue"] });
    expect(after).not.toBe(before);
    expect(after[0]?.points.find((point) => point.quarter === "2025Q4")?.value).toBe(120.5);
  });

  it("keeps a brand's reads when another brand is written, and drops them after its own write", async () => {
    const liAuto = await listEvents("li-auto");
    const xiaomi = await listEvents("xiaomi");
    await createEvent(
      {
        brand: "xiaomi",
        date: "2025-11",
        kind: "launch",
        title: "Memo test launch",
        description: "A launch made up for this test.",
        sourceTitle: SOURCE.title,
        sourceUrl: SOURCE.url,
        sourcePublishedOn: undefined,
        quote: undefined,
        metrics: [],
      },
      actor,
    );
    expect(await listEvents("li-auto")).toBe(liAuto);
    const xiaomiAfter = await listEvents("xiaomi");
    expect(xiaomiAfter).not.toBe(xiaomi);
    expect(xiaomiAfter.map((event) => event.title)).toContain("Memo test launch");
  });
});
