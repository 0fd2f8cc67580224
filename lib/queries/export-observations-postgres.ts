import "server-only";
import QueryStream from "pg-query-stream";
import type { ExportObservation, WideObservation } from "@/lib/csv/export-format";
import { postgresPool } from "@/lib/postgres/pool";
import {
  EXPORT_BATCH_SIZE,
  type ExportSelection,
  type Keyed,
  type LongRow,
  pickSelection,
  StoredFigure,
  StoredRevision,
  type WideRow,
} from "./export-observations-rows";

/**
 * The export on PostgreSQL: one statement per export, read through a server-side cursor
 * (pg-query-stream) EXPORT_BATCH_SIZE rows at a time, so the process holds one batch however
 * large the table, and the whole file is one consistent snapshot. The selection's order (brands
 * by slug or as listed, metrics by catalog position or as listed) travels into the query as
 * arrays WITH ORDINALITY, and rows come back in file order.
 */
export const POSTGRES_EXPORT_SQL = {
  // COLLATE "C": byte order, as SQLite sorts, whatever the database's locale.
  brands: `SELECT id, slug AS key FROM "Brand" ORDER BY slug COLLATE "C"`,
  metrics: `SELECT id, key FROM "Metric" ORDER BY position`,
  long: (history: boolean) => `SELECT b.ord, m.ord, o.quarter, o.revision, o."isCurrent", o.value,
      o.decimals, o.qualifier, s.title, s.url, s."publishedOn", o.quote, o.note
    FROM unnest($1::int[]) WITH ORDINALITY AS b(id, ord)
    CROSS JOIN unnest($2::int[]) WITH ORDINALITY AS m(id, ord)
    JOIN "Observation" o ON o."brandId" = b.id AND o."metricId" = m.id
    LEFT JOIN "Source" s ON s.id = o."sourceId"
    WHERE o.quarter >= $3 AND o.quarter <= $4
      ${history ? "" : `AND o."isCurrent" AND o.value IS NOT NULL`}
    ORDER BY b.ord, m.ord, o.quarter COLLATE "C", o.revision`,
  wide: `SELECT b.ord, o.quarter, o."metricId", o.value, o.decimals, o.qualifier
    FROM unnest($1::int[]) WITH ORDINALITY AS b(id, ord)
    JOIN "Observation" o ON o."brandId" = b.id
    WHERE o."isCurrent" AND o.value IS NOT NULL AND o."metricId" = ANY($2::int[])
      AND o.quarter >= $3 AND o.quarter <= $4
    ORDER BY b.ord, o.quarter COLLATE "C", o."metricId"`,
} as const;

async function resolveSelection(url: string, selection: ExportSelection) {
  const pool = postgresPool(url);
  const [brands, metrics] = await Promise.all([
    pool.query<Keyed>(POSTGRES_EXPORT_SQL.brands),
    pool.query<Keyed>(POSTGRES_EXPORT_SQL.metrics),
  ]);
  return pickSelection(brands.rows, metrics.rows, selection);
}

/** Rows of one statement through a cursor, in batches; the connection is released at the end. */
async function* cursorRows<Row>(url: string, sql: string, params: unknown[]): AsyncGenerator<Row> {
  const client = await postgresPool(url).connect();
  const stream = client.query(
    new QueryStream(sql, params, { batchSize: EXPORT_BATCH_SIZE, rowMode: "array" }),
  );
  let failed = false;
  try {
    for await (const row of stream) yield row as Row;
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    // A reader that hangs up mid-file ends the generator early: close the cursor first, and drop
    // a connection whose protocol state is uncertain instead of returning it to the pool.
    stream.destroy();
    client.release(failed || !stream.readableEnded);
  }
}

type OrdinalLongRow = [brandOrd: string, metricOrd: string, ...LongRow];
type OrdinalWideRow = [brandOrd: string, ...WideRow];

export async function* streamPostgresExportObservations(
  url: string,
  selection: ExportSelection & { history: boolean },
  from: string,
  to: string,
): AsyncGenerator<ExportObservation[]> {
  const { brands, metrics } = await resolveSelection(url, selection);
  if (brands.length === 0 || metrics.length === 0) return;
  let batch: ExportObservation[] = [];
  const rows = cursorRows<OrdinalLongRow>(url, POSTGRES_EXPORT_SQL.long(selection.history), [
    brands.map((brand) => brand.id),
    metrics.map((metric) => metric.id),
    from,
    to,
  ]);
  for await (const row of rows) {
    // WITH ORDINALITY counts from 1 and comes back as a bigint string.
    const brand = brands[Number(row[0]) - 1]?.key ?? "";
    const metric = metrics[Number(row[1]) - 1]?.key ?? "";
    batch.push(new StoredRevision(brand, metric, row.slice(2) as LongRow));
    if (batch.length >= EXPORT_BATCH_SIZE) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

export async function* streamPostgresWideObservations(
  url: string,
  selection: ExportSelection,
  from: string,
  to: string,
): AsyncGenerator<WideObservation[]> {
  const { brands, metrics } = await resolveSelection(url, selection);
  if (brands.length === 0 || metrics.length === 0) return;
  const keyById = new Map(metrics.map((metric) => [metric.id, metric.key]));
  let batch: WideObservation[] = [];
  const rows = cursorRows<OrdinalWideRow>(url, POSTGRES_EXPORT_SQL.wide, [
    brands.map((brand) => brand.id),
    metrics.map((metric) => metric.id),
    from,
    to,
  ]);
  for await (const row of rows) {
    const wide = row.slice(1) as WideRow;
    const brand = brands[Number(row[0]) - 1]?.key ?? "";
    batch.push(new StoredFigure(brand, keyById.get(wide[1]) ?? "", wide));
    if (batch.length >= EXPORT_BATCH_SIZE) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
