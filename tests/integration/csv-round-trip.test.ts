import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/export/route";
import type { PrismaClient } from "@/generated/prisma/client";
import { stringifyRecords } from "@/lib/csv/csv-stream";
import { createPrismaClient } from "@/lib/db";
import { decimalsOf } from "@/lib/domain/kpi";
import { quarterFromIndex } from "@/lib/domain/quarter";
import { QUALIFIERS, type Qualifier } from "@/lib/domain/types";
import { appendObservationRevision } from "@/lib/mutations/append-observation-revision";
import { confirmImportBatch } from "@/lib/mutations/confirm-import-batch";
import { createImportBatch } from "@/lib/mutations/create-import-batch";
import { findOrCreateSource } from "@/lib/mutations/find-or-create-source";
import { resetDbClients } from "../support/db-clients";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

/**
 * The promise of the CSV format: export a database, import the file into an empty one (the same
 * catalog, no figures), export again, and get the identical file. Datasets are generated with
 * gaps, restatements, withdrawals, negative numbers, approximate qualifiers and source texts full
 * of what breaks CSV and spreadsheets.
 */

const CATALOG = {
  brands: ["acme", "xiaomi"],
  metrics: [
    { key: "revenue", label: "Total revenue", unit: "RMB bn", kind: "flow" },
    { key: "net_profit", label: "Net profit", unit: "RMB bn", kind: "flow" },
    { key: "gross_margin", label: "Gross margin, %", unit: "%", kind: "ratio" },
    { key: "stores", label: 'Stores ("Xiaomi Home")', unit: "stores", kind: "stock" },
  ],
} as const;
type MetricKey = (typeof CATALOG.metrics)[number]["key"];

const tricky = fc.constantFrom(
  "=1+1",
  "@SUM(A1:A9)",
  "+33 1 42 68 53 00",
  "-2",
  "'=already escaped",
  '=HYPERLINK("http://evil.example","click")',
  'He said "record", twice',
  "a, b, and c",
  "line one\nline two",
  "windows\r\nline",
  "小米集团-W(01810) - 2025 Q3 - 季度业绩",
  "Résultats 📈🚗 “quoted”",
  "tab\tinside",
);

/** Text as the app stores it: trimmed and non-empty (the field schemas trim every input). */
const text = (max: number) =>
  fc
    .array(fc.oneof(tricky, fc.string({ unit: "grapheme", maxLength: 12 })), {
      minLength: 1,
      maxLength: 3,
    })
    .map((parts) => parts.join(" ").replace(/\0/g, "").trim().slice(0, max).trim())
    .filter((value) => value.length > 0);

const source = fc.record({
  title: text(500),
  url: fc.option(
    fc.constantFrom(
      "https://example.com/q?a=1&b=2,3",
      "http://report.example/x_y",
      "https://小米.example/报告",
    ),
    { nil: null },
  ),
  date: fc.option(fc.constantFrom("2024-05", "2024-05-20", "2025-11-18"), { nil: null }),
});

/** Values the shared value rules accept (metric-value-rules.ts): a loss only for a profit. */
function literal(metric: MetricKey) {
  const maxWhole = metric === "gross_margin" ? 99 : metric === "stores" ? 99_999_999 : 9_999;
  const mayBeNegative = metric === "net_profit" || metric === "gross_margin";
  return fc
    .record({
      negative: mayBeNegative ? fc.boolean() : fc.constant(false),
      whole: fc.integer({ min: 0, max: maxWhole }),
      fraction:
        metric === "stores"
          ? fc.constant(null)
          : fc.option(fc.stringMatching(/^[0-9]{1,4}$/), { nil: null }),
    })
    .map(
      ({ negative, whole, fraction }) =>
        `${negative ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`,
    );
}

interface Revision {
  literal: string | null;
  qualifier: Qualifier;
  source: { title: string; url: string | null; date: string | null } | null;
  quote: string | null;
  note: string | null;
}

interface Figure {
  brand: string;
  metric: MetricKey;
  quarter: string;
  revisions: Revision[];
}

function revision(metric: MetricKey, withdrawn: boolean): fc.Arbitrary<Revision> {
  return fc.record({
    literal: withdrawn ? fc.constant(null) : literal(metric),
    qualifier: fc.constantFrom(...QUALIFIERS),
    source: withdrawn ? fc.option(source, { nil: null }) : source,
    quote: fc.option(text(4000), { nil: null }),
    note: fc.option(text(1000), { nil: null }),
  });
}

const figure: fc.Arbitrary<Figure> = fc
  .record({
    brand: fc.constantFrom(...CATALOG.brands),
    metric: fc.constantFrom(...CATALOG.metrics.map((metric) => metric.key)),
    // Twelve quarters from 2023Q1: enough for YoY pairs and for gaps between figures.
    quarter: fc
      .integer({ min: 2023 * 4, max: 2023 * 4 + 11 })
      .map((index) => quarterFromIndex(index)),
    pattern: fc.array(fc.boolean(), { minLength: 0, maxLength: 2 }),
  })
  .chain(({ brand, metric, quarter, pattern }) =>
    fc
      .tuple(revision(metric, false), ...pattern.map((withdrawn) => revision(metric, withdrawn)))
      .map((revisions) => ({ brand, metric, quarter, revisions })),
  );

const dataset = fc.uniqueArray(figure, {
  minLength: 0,
  maxLength: 25,
  selector: (entry) => `${entry.brand}/${entry.metric}/${entry.quarter}`,
});

async function createCatalog(db: PrismaClient): Promise<void> {
  for (const slug of CATALOG.brands) {
    await db.brand.create({
      data: { slug, name: slug, currency: "CNY", description: "Test brand." },
    });
  }
  for (const [position, metric] of CATALOG.metrics.entries()) {
    await db.metric.create({
      data: { ...metric, higherIsBetter: true, definition: `${metric.label}.`, position },
    });
  }
}

/** A fresh database with the catalog and no figures; the app's connections point at it. */
async function emptyDatabase(opened: TestDatabase[]): Promise<PrismaClient> {
  await resetDbClients();
  const testDb = await createTestDatabase();
  opened.push(testDb);
  const db = createPrismaClient(testDb.url);
  await createCatalog(db);
  return db;
}

async function load(db: PrismaClient, figures: readonly Figure[]): Promise<void> {
  const at = new Date("2026-01-01T00:00:00Z");
  await db.$transaction(async (tx) => {
    for (const entry of figures) {
      const brand = await tx.brand.findUniqueOrThrow({ where: { slug: entry.brand } });
      const metric = await tx.metric.findUniqueOrThrow({ where: { key: entry.metric } });
      for (const revision of entry.revisions) {
        const sourceId = revision.source
          ? await findOrCreateSource(tx, {
              title: revision.source.title,
              url: revision.source.url,
              publishedOn: revision.source.date,
            })
          : null;
        await appendObservationRevision(tx, {
          brandId: brand.id,
          brandSlug: entry.brand,
          metricId: metric.id,
          metricKey: entry.metric,
          quarter: entry.quarter,
          value: revision.literal === null ? null : Number(revision.literal),
          decimals: revision.literal === null ? 0 : decimalsOf(revision.literal),
          qualifier: revision.qualifier,
          sourceId,
          quote: revision.quote,
          note: revision.note,
          statedYoyPct: null,
          actor: { id: null, name: "generator" },
          at,
        });
      }
    }
  });
}

async function exportText(query: string): Promise<string> {
  const response = await GET(new Request(`http://test/api/export?${query}`));
  expect(response.status).toBe(200);
  return response.text();
}

async function importText(csv: string): Promise<void> {
  const created = await createImportBatch({
    bytes: new TextEncoder().encode(csv),
    fileName: "round-trip.csv",
    actor: { id: null, name: "importer" },
  });
  if (!created.ok) throw new Error(`file refused: ${created.problems.join(" ")}`);
  const { getImportBatch } = await import("@/lib/queries/import-batches");
  const batch = await getImportBatch(created.id);
  expect(batch?.plan.rejected).toEqual([]);
  const result = await confirmImportBatch({
    id: created.id,
    planChecksum: batch?.planChecksum ?? "",
    // Generated data jumps freely; the round trip is about the file, not plausibility.
    unusualConfirmed: true,
    actor: { id: null, name: "importer" },
  });
  expect(
    result.kind === "applied" || (result.kind === "stale" && csv.split("\r\n").length <= 2),
  ).toBe(true);
}

/** The file with `restated` as a plain import leaves it: every imported figure is revision 1. */
function withoutRestatements(csv: string): string {
  const [header = [], ...records]: string[][] = parse(csv);
  const column = header.indexOf("restated");
  return stringifyRecords([
    header,
    ...records.map((record) => record.map((cell, index) => (index === column ? "false" : cell))),
  ]);
}

describe("CSV round trip", () => {
  const opened: TestDatabase[] = [];

  afterAll(async () => {
    await resetDbClients();
    for (const testDb of opened) await testDb.remove();
  });

  it("export, import into an empty database, export again gives the identical file", async () => {
    await fc.assert(
      fc.asyncProperty(dataset, async (figures) => {
        const original = await emptyDatabase(opened);
        await load(original, figures);
        await original.$disconnect();
        const history = await exportText("history=1");
        const current = await exportText("");
        const wide = await exportText("format=wide");

        // Replaying the history rebuilds every revision: all three shapes come back identical.
        const replayed = await emptyDatabase(opened);
        await replayed.$disconnect();
        if (figures.length > 0) await importText(history);
        expect(await exportText("history=1")).toBe(history);
        expect(await exportText("")).toBe(current);
        expect(await exportText("format=wide")).toBe(wide);

        // A plain long file holds current figures only: they come back exactly, as first revisions.
        const plain = await emptyDatabase(opened);
        await plain.$disconnect();
        if (current.split("\r\n").length > 2) await importText(current);
        expect(await exportText("")).toBe(withoutRestatements(current));
        expect(await exportText("format=wide")).toBe(wide);
        // The app's clients still hold the last database: closed first, its drop need not wait.
        await resetDbClients();
        for (const testDb of opened.splice(0)) await testDb.remove();
      }),
      { numRuns: 20 },
    );
  }, 180_000);
});
