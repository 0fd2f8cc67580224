import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { createPrismaClient } from "@/lib/db";
import {
  appendObservationRevision,
  appendObservationRevisions,
  type ObservationRevisionInput,
} from "@/lib/mutations/append-observation-revision";
import { findOrCreateSource } from "@/lib/mutations/find-or-create-source";
import { findOrCreateSources, insertNewFigures } from "@/lib/mutations/insert-new-figures";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

const revisions = [
  {
    value: 14000,
    decimals: 0,
    qualifier: "approximate" as const,
    quote: "nearly 14,000",
    note: null,
  },
  { value: 15000, decimals: 0, qualifier: "approximate" as const, quote: null, note: "restated" },
  { value: null, decimals: 0, qualifier: "exact" as const, quote: null, note: "withdrawn" },
];

describe("insertNewFigures", () => {
  let testDb: TestDatabase;
  let db: PrismaClient;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = createPrismaClient(testDb.url);
    await db.brand.create({
      data: { slug: "xiaomi", name: "Xiaomi", currency: "CNY", description: "" },
    });
    await db.metric.create({
      data: {
        key: "stores",
        label: "Stores",
        unit: "stores",
        kind: "stock",
        higherIsBetter: true,
        definition: "",
        position: 0,
      },
    });
    await db.metric.create({
      data: {
        key: "revenue",
        label: "Revenue",
        unit: "CNY m",
        kind: "flow",
        higherIsBetter: true,
        definition: "",
        position: 1,
      },
    });
  });

  afterAll(async () => {
    await db.$disconnect();
    await testDb.remove();
  });

  it("writes the same revisions and audit entries as appending them one by one", async () => {
    const at = new Date("2026-03-01T00:00:00Z");
    const source = { title: "Results", url: "https://example.com/r", publishedOn: "2026-02" };
    await db.$transaction(async (tx) => {
      const sourceId = await findOrCreateSource(tx, source);
      for (const revision of revisions) {
        await appendObservationRevision(tx, {
          brandId: 1,
          brandSlug: "xiaomi",
          metricId: 1,
          metricKey: "stores",
          quarter: "2024Q3",
          ...revision,
          sourceId,
          statedYoyPct: null,
          actor: { id: null, name: "Ada" },
          at,
          auditAction: "import",
        });
      }
      const ids = await findOrCreateSources(tx, [source, source]);
      expect([...ids.values()]).toEqual([sourceId]);
      await insertNewFigures(
        tx,
        [
          {
            brandId: 1,
            brandSlug: "xiaomi",
            metricId: 1,
            metricKey: "stores",
            quarter: "2024Q4",
            revisions: revisions.map((revision) => ({ ...revision, sourceId })),
          },
        ],
        { actor: { id: null, name: "Ada" }, at, auditAction: "import" },
      );
    });
    const rows = await db.observation.findMany({
      orderBy: [{ quarter: "asc" }, { revision: "asc" }],
    });
    const strip = ({ id: _id, quarter: _quarter, ...rest }: (typeof rows)[number]) => rest;
    expect(rows.filter((row) => row.quarter === "2024Q4").map(strip)).toEqual(
      rows.filter((row) => row.quarter === "2024Q3").map(strip),
    );
    const audits = await db.auditEntry.findMany({ orderBy: { id: "asc" } });
    const auditOf = (quarter: string) =>
      audits
        .filter((entry) => entry.entityKey.endsWith(quarter))
        .map(({ id: _id, entityKey: _key, ...rest }) => rest);
    expect(auditOf("2024Q4")).toEqual(auditOf("2024Q3"));
    expect(auditOf("2024Q3")).toHaveLength(3);
  });

  it("appends a save's revisions in one call exactly as one by one, a figure named twice included", async () => {
    const at = new Date("2026-04-01T00:00:00Z");
    const later = new Date("2026-04-02T00:00:00Z");
    const figure = (metricId: number, quarter: string) => ({
      brandId: 1,
      brandSlug: "xiaomi",
      metricId,
      metricKey: metricId === 1 ? "stores" : "revenue",
      quarter,
      decimals: 0,
      qualifier: "exact" as const,
      sourceId: null,
      quote: null,
      statedYoyPct: null,
    });
    // Stored before the save: stores has one revision, revenue none.
    const storedFirst = (quarter: string): ObservationRevisionInput[] => [
      { ...figure(1, quarter), value: 10, note: null, actor: { id: null, name: "Ada" }, at },
    ];
    const save = (quarter: string): ObservationRevisionInput[] => [
      {
        ...figure(1, quarter),
        value: 12,
        note: "restated",
        actor: { id: null, name: "Bo" },
        at: later,
      },
      { ...figure(2, quarter), value: 900, note: null, actor: { id: null, name: "Bo" }, at: later },
      {
        ...figure(1, quarter),
        value: null,
        note: "withdrawn",
        actor: { id: null, name: "Bo" },
        at: later,
      },
    ];
    const together = await db.$transaction(async (tx) => {
      await appendObservationRevisions(tx, storedFirst("2025Q1"));
      return appendObservationRevisions(tx, save("2025Q1"));
    });
    const oneByOne = await db.$transaction(async (tx) => {
      await appendObservationRevisions(tx, storedFirst("2025Q2"));
      const appended = [];
      for (const input of save("2025Q2")) appended.push(await appendObservationRevision(tx, input));
      return appended;
    });
    expect(together).toEqual(oneByOne);
    expect(together.map((entry) => entry.revision)).toEqual([2, 1, 3]);
    expect(together[2]?.previous).toEqual({ revision: 2, value: 12 });

    const rowsOf = async (quarter: string) =>
      (
        await db.observation.findMany({
          where: { quarter },
          orderBy: [{ metricId: "asc" }, { revision: "asc" }],
        })
      ).map(({ id: _id, quarter: _quarter, ...rest }) => rest);
    expect(await rowsOf("2025Q1")).toEqual(await rowsOf("2025Q2"));
    const current = (await rowsOf("2025Q1")).filter((row) => row.isCurrent);
    expect(current.map((row) => [row.metricId, row.revision, row.value])).toEqual([
      [1, 3, null],
      [2, 1, 900],
    ]);
    const audits = await db.auditEntry.findMany({ orderBy: { id: "asc" } });
    const auditOf = (quarter: string) =>
      audits
        .filter((entry) => entry.entityKey.endsWith(quarter))
        .map(({ id: _id, entityKey, ...rest }) => ({ ...rest, metric: entityKey.split("/")[1] }));
    expect(auditOf("2025Q1")).toEqual(auditOf("2025Q2"));
    expect(auditOf("2025Q1").map((entry) => entry.action)).toEqual([
      "create",
      "restate",
      "create",
      "delete",
    ]);
  });
});
