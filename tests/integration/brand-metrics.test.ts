import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { LONG_COLUMNS } from "@/lib/csv/export-format";
import { getWriteDb } from "@/lib/db";
import { BrandMetricSetError, MetricNotTrackedError } from "@/lib/errors";
import {
  addBrandMetric,
  removeBrandMetric,
  updateBrandMetricNote,
} from "@/lib/mutations/brand-metric-set";
import { createImportBatch } from "@/lib/mutations/create-import-batch";
import { createQuarterFigures } from "@/lib/mutations/create-quarter-figures";
import { listBrandMetricNotes, listBrandMetrics } from "@/lib/queries/brand-metrics";
import { getImportBatch } from "@/lib/queries/import-batches";
import { setUpSeededTestDatabase } from "../support/seeded-test-db";

let db: PrismaClient;

setUpSeededTestDatabase();
beforeAll(async () => {
  db = getWriteDb();
});

const liAutoFigure = (metricKey: string) => ({
  brand: "li-auto",
  quarter: "2025Q4" as const,
  figures: [{ metricKey, value: 700.5, decimals: 1, qualifier: "exact" as const }],
  source: { title: "Li Auto Q4 2025 results", url: null, publishedOn: null },
  note: null,
  actor: { id: null, name: "Ada" },
  confirmedTokens: [],
});

describe("a brand's own metric set", () => {
  it("is seeded from data/brand-metrics.csv: the metrics each brand has figures for, with Li Auto's notes", async () => {
    const liAuto = await listBrandMetrics("li-auto");
    expect(liAuto.map((metric) => metric.key)).toEqual(["revenue", "ev_deliveries"]);
    expect(liAuto[0]?.note).toMatch(/US GAAP/);
    expect(liAuto[1]?.note).toMatch(/extended-range/);
    const xiaomi = await listBrandMetrics("xiaomi");
    expect(xiaomi).toHaveLength(13);
    expect(xiaomi.every((metric) => metric.note === null)).toBe(true);
  });

  it("carries each metric's Chinese label and definition from data/metrics.csv", async () => {
    const xiaomi = await listBrandMetrics("xiaomi");
    expect(xiaomi.find((metric) => metric.key === "revenue")?.labelZh).toBe("总收入");
    expect(xiaomi.find((metric) => metric.key === "ev_deliveries")?.labelZh).toBe(
      "智能电动汽车交付量",
    );
    // Every seeded metric is translated: none falls back to English.
    expect(xiaomi.filter((metric) => !metric.labelZh || !metric.definitionZh)).toEqual([]);
  });

  it("gives the notes of the compared brands and metrics, in the order asked", async () => {
    const notes = await listBrandMetricNotes(
      ["xiaomi", "li-auto"],
      ["ev_deliveries", "revenue"],
      "en",
    );
    expect(notes.map((note) => `${note.brandName}/${note.metric}`)).toEqual([
      "Li Auto/ev_deliveries",
      "Li Auto/revenue",
    ]);
    // The metric is named in the reader's language; the stored note stays as written.
    const zh = await listBrandMetricNotes(["li-auto"], ["revenue"], "zh");
    expect(zh.map((note) => note.metricLabel)).toEqual(["总收入"]);
    expect(zh[0]?.note).toBe(notes[1]?.note);
  });

  it("refuses a figure for a metric outside the brand's set and writes nothing", async () => {
    const before = await db.observation.count();
    const error = await createQuarterFigures(liAutoFigure("mau")).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(MetricNotTrackedError);
    expect((error as MetricNotTrackedError).tracked).toEqual(["revenue", "ev_deliveries"]);
    expect(await db.observation.count()).toBe(before);
  });

  it("refuses such a figure in an import, naming the brand's metrics", async () => {
    const row = `li-auto,mau,,M users,2025Q4,700.5,exact,,,Li Auto results,,,false,,`;
    const bytes = new TextEncoder().encode(`${LONG_COLUMNS.join(",")}\r\n${row}\r\n`);
    const result = await createImportBatch({
      bytes,
      fileName: "li.csv",
      actor: { id: null, name: "Ada" },
    });
    if (!result.ok) throw new Error(result.problems.join(" "));
    const batch = await getImportBatch(result.id);
    expect(batch?.plan.rejected).toEqual([
      expect.objectContaining({
        row: 2,
        column: "metric",
        message: expect.stringMatching(
          /is not one of the metrics li-auto tracks \(revenue, ev_deliveries\)/,
        ),
      }),
    ]);
  });

  it("lets an editor add a metric (audited), after which its figures are accepted", async () => {
    await addBrandMetric({
      brand: "li-auto",
      metric: "mau",
      note: "Li Auto app users",
      actor: { id: null, name: "Ada" },
    });
    expect((await listBrandMetrics("li-auto")).map((metric) => metric.key)).toEqual([
      "revenue",
      "ev_deliveries",
      "mau",
    ]);
    await createQuarterFigures(liAutoFigure("mau"));
    const audit = await db.auditEntry.findFirst({
      where: { entity: "brand_metric", entityKey: "li-auto/mau" },
      orderBy: { id: "desc" },
    });
    expect(audit).toMatchObject({ action: "create", actor: "Ada" });
    await expect(
      addBrandMetric({ brand: "li-auto", metric: "mau", actor: { id: null, name: "Ada" } }),
    ).rejects.toBeInstanceOf(BrandMetricSetError);
  });

  it("edits a note and removes a metric, each audited; the last metric cannot be removed", async () => {
    await updateBrandMetricNote({
      brand: "li-auto",
      metric: "mau",
      note: null,
      actor: { id: null, name: "Bob" },
    });
    expect((await listBrandMetrics("li-auto")).at(-1)?.note).toBeNull();
    await removeBrandMetric({ brand: "li-auto", metric: "mau", actor: { id: null, name: "Bob" } });
    await removeBrandMetric({
      brand: "li-auto",
      metric: "revenue",
      actor: { id: null, name: "Bob" },
    });
    const last = await removeBrandMetric({
      brand: "li-auto",
      metric: "ev_deliveries",
      actor: { id: null, name: "Bob" },
    }).catch((caught: unknown) => caught);
    expect(last).toBeInstanceOf(BrandMetricSetError);
    expect((last as BrandMetricSetError).outcome).toBe("last");
    const actions = await db.auditEntry.findMany({
      where: { entity: "brand_metric", actor: "Bob" },
      orderBy: { id: "asc" },
      select: { action: true, entityKey: true },
    });
    expect(actions).toEqual([
      { action: "update", entityKey: "li-auto/mau" },
      { action: "delete", entityKey: "li-auto/mau" },
      { action: "delete", entityKey: "li-auto/revenue" },
    ]);
    // The figure stays stored although the metric left the set.
    expect(
      await db.observation.count({ where: { brand: { slug: "li-auto" }, metric: { key: "mau" } } }),
    ).toBe(1);
  });
});
