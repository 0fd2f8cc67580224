import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/generated/prisma/client";
import { getBrand, listBrands } from "@/lib/queries/brands";
import { EXPORT_BATCH_SIZE, EXPORT_SQL } from "@/lib/queries/export-observations";
import { getMetric } from "@/lib/queries/metrics";
import { listBrandSeries } from "@/lib/queries/series";
import { PROJECT_ROOT, seedFromFiles } from "@/lib/seed/prepare-database";
import { brandVersionSql } from "@/server/database-probe";
import { createTestDatabase, sqliteFileOf, type TestDatabase } from "../support/test-db";

/*
 * The SQL the pages run, captured from Prisma's query events while the real read functions run,
 * then explained by SQLite on the same seeded file. Capturing (rather than copying the SQL here)
 * keeps the test honest when a query changes shape.
 */

interface CapturedQuery {
  sql: string;
  params: unknown[];
}

const globalForDb = globalThis as unknown as { pulseReadDb?: PrismaClient };
const captured: CapturedQuery[] = [];

function installCapturingClient(url: string): PrismaClient {
  const client = new PrismaClient({
    adapter: new PrismaBetterSQLite3({ url }),
    log: [{ emit: "event", level: "query" }],
  });
  client.$on("query", (event) => {
    captured.push({ sql: event.query, params: JSON.parse(event.params) as unknown[] });
  });
  // The read queries use getReadDb(), which hands out this global; the capturing client takes
  // its place so that the queries under test run unchanged.
  globalForDb.pulseReadDb = client;
  return client;
}

async function capture<T>(load: () => Promise<T>): Promise<CapturedQuery[]> {
  captured.length = 0;
  await load();
  return [...captured];
}

/** What the overview page (app/page.tsx) reads for one brand. */
async function loadOverview(slug: string) {
  await Promise.all([getBrand(slug), listBrands()]);
  await listBrandSeries(slug);
}

/** What a metric page (app/metrics/[key]/page.tsx) reads. */
async function loadMetricPage(slug: string, key: string) {
  await Promise.all([getMetric(key), getBrand(slug), listBrands()]);
  await listBrandSeries(slug, { metricKeys: [key] });
}

function bindable(value: unknown): unknown {
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

/** SQLite's plan for a captured query, one line per step ("SEARCH Observation USING INDEX ..."). */
function queryPlan(file: string, query: CapturedQuery): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return db
      .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${query.sql}`)
      .all(...query.params.map(bindable))
      .map((row) => row.detail);
  } finally {
    db.close();
  }
}

/** Tables that grow with the data; a full scan of one of them is what the test forbids. */
const LARGE_TABLES = ["Observation", "Event", "Source", "AuditEntry"];

function fullScans(plan: string[]): string[] {
  return plan.filter((line) => {
    const match = /^SCAN (?:main\.)?(\w+)(?: AS \w+)?(.*)$/.exec(line.replace(/[`"]/g, ""));
    if (!match) return false;
    const [, table, rest] = match;
    return LARGE_TABLES.includes(table ?? "") && !/USING (COVERING )?INDEX/.test(rest ?? "");
  });
}

describe("the queries behind the pages", () => {
  let testDb: TestDatabase;
  let client: PrismaClient;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    await seedFromFiles(testDb.url, path.join(PROJECT_ROOT, "data"));
    client = installCapturingClient(testDb.url);
  });

  afterEach(() => {
    captured.length = 0;
  });

  afterAll(async () => {
    await client.$disconnect();
    globalForDb.pulseReadDb = undefined;
    await testDb.remove();
  });

  it("search the observation table through an index on every overview and metric page query", async () => {
    const queries = [
      ...(await capture(() => loadOverview("xiaomi"))),
      ...(await capture(() => loadMetricPage("xiaomi", "revenue"))),
    ];
    const observationQueries = queries.filter((query) => query.sql.includes("`Observation`"));
    expect(observationQueries.length).toBeGreaterThanOrEqual(4);
    for (const query of queries) {
      const plan = queryPlan(sqliteFileOf(testDb), query);
      expect(fullScans(plan), `${query.sql}\n${plan.join("\n")}`).toEqual([]);
    }
    for (const query of observationQueries) {
      const plan = queryPlan(sqliteFileOf(testDb), query).join("\n");
      expect(plan).toMatch(/SEARCH (main\.)?Observation USING (COVERING )?INDEX Observation_/);
    }
  });

  it("search the observation table through an index in every read of a CSV export", () => {
    // The export reads through its own better-sqlite3 connection (not Prisma), so its SQL is
    // explained as the module states it, with the parameters it binds.
    const db = new Database(sqliteFileOf(testDb), { readonly: true });
    try {
      const params = {
        brandId: 1,
        metricId: 1,
        metricIds: "[1,2,3]",
        from: "2019Q1",
        to: "2025Q3",
        afterQuarter: "2020Q2",
        afterRevision: 1,
        afterMetric: 2,
        limit: EXPORT_BATCH_SIZE,
      };
      for (const [name, sql] of Object.entries(EXPORT_SQL)) {
        const statement = db.prepare(`EXPLAIN QUERY PLAN ${sql}`);
        const rows = (sql.includes("@") ? statement.all(params) : statement.all()) as {
          detail: string;
        }[];
        const plan = rows.map((row) => row.detail);
        expect(fullScans(plan), `${name}\n${plan.join("\n")}`).toEqual([]);
        // The statements alias Observation as o and Source as s, which plans name instead.
        const aliasScans = plan.filter(
          (line) => /^SCAN [os]\b/.test(line) && !/USING (COVERING )?INDEX/.test(line),
        );
        expect(aliasScans, `${name}\n${plan.join("\n")}`).toEqual([]);
        if (sql.includes('"Observation"')) {
          expect(plan.join("\n"), name).toMatch(
            /SEARCH (main\.)?o USING (COVERING )?INDEX Observation_/,
          );
        }
      }
    } finally {
      db.close();
    }
  });

  it("answers the page cache's version of up to four brands by seeks on the audit table's brand index", () => {
    // Every cached request runs it: no part may scan the audit rows or sort them.
    const plan = queryPlan(sqliteFileOf(testDb), {
      sql: brandVersionSql(4, () => "?"),
      params: ["xiaomi", "li-auto", "nio", "xpeng"],
    });
    expect(fullScans(plan), plan.join("\n")).toEqual([]);
    expect(plan.join("\n")).not.toMatch(/TEMP B-TREE/);
    expect(plan.filter((line) => /AuditEntry/.test(line))).toEqual(
      Array(5).fill("SEARCH AuditEntry USING COVERING INDEX AuditEntry_brandId_id_idx (brandId=?)"),
    );
  });

  it("recognises a full scan of the observation table when it sees one", () => {
    const plan = queryPlan(sqliteFileOf(testDb), {
      sql: 'SELECT COUNT(*) FROM "Observation" WHERE note LIKE ?',
      params: ["%x%"],
    });
    expect(fullScans(plan)).toEqual(["SCAN Observation"]);
  });

  it("loads the overview with the same few queries however many metrics there are (no N+1)", async () => {
    const before = await capture(() => loadOverview("xiaomi"));
    // Twelve more metrics with a figure each for the brand: a per-metric query would show here.
    const db = new Database(sqliteFileOf(testDb));
    try {
      const brandId = db.prepare<[], { id: number }>(`SELECT id FROM "Brand"`).get()?.id;
      const sourceId = db
        .prepare<[], { id: number }>(`SELECT MIN(id) AS id FROM "Source"`)
        .get()?.id;
      const addMetric = db.prepare(
        `INSERT INTO "Metric" (key, label, unit, kind, higherIsBetter, definition, position)
         VALUES (?, ?, 'units', 'stock', 1, 'test metric', ?)`,
      );
      const addFigure = db.prepare(
        `INSERT INTO "Observation" (brandId, metricId, quarter, revision, isCurrent, value, decimals,
           qualifier, sourceId, createdBy) VALUES (?, ?, '2025Q1', 1, 1, 1, 0, 'exact', ?, 'test')`,
      );
      db.transaction(() => {
        for (let i = 0; i < 12; i++) {
          const metricId = addMetric.run(`extra_${i}`, `Extra ${i}`, 100 + i).lastInsertRowid;
          addFigure.run(brandId, metricId, sourceId);
        }
      })();
    } finally {
      db.close();
    }
    const after = await capture(() => loadOverview("xiaomi"));
    const series = await listBrandSeries("xiaomi");
    expect(series.length).toBeGreaterThanOrEqual(25);
    expect(after.length).toBe(before.length);
    // A handful of statements (brands, brand, catalog, current figures, history, and the
    // batched metric and source look-ups of each), fewer than the metrics they cover.
    expect(after.length).toBeLessThanOrEqual(10);
    expect(after.length).toBeLessThan(series.length);
  });

  it("loads a metric page with a fixed handful of queries", async () => {
    const queries = await capture(() => loadMetricPage("xiaomi", "revenue"));
    expect(queries.length).toBeLessThanOrEqual(10);
  });
});
