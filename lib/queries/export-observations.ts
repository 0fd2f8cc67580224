import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { ExportObservation, WideObservation } from "@/lib/csv/export-format";
import { getReadDb } from "@/lib/db";
import { type QuarterCode, shiftQuarter } from "@/lib/domain/quarter";
import type { Qualifier } from "@/lib/domain/types";

/**
 * Rows for CSV exports, read in batches with keyset pagination: each query continues after the
 * last key of the previous batch along the (brand, metric, quarter, revision) index, so a batch
 * costs the same at the start and at the end of a million rows and only one batch is in memory.
 * Raw SQL on purpose: these are the only reads that run over the whole table, and selecting
 * exactly the columns written keeps them lean.
 */
export const EXPORT_BATCH_SIZE = 2_000;

export interface ExportSelection {
  /** Brand slugs in the order to write them; null for every brand, by slug. */
  brands: readonly string[] | null;
  /** Metric keys in the order to write them; null for the whole catalog, in catalog order. */
  metrics: readonly string[] | null;
  from: QuarterCode | null;
  to: QuarterCode | null;
}

interface Keyed {
  id: number;
  key: string;
}

/** Lower and upper bounds that every quarter code (YYYYQn) sorts between. */
const FIRST = "0000Q0";
const LAST = "9999Q9";

async function resolveSelection(selection: ExportSelection): Promise<{
  brands: Keyed[];
  metrics: Keyed[];
}> {
  const db = getReadDb();
  const [brandRows, metricRows] = await Promise.all([
    db.brand.findMany({ select: { id: true, slug: true }, orderBy: { slug: "asc" } }),
    db.metric.findMany({ select: { id: true, key: true }, orderBy: { position: "asc" } }),
  ]);
  const brands = brandRows.map((row) => ({ id: row.id, key: row.slug }));
  const metrics = metricRows.map((row) => ({ id: row.id, key: row.key }));
  const pick = (all: Keyed[], wanted: readonly string[] | null) =>
    wanted === null
      ? all
      : wanted.flatMap((key) => all.filter((entry) => entry.key === key).slice(0, 1));
  return { brands: pick(brands, selection.brands), metrics: pick(metrics, selection.metrics) };
}

interface LongRow {
  quarter: string;
  revision: number;
  isCurrent: boolean | number;
  value: number | null;
  decimals: number;
  qualifier: string;
  quote: string | null;
  note: string | null;
  sourceTitle: string | null;
  sourceUrl: string | null;
  sourceDate: string | null;
}

/**
 * Every figure of the selection ordered by brand, metric, quarter and revision: with `history`
 * every revision (withdrawals too), otherwise only current figures that have a value. Reading
 * starts four quarters before `from`, so that the first quarters of the range can be compared
 * with a year earlier; the formatter leaves those rows out of the file.
 */
export async function* streamExportObservations(
  selection: ExportSelection & { history: boolean },
): AsyncGenerator<ExportObservation[]> {
  const db = getReadDb();
  const { brands, metrics } = await resolveSelection(selection);
  const from = selection.from ? shiftQuarter(selection.from, -4) : FIRST;
  const to = selection.to ?? LAST;
  for (const brand of brands) {
    for (const metric of metrics) {
      let afterQuarter = "";
      let afterRevision = 0;
      for (;;) {
        const rows = selection.history
          ? await db.$queryRaw<LongRow[]>(Prisma.sql`
              SELECT o.quarter, o.revision, o.isCurrent, o.value, o.decimals, o.qualifier,
                     o.quote, o.note, s.title AS sourceTitle, s.url AS sourceUrl,
                     s.publishedOn AS sourceDate
              FROM Observation o LEFT JOIN Source s ON s.id = o.sourceId
              WHERE o.brandId = ${brand.id} AND o.metricId = ${metric.id}
                AND o.quarter >= ${from} AND o.quarter <= ${to}
                AND (o.quarter, o.revision) > (${afterQuarter}, ${afterRevision})
              ORDER BY o.quarter, o.revision
              LIMIT ${EXPORT_BATCH_SIZE}`)
          : await db.$queryRaw<LongRow[]>(Prisma.sql`
              SELECT o.quarter, o.revision, o.isCurrent, o.value, o.decimals, o.qualifier,
                     o.quote, o.note, s.title AS sourceTitle, s.url AS sourceUrl,
                     s.publishedOn AS sourceDate
              FROM Observation o LEFT JOIN Source s ON s.id = o.sourceId
              WHERE o.brandId = ${brand.id} AND o.metricId = ${metric.id} AND o.isCurrent = 1
                AND o.value IS NOT NULL AND o.quarter >= ${from} AND o.quarter <= ${to}
                AND o.quarter > ${afterQuarter}
              ORDER BY o.quarter
              LIMIT ${EXPORT_BATCH_SIZE}`);
        if (rows.length > 0) {
          yield rows.map((row) => ({
            brand: brand.key,
            metric: metric.key,
            quarter: row.quarter as QuarterCode,
            revision: Number(row.revision),
            isCurrent: Boolean(row.isCurrent),
            value: row.value === null ? null : Number(row.value),
            decimals: Number(row.decimals),
            qualifier: row.qualifier as Qualifier,
            sourceTitle: row.sourceTitle,
            sourceUrl: row.sourceUrl,
            sourceDate: row.sourceDate,
            quote: row.quote,
            note: row.note,
          }));
        }
        const last = rows.at(-1);
        if (!last || rows.length < EXPORT_BATCH_SIZE) break;
        afterQuarter = last.quarter;
        afterRevision = Number(last.revision);
      }
    }
  }
}

interface WideRow {
  quarter: string;
  metricId: number;
  value: number;
  decimals: number;
  qualifier: string;
}

/** Current figures with a value, ordered by brand and quarter, for one column per metric. */
export async function* streamWideObservations(
  selection: ExportSelection,
): AsyncGenerator<WideObservation[]> {
  const db = getReadDb();
  const { brands, metrics } = await resolveSelection(selection);
  if (metrics.length === 0) return;
  const keyById = new Map(metrics.map((metric) => [metric.id, metric.key]));
  const metricIds = Prisma.join(metrics.map((metric) => metric.id));
  const from = selection.from ?? FIRST;
  const to = selection.to ?? LAST;
  for (const brand of brands) {
    let afterQuarter = "";
    let afterMetric = 0;
    for (;;) {
      const rows = await db.$queryRaw<WideRow[]>(Prisma.sql`
        SELECT o.quarter, o.metricId, o.value, o.decimals, o.qualifier
        FROM Observation o
        WHERE o.brandId = ${brand.id} AND o.isCurrent = 1 AND o.value IS NOT NULL
          AND o.metricId IN (${metricIds})
          AND o.quarter >= ${from} AND o.quarter <= ${to}
          AND (o.quarter, o.metricId) > (${afterQuarter}, ${afterMetric})
        ORDER BY o.quarter, o.metricId
        LIMIT ${EXPORT_BATCH_SIZE}`);
      if (rows.length > 0) {
        yield rows.map((row) => ({
          brand: brand.key,
          metric: keyById.get(Number(row.metricId)) ?? "",
          quarter: row.quarter as QuarterCode,
          value: Number(row.value),
          decimals: Number(row.decimals),
          qualifier: row.qualifier as Qualifier,
        }));
      }
      const last = rows.at(-1);
      if (!last || rows.length < EXPORT_BATCH_SIZE) break;
      afterQuarter = last.quarter;
      afterMetric = Number(last.metricId);
    }
  }
}
