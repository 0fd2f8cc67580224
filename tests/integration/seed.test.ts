import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { createPrismaClient } from "@/lib/db";
import { PROJECT_ROOT } from "@/lib/seed/prepare-database";
import { SeedConsistencyError, seedDatabase } from "@/lib/seed/seed-database";
import { readSeedFiles, type SeedFiles } from "@/lib/seed/seed-files";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

const dataDirectory = path.join(PROJECT_ROOT, "data");

async function tableCounts(db: PrismaClient) {
  const [observations, events, sources, audit, brands, metrics] = await Promise.all([
    db.observation.count(),
    db.event.count(),
    db.source.count(),
    db.auditEntry.count(),
    db.brand.count(),
    db.metric.count(),
  ]);
  return { observations, events, sources, audit, brands, metrics };
}

// A whole seed is the slowest single piece of work in the suite (every file, in one transaction;
// on PostgreSQL each statement is a round trip): on a loaded 2-core machine it outran the 20 s
// default, and the next test then raced the unfinished seed.
describe("seeding the sourced data into a real database", { timeout: 90_000 }, () => {
  let testDb: TestDatabase;
  let db: PrismaClient;
  let files: SeedFiles;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = createPrismaClient(testDb.url);
    files = await readSeedFiles(dataDirectory);
  });

  afterAll(async () => {
    await db.$disconnect();
    await testDb.remove();
  });

  it("loads every figure and event of the files, each with a source", async () => {
    const report = await seedDatabase(db, files);
    expect(report.observationsAdded).toBe(files.observations.length);
    expect(report.eventsAdded).toBe(files.events.length);
    const counts = await tableCounts(db);
    // Each correction of data/corrections.csv adds a revision to a seeded figure.
    expect(report.correctionsApplied).toBe(files.corrections?.length);
    expect(counts.observations).toBe(files.observations.length + report.correctionsApplied);
    expect(counts.events).toBe(files.events.length);
    expect(await db.observation.count({ where: { sourceId: null } })).toBe(0);
  });

  it("changes nothing when run a second time", async () => {
    const before = await tableCounts(db);
    const report = await seedDatabase(db, files);
    expect(report.observationsAdded).toBe(0);
    expect(report.eventsAdded).toBe(0);
    expect(report.observationsUnchanged).toBe(files.observations.length);
    expect(await tableCounts(db)).toEqual(before);
  });

  it("keeps the earlier of two sources for one quarter as history and the later as current", async () => {
    const stores = await db.observation.findMany({
      where: { metric: { key: "retail_stores" }, quarter: "2024Q3" },
      orderBy: { revision: "asc" },
      include: { source: true },
    });
    expect(stores.map((row) => [row.value, row.isCurrent])).toEqual([
      [14000, false],
      [15000, true],
    ]);
    expect(stores[0]?.supersededAt).not.toBeNull();
    expect(stores[1]?.source?.title).toContain("Ginlix");
  });

  it("stores the digits and qualifier the source states", async () => {
    const profit = await db.observation.findFirst({
      where: { metric: { key: "adjusted_net_profit" }, quarter: "2023Q3", isCurrent: true },
    });
    expect(profit).toMatchObject({ value: 6, decimals: 1, qualifier: "exact" });
    const evs = await db.observation.findFirst({
      where: { metric: { key: "ev_deliveries" }, quarter: "2024Q4", isCurrent: true },
    });
    expect(evs).toMatchObject({ value: 70000, qualifier: "approximate" });
  });

  it("checks the second brand's stated YoY figures against its own year-ago quarters", async () => {
    // Li Auto: deliveries and revenue 2023Q1..2025Q3, each release stating its YoY; 2024Q1..2025Q3
    // have their year-ago quarter in the file (7 per metric), the four 2023 quarters do not.
    const report = await seedDatabase(db, {
      ...files,
      observations: files.observations.filter((row) => row.brand === "li-auto"),
    });
    expect(report.observationsAdded).toBe(0);
    expect(report.statedYoyChecked).toBe(14);
    expect(report.statedYoyUnverifiable).toBe(8);
  });

  it("stores the reporting lag a brand row states, and updates an older database's brand", async () => {
    const xiaomi = await db.brand.findUniqueOrThrow({ where: { slug: "xiaomi" } });
    expect(xiaomi.reportingLagDays).toBe(90);
    await db.brand.update({ where: { slug: "xiaomi" }, data: { reportingLagDays: 75 } });
    await seedDatabase(db, files);
    expect((await db.brand.findUniqueOrThrow({ where: { slug: "xiaomi" } })).reportingLagDays).toBe(
      90,
    );
    const audit = await db.auditEntry.findFirst({
      where: { entity: "brand", entityKey: "xiaomi", action: "update" },
    });
    expect(JSON.parse(audit?.after ?? "{}")).toEqual({ reportingLagDays: 90 });
  });

  it("stores a brand's Chinese description, fills it into an older database, and removes none", async () => {
    const seeded = await db.brand.findUniqueOrThrow({ where: { slug: "li-auto" } });
    expect(seeded.descriptionZh).toContain("理想汽车（纳斯达克：LI；港交所：2015）");
    // A database seeded before the column existed has no translation: the next seed fills it in.
    await db.brand.update({ where: { slug: "li-auto" }, data: { descriptionZh: null } });
    await seedDatabase(db, files);
    const filled = await db.brand.findUniqueOrThrow({ where: { slug: "li-auto" } });
    expect(filled.descriptionZh).toBe(seeded.descriptionZh);
    const audit = await db.auditEntry.findFirst({
      where: { entity: "brand", entityKey: "li-auto", action: "update" },
      orderBy: { id: "desc" },
    });
    expect(JSON.parse(audit?.before ?? "{}")).toEqual({ descriptionZh: null });
    expect(JSON.parse(audit?.after ?? "{}")).toEqual({ descriptionZh: seeded.descriptionZh });
    // A file without the column keeps the stored translation.
    const untranslated = {
      ...files,
      brands: files.brands.map((row) => ({ ...row, description_zh: undefined })),
    };
    await seedDatabase(db, untranslated);
    expect((await db.brand.findUniqueOrThrow({ where: { slug: "li-auto" } })).descriptionZh).toBe(
      seeded.descriptionZh,
    );
  });

  it("writes an audit row for every figure it adds", async () => {
    const audited = await db.auditEntry.count({ where: { entity: "observation", action: "seed" } });
    expect(audited).toBe(files.observations.length);
  });
});

describe("the stated-YoY check", () => {
  it("fails loudly on a stated YoY the stored values contradict, and writes nothing", async () => {
    const testDb = await createTestDatabase();
    const db = createPrismaClient(testDb.url);
    try {
      const files = await readSeedFiles(dataDirectory);
      const tampered: SeedFiles = {
        ...files,
        observations: files.observations.map((row) =>
          row.brand === "xiaomi" && row.metric === "revenue" && row.quarter === "2025Q3"
            ? { ...row, stated_yoy_pct: "25.0" }
            : row,
        ),
      };
      const failure = await seedDatabase(db, tampered).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(SeedConsistencyError);
      expect((failure as SeedConsistencyError).mismatches).toEqual([
        expect.stringContaining("xiaomi revenue 2025Q3: the source states 25.0% YoY"),
      ]);
      expect(await db.observation.count()).toBe(0);
      expect(await db.auditEntry.count()).toBe(0);
    } finally {
      await db.$disconnect();
      await testDb.remove();
    }
  });
});
