/**
 * The copy behind `npm run db:copy` (scripts/db-copy.ts): moves a SQLite database onto an empty
 * PostgreSQL database. In server/ because it checks the target with the server's readiness probe.
 *
 * The target is migrated first, then every table is copied in one transaction, in foreign-key
 * order, and checked before the commit: the same row count and the same checksum per table on
 * both sides (an order-free sum of a hash per row, over values written the same way on both).
 * Any difference rolls everything back. A target that holds any row is refused.
 *
 * Generic over the models: the tables, their columns and types and the order come from the
 * migrated target's catalog, so a model added to prisma/schema.prisma is copied with no change here.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { databaseFilePath, databaseProvider } from "@/lib/database-url";
import { applyMigrations, PROJECT_ROOT } from "@/lib/seed/prepare-database";
import { createDatabaseProbe, expectedMigrations, unreadyReason } from "./database-probe";

export class CopyError extends Error {}

interface Column {
  name: string;
  /** PostgreSQL's data_type: how values are converted and written for the checksum. */
  type: string;
}

interface Table {
  name: string;
  columns: Column[];
}

export interface TableReport {
  table: string;
  rows: number;
  checksum: string;
}

const BATCH_ROWS = 500;
const TIMESTAMP = 1114;

/** Tables of the target in an order where every table comes after the tables it refers to. */
async function targetTables(client: pg.ClientBase): Promise<Table[]> {
  const columns = await client.query<{
    table_name: string;
    column_name: string;
    data_type: string;
  }>(
    `SELECT table_name, column_name, data_type FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name <> '_prisma_migrations'
     ORDER BY table_name, ordinal_position`,
  );
  const references = await client.query<{ child: string; parent: string }>(
    `SELECT DISTINCT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
     FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
     WHERE c.contype = 'f' AND n.nspname = current_schema()`,
  );
  const tables = new Map<string, Column[]>();
  for (const row of columns.rows) {
    const list = tables.get(row.table_name) ?? [];
    list.push({ name: row.column_name, type: row.data_type });
    tables.set(row.table_name, list);
  }
  const unquote = (name: string) => name.replace(/^"|"$/g, "");
  const parents = new Map<string, Set<string>>();
  for (const { child, parent } of references.rows) {
    if (unquote(child) === unquote(parent)) continue;
    const set = parents.get(unquote(child)) ?? new Set();
    set.add(unquote(parent));
    parents.set(unquote(child), set);
  }
  const ordered: Table[] = [];
  const placed = new Set<string>();
  const visit = (name: string, path: string[]) => {
    if (placed.has(name)) return;
    if (path.includes(name)) throw new CopyError(`foreign keys form a cycle: ${path.join(" -> ")}`);
    for (const parent of [...(parents.get(name) ?? [])].sort()) visit(parent, [...path, name]);
    placed.add(name);
    ordered.push({ name, columns: tables.get(name) ?? [] });
  };
  for (const name of [...tables.keys()].sort()) visit(name, []);
  return ordered;
}

/** A value as both sides write it for the checksum. */
function canonical(value: unknown, type: string): string {
  if (value === null || value === undefined) return "\\N";
  if (type === "boolean") return value === true || value === 1 || value === "1" ? "t" : "f";
  if (type.startsWith("timestamp")) return new Date(value as string).toISOString();
  return String(value);
}

/** SQLite's stored value as PostgreSQL takes it. */
function toTarget(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return null;
  if (type === "boolean") return value === 1 || value === true;
  // timestamp without time zone holds UTC (as Prisma writes it): give it the UTC wall time.
  if (type.startsWith("timestamp")) return new Date(value as string).toISOString().replace("Z", "");
  return value;
}

/** An order-free checksum: the sum of the first 8 bytes of each row's SHA-256, modulo 2^64. */
class TableChecksum {
  private sum = 0n;
  rows = 0;
  add(values: string[]) {
    const digest = createHash("sha256").update(values.join("\u0001")).digest();
    this.sum = (this.sum + digest.readBigUInt64BE(0)) & 0xffffffffffffffffn;
    this.rows++;
  }
  get hex(): string {
    return this.sum.toString(16).padStart(16, "0");
  }
}

function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

async function refuseNonEmpty(client: pg.ClientBase, tables: Table[]): Promise<void> {
  for (const table of tables) {
    const found = await client.query(`SELECT 1 FROM ${quote(table.name)} LIMIT 1`);
    if (found.rowCount) {
      throw new CopyError(
        `The target is not empty (table ${table.name} has rows): db:copy only fills an empty database.`,
      );
    }
  }
}

function checkSourceColumns(source: Database.Database, table: Table): void {
  const present = new Set(
    source
      .prepare<[], { name: string }>(
        `SELECT name FROM pragma_table_info('${table.name.replace(/'/g, "''")}')`,
      )
      .all()
      .map((row) => row.name),
  );
  const missing = table.columns.filter((column) => !present.has(column.name));
  if (present.size === 0) throw new CopyError(`The source has no table ${table.name}.`);
  if (missing.length > 0) {
    throw new CopyError(
      `The source's ${table.name} lacks ${missing.map((c) => c.name).join(", ")}: migrate it first (npm start, or npx prisma migrate deploy).`,
    );
  }
}

async function copyTable(
  source: Database.Database,
  client: pg.ClientBase,
  table: Table,
): Promise<TableChecksum> {
  const names = table.columns.map((column) => quote(column.name)).join(", ");
  const checksum = new TableChecksum();
  let batch: unknown[][] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const width = table.columns.length;
    const placeholders = batch
      .map((_, row) => `(${table.columns.map((_, col) => `$${row * width + col + 1}`).join(", ")})`)
      .join(", ");
    await client.query(
      `INSERT INTO ${quote(table.name)} (${names}) VALUES ${placeholders}`,
      batch.flat(),
    );
    batch = [];
  };
  const rows = source
    .prepare(`SELECT ${names} FROM ${quote(table.name)}`)
    .raw(true)
    .iterate() as IterableIterator<unknown[]>;
  for (const row of rows) {
    checksum.add(row.map((value, index) => canonical(value, table.columns[index]?.type ?? "")));
    batch.push(row.map((value, index) => toTarget(value, table.columns[index]?.type ?? "")));
    if (batch.length >= BATCH_ROWS) await flush();
  }
  await flush();
  return checksum;
}

async function targetChecksum(client: pg.ClientBase, table: Table): Promise<TableChecksum> {
  const checksum = new TableChecksum();
  const names = table.columns.map((column) => quote(column.name)).join(", ");
  const result = await client.query<unknown[]>({
    text: `SELECT ${names} FROM ${quote(table.name)}`,
    rowMode: "array",
    types: {
      getTypeParser: ((oid: number, format?: string) =>
        oid === TIMESTAMP
          ? (text: string) => `${text.replace(" ", "T")}Z`
          : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
    },
  });
  for (const row of result.rows) {
    checksum.add(row.map((value, index) => canonical(value, table.columns[index]?.type ?? "")));
  }
  return checksum;
}

async function resetSequences(client: pg.ClientBase, tables: Table[]): Promise<void> {
  const serial = await client.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
     WHERE table_schema = current_schema() AND column_default LIKE 'nextval(%'`,
  );
  const known = new Set(tables.map((table) => table.name));
  for (const { table_name: table, column_name: column } of serial.rows) {
    if (!known.has(table)) continue;
    // The next id continues after the copied ones.
    await client.query(
      `SELECT setval(pg_get_serial_sequence($1, $2), COALESCE((SELECT MAX(${quote(column)}) FROM ${quote(table)}), 0) + 1, false)`,
      [quote(table), column],
    );
  }
}

export async function copyDatabase(from: string, to: string): Promise<TableReport[]> {
  if (databaseProvider(from) !== "sqlite") throw new CopyError("--from must be a SQLite file: URL");
  if (databaseProvider(to) !== "postgresql")
    throw new CopyError("--to must be a postgresql:// URL");
  const sourceFile = path.resolve(databaseFilePath(from));
  if (!existsSync(sourceFile)) throw new CopyError(`No SQLite database at ${sourceFile}`);
  const probe = createDatabaseProbe(from);
  try {
    const reason = await unreadyReason(probe, expectedMigrations(PROJECT_ROOT, from));
    if (reason)
      throw new CopyError(
        `The source is not ready to copy (${reason}): start Pulse on it once, or run npx prisma migrate deploy.`,
      );
  } finally {
    await probe.close();
  }
  // Refused before migrating too: a full database is told so at once, and is not migrated.
  const early = new pg.Client({ connectionString: to });
  await early.connect();
  try {
    await refuseNonEmpty(early, await targetTables(early));
  } finally {
    await early.end();
  }
  await applyMigrations(to);
  const source = new Database(path.resolve(databaseFilePath(from)), {
    readonly: true,
    fileMustExist: true,
  });
  const client = new pg.Client({ connectionString: to });
  await client.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL SERIALIZABLE");
    const tables = await targetTables(client);
    await refuseNonEmpty(client, tables);
    for (const table of tables) checkSourceColumns(source, table);
    // One read transaction on the source: the copy is one snapshot even if a server is writing.
    source.prepare("BEGIN").run();
    const reports: TableReport[] = [];
    try {
      for (const table of tables) {
        const copied = await copyTable(source, client, table);
        const stored = await targetChecksum(client, table);
        if (stored.rows !== copied.rows || stored.hex !== copied.hex) {
          throw new CopyError(
            `${table.name}: the copy differs (source ${copied.rows} rows, checksum ${copied.hex}; target ${stored.rows} rows, checksum ${stored.hex}); nothing was written.`,
          );
        }
        reports.push({ table: table.name, rows: copied.rows, checksum: copied.hex });
      }
    } finally {
      source.prepare("COMMIT").run();
    }
    await resetSequences(client, tables);
    await client.query("COMMIT");
    return reports;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
    source.close();
  }
}
