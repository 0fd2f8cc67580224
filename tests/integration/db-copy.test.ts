import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/export/route";
import { createPrismaClient } from "@/lib/db";
import { appendObservationRevision } from "@/lib/mutations/append-observation-revision";
import { PROJECT_ROOT, seedFromFiles } from "@/lib/seed/prepare-database";
import { CopyError, copyDatabase } from "@/server/copy-database";
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

function postgresDatabase(url: string): pg.Pool {
  return new pg.Pool({ connectionString: url, max: 1 });
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
      // Accounts and the rest of what the app keeps, so that every table has rows to carry:
      // dates set and unset, a false flag, text beyond ASCII.
      const user = await db.user.create({
        data: {
          id: "user-ada",
          email: "ada@example.com",
          name: "Ada Lovelace é 中文",
          role: "editor",
          passwordHash: "scrypt$copy-test",
          passwordChangedAt: new Date("2026-01-02T03:04:05.678Z"),
        },
      });
      await db.user.create({
        data: {
          id: "user-invited",
          email: "bob@example.com",
          name: "Bob",
          role: "viewer",
          active: false,
        },
      });
      const at = new Date("2026-02-03T04:05:06.789Z");
      await db.session.create({
        data: {
          id: "a".repeat(64),
          userId: user.id,
          createdAt: at,
          lastSeenAt: at,
          expiresAt: new Date("2026-02-03T16:05:06.789Z"),
          userAgent: "Mozilla/5.0",
          address: "127.0.0.1",
        },
      });
      await db.accountToken.create({
        data: {
          id: "b".repeat(64),
          kind: "invite",
          email: "bob@example.com",
          name: "Bob",
          role: "viewer",
          createdAt: at,
          expiresAt: new Date("2026-02-10T04:05:06.789Z"),
          createdById: user.id,
        },
      });
      await db.signInThrottle.create({
        data: { key: "account:bob@example.com", windowStart: at, failures: 3 },
      });
      await db.importBatch.create({
        data: {
          createdBy: "Ada",
          createdById: user.id,
          fileName: "figures é.csv",
          checksum: "c".repeat(64),
          csv: "brand,metric\r\nxiaomi,revenue\r\n",
          plan: JSON.stringify({ adds: 1 }),
          planChecksum: "d".repeat(64),
          rowCount: 1,
          rejectedCount: 0,
        },
      });
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
    // Every table of the source, accounts included, each with rows, the same count on both sides.
    const sourceTables = await source.query<{ name: string }>(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name`,
    );
    expect(Object.keys(tables).sort()).toEqual(sourceTables.map((table) => table.name));
    for (const account of ["User", "Session", "AccountToken", "SignInThrottle"])
      expect(Object.keys(tables)).toContain(account);
    const target = postgresDatabase(targetUrl);
    try {
      for (const { name } of sourceTables) {
        const [copied] = (await target.query(`SELECT count(*) AS n FROM "${name}"`)).rows;
        expect(tables[name], name).toBeGreaterThan(0);
        expect(Number(copied?.n), name).toBe(await source.count(name));
        expect(tables[name], name).toBe(Number(copied?.n));
      }
    } finally {
      await target.end();
    }
    expect(reports.every((report) => /^[0-9a-f]{16,}$/.test(report.checksum))).toBe(true);
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
