import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/export/route";
import { createPrismaClient } from "@/lib/db";
import { appendObservationRevision } from "@/lib/mutations/append-observation-revision";
import { PROJECT_ROOT, seedFromFiles } from "@/lib/seed/prepare-database";
import { CopyError, copyDatabase } from "@/scripts/db-copy";
import { resetDbClients } from "../support/db-clients";
import {
  createTestDatabase,
  postgresUrlFor,
  type TestDatabase,
  testProvider,
} from "../support/test-db";

/*
 * SQLite -> PostgreSQL with `npm run db:copy`, then the same exports from both. Runs once, in the
 * SQLite project, when a PostgreSQL server is given (PULSE_TEST_PG_URL).
 */
const enabled = Boolean(process.env.PULSE_TEST_PG_URL) && testProvider() === "sqlite";

async function exportFrom(url: string, query: string): Promise<Buffer> {
  await resetDbClients();
  process.env.DATABASE_URL = url;
  const response = await GET(new Request(`http://test/api/export?${query}`));
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresUrlFor("postgres") });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe.skipIf(!enabled)("db:copy from SQLite to PostgreSQL", { timeout: 180_000 }, () => {
  let source: TestDatabase;
  const target = `pulse_copy_${process.pid}_${Date.now()}`;
  let targetUrl = "";

  beforeAll(async () => {
    await resetDbClients();
    source = await createTestDatabase();
    await seedFromFiles(source.url, path.join(PROJECT_ROOT, "data"));
    // History to carry over: a restatement and a withdrawal, each with its audit row.
    const db = createPrismaClient(source.url);
    try {
      const brand = await db.brand.findUniqueOrThrow({ where: { slug: "xiaomi" } });
      const metric = await db.metric.findUniqueOrThrow({ where: { key: "revenue" } });
      for (const value of [111.11, null]) {
        await db.$transaction((tx) =>
          appendObservationRevision(tx, {
            brandId: brand.id,
            brandSlug: brand.slug,
            metricId: metric.id,
            metricKey: metric.key,
            quarter: "2025Q1",
            value,
            decimals: 2,
            qualifier: "exact",
            sourceId: null,
            quote: null,
            note: "copied with its history",
            statedYoyPct: null,
            actor: { id: null, name: "Ada" },
            at: new Date("2026-02-03T04:05:06.789Z"),
          }),
        );
      }
    } finally {
      await db.$disconnect();
    }
    await admin((client) => client.query(`CREATE DATABASE "${target}"`));
    targetUrl = postgresUrlFor(target);
  });

  afterAll(async () => {
    await resetDbClients();
    await source.remove();
    await admin((client) => client.query(`DROP DATABASE IF EXISTS "${target}" WITH (FORCE)`));
  });

  it("copies every table, verified, and both databases export byte-identical files", async () => {
    const reports = await copyDatabase(source.url, targetUrl);
    const tables = Object.fromEntries(reports.map((report) => [report.table, report.rows]));
    expect(tables.Observation).toBe(await source.count("Observation"));
    expect(tables.AuditEntry).toBe(await source.count("AuditEntry"));
    expect(tables.Event).toBe(await source.count("Event"));
    expect(tables.Observation).toBeGreaterThan(100);

    for (const query of [
      "history=1",
      "format=long",
      "format=wide",
      "brand=xiaomi&history=1&from=2024Q1",
    ]) {
      const fromSqlite = await exportFrom(source.url, query);
      const fromPostgres = await exportFrom(targetUrl, query);
      expect(fromPostgres.length, query).toBeGreaterThan(1000);
      expect(fromPostgres.equals(fromSqlite), query).toBe(true);
    }
  });

  it("continues ids after the copied rows, so new writes do not collide", async () => {
    const db = createPrismaClient(targetUrl);
    try {
      const before = await db.auditEntry.aggregate({ _max: { id: true } });
      const entry = await db.auditEntry.create({
        data: { actor: "Ada", action: "test", entity: "copy", entityKey: "ids" },
      });
      expect(entry.id).toBe((before._max.id ?? 0) + 1);
    } finally {
      await db.$disconnect();
    }
  });

  it("refuses a target that holds any row, and changes nothing", async () => {
    const db = createPrismaClient(targetUrl);
    try {
      const before = await db.observation.count();
      await expect(copyDatabase(source.url, targetUrl)).rejects.toThrow(CopyError);
      await expect(copyDatabase(source.url, targetUrl)).rejects.toThrow(/not empty/);
      expect(await db.observation.count()).toBe(before);
    } finally {
      await db.$disconnect();
    }
  });
});
