import "server-only";
import { createHash } from "node:crypto";
import { readImportFile } from "@/lib/csv/import-file";
import {
  figureKey,
  type ImportPlan,
  type ImportRow,
  planImport,
  type StoredRevision,
  validateImportRecords,
} from "@/lib/csv/import-plan";
import type { Locale } from "@/lib/domain/locale";
import { type QuarterCode, shiftQuarter } from "@/lib/domain/quarter";
import type { MetricKind, Qualifier } from "@/lib/domain/types";
import type { Tx } from "./audit";

export type PlannedImportFile =
  | { ok: true; plan: ImportPlan; planChecksum: string; ids: CatalogIds }
  | { ok: false; problems: string[] };

export interface CatalogIds {
  brands: Map<string, number>;
  metrics: Map<string, number>;
}

/** The preview's fingerprint, which the confirm form sends back (any kind of import's plan). */
export function planChecksum(plan: unknown): string {
  return createHash("sha256").update(JSON.stringify(plan)).digest("hex");
}

async function readStoredRevisions(
  tx: Tx,
  rows: readonly ImportRow[],
  ids: CatalogIds,
): Promise<Map<string, StoredRevision[]>> {
  const spans = new Map<string, { brand: string; metric: string; from: string; to: string }>();
  for (const row of rows) {
    const pair = `${row.brand}/${row.metric}`;
    const span = spans.get(pair);
    if (!span)
      spans.set(pair, { brand: row.brand, metric: row.metric, from: row.quarter, to: row.quarter });
    else {
      if (row.quarter < span.from) span.from = row.quarter;
      if (row.quarter > span.to) span.to = row.quarter;
    }
  }
  const stored = new Map<string, StoredRevision[]>();
  for (const span of spans.values()) {
    const brandId = ids.brands.get(span.brand);
    const metricId = ids.metrics.get(span.metric);
    if (brandId === undefined || metricId === undefined) continue;
    const revisions = await tx.observation.findMany({
      // From a year before the file's first quarter: the year-ago figures of the YoY check.
      where: {
        brandId,
        metricId,
        quarter: { gte: shiftQuarter(span.from as QuarterCode, -4), lte: span.to },
      },
      select: {
        quarter: true,
        revision: true,
        isCurrent: true,
        value: true,
        decimals: true,
        qualifier: true,
        quote: true,
        note: true,
        source: { select: { title: true, url: true, publishedOn: true } },
      },
      orderBy: [{ quarter: "asc" }, { revision: "asc" }],
    });
    for (const revision of revisions) {
      const entry: StoredRevision = {
        brand: span.brand,
        metric: span.metric,
        quarter: revision.quarter as QuarterCode,
        revision: revision.revision,
        isCurrent: revision.isCurrent,
        value: revision.value,
        decimals: revision.decimals,
        qualifier: revision.qualifier as Qualifier,
        sourceTitle: revision.source?.title ?? null,
        sourceUrl: revision.source?.url ?? null,
        sourceDate: revision.source?.publishedOn ?? null,
        quote: revision.quote,
        note: revision.note,
      };
      const key = figureKey(entry);
      const list = stored.get(key) ?? [];
      list.push(entry);
      stored.set(key, list);
    }
  }
  return stored;
}

/**
 * Reads an uploaded file and plans it against the data as the transaction `tx` sees it. Used when
 * the file is uploaded (for the preview) and again when it is confirmed (to apply exactly what
 * the data then allows).
 */
export async function planImportFile(
  tx: Tx,
  bytes: Uint8Array,
  locale: Locale = "en",
): Promise<PlannedImportFile> {
  const file = readImportFile(bytes, locale);
  if (!file.ok) return file;
  const [brandRows, metricRows, setRows] = await Promise.all([
    tx.brand.findMany({ select: { id: true, slug: true } }),
    tx.metric.findMany({ orderBy: { position: "asc" } }),
    tx.brandMetric.findMany({
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: { brand: { select: { slug: true } }, metric: { select: { key: true } } },
    }),
  ]);
  const brandMetrics = new Map<string, string[]>();
  for (const row of setRows) {
    brandMetrics.set(row.brand.slug, [...(brandMetrics.get(row.brand.slug) ?? []), row.metric.key]);
  }
  const ids: CatalogIds = {
    brands: new Map(brandRows.map((row) => [row.slug, row.id])),
    metrics: new Map(metricRows.map((row) => [row.key, row.id])),
  };
  const validated = validateImportRecords(file.shape, file.records, {
    brands: brandRows.map((row) => row.slug),
    metrics: metricRows.map((row) => ({
      key: row.key,
      label: row.label,
      unit: row.unit,
      kind: row.kind as MetricKind,
      higherIsBetter: row.higherIsBetter,
      definition: row.definition,
      labelZh: row.labelZh,
      definitionZh: row.definitionZh,
    })),
    brandMetrics,
  });
  const stored = await readStoredRevisions(tx, validated.rows, ids);
  const plan = planImport(
    file.shape,
    file.records.length + file.rejected.length,
    { rows: validated.rows, rejected: [...file.rejected, ...validated.rejected] },
    stored,
    new Map(metricRows.map((row) => [row.key, row.kind as MetricKind])),
  );
  return { ok: true, plan, planChecksum: planChecksum(plan), ids };
}
