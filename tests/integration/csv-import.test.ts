import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET } from "@/app/api/export/route";
import { longHeader } from "@/lib/csv/export-format";
import type { ImportPlan } from "@/lib/csv/import-plan";
import { createPrismaClient } from "@/lib/db";
import { appendObservationRevision } from "@/lib/mutations/append-observation-revision";
import { confirmImportBatch } from "@/lib/mutations/confirm-import-batch";
import { createImportBatch } from "@/lib/mutations/create-import-batch";
import { findOrCreateSource } from "@/lib/mutations/find-or-create-source";
import { getImportBatch } from "@/lib/queries/import-batches";
import { PROJECT_ROOT, seedFromFiles } from "@/lib/seed/prepare-database";
import { resetDbClients } from "../support/db-clients";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

// The header an export writes, computed columns at the end included.
const HEADER = longHeader(false).join(",");

function line(
  metric: string,
  unit: string,
  quarter: string,
  value: string,
  title = "Q results",
): string {
  return `xiaomi,${metric},,${unit},${quarter},${value},exact,,,${title},https://example.com/${quarter},2026-05-20,false,,,,,,`;
}

function csv(...lines: string[]): Uint8Array {
  return new TextEncoder().encode(`${HEADER}\r\n${lines.join("\r\n")}\r\n`);
}

async function upload(bytes: Uint8Array) {
  const result = await createImportBatch({
    bytes,
    fileName: "figures.csv",
    actor: { id: null, name: "Ada" },
  });
  if (!result.ok) throw new Error(result.problems.join(" "));
  const batch = await getImportBatch(result.id);
  if (batch?.kind !== "figures") throw new Error("figures batch not stored");
  return batch;
}

/** A real database failure on one insert, as a full disk or a constraint would cause. */
async function createRefusalTrigger(db: TestDatabase) {
  if (db.provider === "sqlite") {
    await db.exec(`CREATE TRIGGER refuse_2028q3 BEFORE INSERT ON "Observation" WHEN NEW.quarter = '2028Q3'
                   BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END`);
    return;
  }
  await db.exec(`CREATE FUNCTION refuse_2028q3() RETURNS trigger LANGUAGE plpgsql AS $$
                 BEGIN RAISE EXCEPTION 'refused by test trigger'; END $$;
                 CREATE TRIGGER refuse_2028q3 BEFORE INSERT ON "Observation"
                 FOR EACH ROW WHEN (NEW.quarter = '2028Q3') EXECUTE FUNCTION refuse_2028q3();`);
}

async function dropRefusalTrigger(db: TestDatabase) {
  await db.exec(
    db.provider === "sqlite"
      ? "DROP TRIGGER IF EXISTS refuse_2028q3"
      : `DROP TRIGGER IF EXISTS refuse_2028q3 ON "Observation"; DROP FUNCTION IF EXISTS refuse_2028q3();`,
  );
}

describe("importing a CSV file: preview, confirmation, all or nothing", () => {
  let testDb: TestDatabase;

  const counts = async () => ({
    observations: await testDb.count("Observation"),
    importAudits: await testDb.count("AuditEntry", "action = 'import'"),
  });
  const current = async (metric: string, quarter: string) =>
    (
      await testDb.query<{
        value: number | null;
        revision: number;
        decimals: number;
        createdBy: string;
      }>(
        `SELECT o.value, o.revision, o.decimals, o."createdBy" FROM "Observation" o
         JOIN "Metric" m ON m.id = o."metricId" JOIN "Brand" b ON b.id = o."brandId"
         WHERE b.slug = 'xiaomi' AND m.key = $1 AND o.quarter = $2 AND o."isCurrent" = true`,
        [metric, quarter],
      )
    )[0];

  beforeAll(async () => {
    await resetDbClients();
    testDb = await createTestDatabase();
    await seedFromFiles(testDb.url, path.join(PROJECT_ROOT, "data"));
  });

  beforeEach(async () => {
    await dropRefusalTrigger(testDb);
  });

  afterAll(async () => {
    await resetDbClients();
    await testDb.remove();
  });

  it("previews adds, restatements and unchanged rows without writing a figure", async () => {
    const before = await counts();
    const batch = await upload(
      csv(
        line("xiao_ai_mau", "M users", "2026Q1", "150.2"),
        line("revenue", "RMB bn", "2025Q3", "113.2", "Restated Q3 2025 results"),
        // The stored mau for 2025Q3 with its own source: importing it again changes nothing.
        ...(await currentLines("mau", "2025Q3")),
      ),
    );
    expect(batch.status).toBe("pending");
    expect(batch.plan.writes.map((write) => [write.kind, write.metric, write.quarter])).toEqual([
      ["add", "xiao_ai_mau", "2026Q1"],
      ["restate", "revenue", "2025Q3"],
    ]);
    expect(batch.plan.writes[1]?.before).toMatchObject({ value: 113.1, revision: 1 });
    expect(batch.plan.unchanged).toEqual([
      { row: 4, brand: "xiaomi", metric: "mau", quarter: "2025Q3" },
    ]);
    expect(await counts()).toEqual(before);
  });

  it("applies a confirmed import in one go, each figure with an audit row, and only once", async () => {
    const before = await counts();
    const batch = await upload(
      csv(
        line("xiao_ai_mau", "M users", "2026Q2", "151.0"),
        line("revenue", "RMB bn", "2025Q2", "116.05"),
      ),
    );
    const result = await confirmImportBatch({
      id: batch.id,
      planChecksum: batch.planChecksum,
      actor: { id: null, name: "Ada" },
    });
    expect(result).toEqual({ kind: "applied", writes: 2, brands: ["xiaomi"] });
    expect(await current("xiao_ai_mau", "2026Q2")).toMatchObject({
      value: 151,
      decimals: 1,
      revision: 1,
      createdBy: "Ada",
    });
    // The restated quarter keeps its old revision as history.
    expect(await current("revenue", "2025Q2")).toMatchObject({
      value: 116.05,
      decimals: 2,
      revision: 2,
    });
    expect(await counts()).toEqual({
      observations: before.observations + 2,
      importAudits: before.importAudits + 2,
    });

    const again = await confirmImportBatch({
      id: batch.id,
      planChecksum: batch.planChecksum,
      actor: { id: null, name: "Bob" },
    });
    expect(again).toEqual({ kind: "already-applied" });
    expect(await counts()).toEqual({
      observations: before.observations + 2,
      importAudits: before.importAudits + 2,
    });
    expect(await getImportBatch(batch.id)).toMatchObject({ status: "applied", appliedBy: "Ada" });
  });

  it("applies once when the same batch is confirmed twice at the same moment", async () => {
    const before = await counts();
    const batch = await upload(csv(line("xiao_ai_mau", "M users", "2027Q1", "152")));
    const confirm = () =>
      confirmImportBatch({
        id: batch.id,
        planChecksum: batch.planChecksum,
        actor: { id: null, name: "Ada" },
      });
    const results = await Promise.all([confirm(), confirm()]);
    expect(results.map((result) => result.kind).sort()).toEqual(["already-applied", "applied"]);
    expect((await counts()).observations).toBe(before.observations + 1);
  });

  it("refuses to confirm a batch with a rejected row and writes nothing", async () => {
    const before = await counts();
    const batch = await upload(
      csv(
        line("xiao_ai_mau", "M users", "2026Q3", "153"),
        line("xiao_ai_mau", "M users", "2026Q4", "-1"),
      ),
    );
    expect(batch.plan.rejected).toEqual([
      {
        row: 3,
        column: "value",
        value: "-1",
        message: expect.stringMatching(/must not be negative/),
      },
    ]);
    const result = await confirmImportBatch({
      id: batch.id,
      planChecksum: batch.planChecksum,
      actor: { id: null, name: "Ada" },
    });
    expect(result).toEqual({ kind: "has-rejections", rejected: 1 });
    expect(await counts()).toEqual(before);
  });

  it("refuses an import with an unusual YoY until the editor confirms having checked it", async () => {
    // 2031Q1 against the file's own 2030Q1: +150%, beyond the quarter form's 60%.
    const batch = await upload(
      csv(
        line("xiao_ai_mau", "M users", "2030Q1", "100.0"),
        line("xiao_ai_mau", "M users", "2031Q1", "250.0"),
      ),
    );
    expect(batch.plan.unusual).toEqual([
      expect.objectContaining({
        row: 3,
        quarter: "2031Q1",
        baseQuarter: "2030Q1",
        change: { kind: "relative", pct: 150, abs: 150, approximate: false },
      }),
    ]);
    const before = await counts();
    const refused = await confirmImportBatch({
      id: batch.id,
      planChecksum: batch.planChecksum,
      actor: { id: null, name: "Ada" },
    });
    expect(refused).toEqual({ kind: "unusual-unconfirmed", unusual: 1 });
    expect(await counts()).toEqual(before);
    expect((await getImportBatch(batch.id))?.status).toBe("pending");

    const applied = await confirmImportBatch({
      id: batch.id,
      planChecksum: batch.planChecksum,
      unusualConfirmed: true,
      actor: { id: null, name: "Ada" },
    });
    expect(applied).toEqual({ kind: "applied", writes: 2, brands: ["xiaomi"] });
    expect(await current("xiao_ai_mau", "2031Q1")).toMatchObject({ value: 250, revision: 1 });
  });

  it("shows the preview again instead of applying when a figure changed after it was made", async () => {
    const batch = await upload(csv(line("revenue", "RMB bn", "2025Q1", "111.3")));
    expect(batch.plan.writes[0]?.before?.value).toBe(111.293);
    // Another editor restates the same quarter in between.
    const db = createPrismaClient(testDb.url);
    await db.$transaction(async (tx) => {
      const brand = await tx.brand.findUniqueOrThrow({ where: { slug: "xiaomi" } });
      const metric = await tx.metric.findUniqueOrThrow({ where: { key: "revenue" } });
      // Every current figure has a source, this one included.
      const sourceId = await findOrCreateSource(tx, {
        title: "Restatement by another editor",
        url: null,
        publishedOn: null,
      });
      await appendObservationRevision(tx, {
        brandId: brand.id,
        brandSlug: "xiaomi",
        metricId: metric.id,
        metricKey: "revenue",
        quarter: "2025Q1",
        value: 111.29,
        decimals: 2,
        qualifier: "exact",
        sourceId,
        quote: null,
        note: "rounded",
        statedYoyPct: null,
        actor: { id: null, name: "Bob" },
        at: new Date(),
      });
    });
    await db.$disconnect();

    const stale = await confirmImportBatch({
      id: batch.id,
      planChecksum: batch.planChecksum,
      actor: { id: null, name: "Ada" },
    });
    expect(stale).toEqual({ kind: "stale" });
    expect(await current("revenue", "2025Q1")).toMatchObject({ value: 111.29, createdBy: "Bob" });
    const refreshed = await getImportBatch(batch.id);
    if (refreshed?.kind !== "figures") throw new Error("figures batch vanished");
    expect(refreshed.plan.writes[0]?.before).toMatchObject({ value: 111.29, revision: 2 });
    // The old checksum no longer confirms anything; the new preview's does.
    expect(
      await confirmImportBatch({
        id: batch.id,
        planChecksum: batch.planChecksum,
        actor: { id: null, name: "Ada" },
      }),
    ).toEqual({
      kind: "stale",
    });
    const applied = await confirmImportBatch({
      id: batch.id,
      planChecksum: refreshed.planChecksum,
      actor: { id: null, name: "Ada" },
    });
    expect(applied).toEqual({ kind: "applied", writes: 1, brands: ["xiaomi"] });
    expect(await current("revenue", "2025Q1")).toMatchObject({ value: 111.3, revision: 3 });
  });

  it("writes nothing at all when one figure of the batch fails to be written", async () => {
    const batch = await upload(
      csv(
        line("xiao_ai_mau", "M users", "2028Q1", "160"),
        line("xiao_ai_mau", "M users", "2028Q3", "161"),
      ),
    );
    // A real database failure on the second write, as a full disk or a constraint would cause.
    await createRefusalTrigger(testDb);
    const before = await counts();
    await expect(
      confirmImportBatch({
        id: batch.id,
        planChecksum: batch.planChecksum,
        actor: { id: null, name: "Ada" },
      }),
    ).rejects.toThrow(/observation\.create|refused by test trigger/);
    expect(await counts()).toEqual(before);
    expect(await current("xiao_ai_mau", "2028Q1")).toBeUndefined();
    expect((await getImportBatch(batch.id))?.status).toBe("pending");
  });

  it("does not store a file it cannot read, and says why", async () => {
    const stored = await testDb.count("ImportBatch");
    const result = await createImportBatch({
      bytes: new TextEncoder().encode("quarter,value\r\n2026Q1,1\r\n"),
      fileName: "wrong.csv",
      actor: { id: null, name: "Ada" },
    });
    expect(result).toEqual({
      ok: false,
      problems: [expect.stringMatching(/missing columns brand, metric/)],
    });
    expect(await testDb.count("ImportBatch")).toBe(stored);
  });

  it("imports what the export wrote for a figure as unchanged", async () => {
    const exported = await (
      await GET(new Request("http://test/api/export?brand=xiaomi&metrics=revenue,retail_stores"))
    ).arrayBuffer();
    const batch = await upload(new Uint8Array(exported));
    const plan: ImportPlan = batch.plan;
    expect(plan.rejected).toEqual([]);
    expect(plan.writes).toEqual([]);
    expect(plan.unchanged.length).toBe(plan.rowCount);
  });
});

/** The stored current figure of the seed as an import line, through the export itself. */
async function currentLines(metric: string, quarter: string): Promise<string[]> {
  const response = await GET(
    new Request(
      `http://test/api/export?brand=xiaomi&metrics=${metric}&from=${quarter}&to=${quarter}`,
    ),
  );
  const lines = (await response.text()).split("\r\n").filter((text) => text !== "");
  return lines.slice(1);
}
