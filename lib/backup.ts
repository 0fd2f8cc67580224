/**
 * An online backup (`npm run backup`, scripts/backup.ts) of the database ($DATABASE_URL, default
 * data/app.db) while the server keeps serving and writing. On PostgreSQL it runs `pg_dump` in
 * its custom format (backupPostgres below); on SQLite it uses SQLite's backup API:
 *
 * The copy is one consistent snapshot: all pages are transferred in a single step inside one
 * read transaction, which in WAL mode never blocks the server's writer (and a multi-step copy
 * would restart whenever the server commits). The result is checked with PRAGMA integrity_check
 * before the command reports success. Restore: see README ("Backup and restore").
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { redactUrl } from "@/lib/database-url";
import { BUSY_TIMEOUT_MS } from "@/lib/limits";

export interface BackupReport {
  source: string;
  target: string;
  pages: number;
  bytes: number;
  seconds: number;
  observations: number;
  integrity: string;
}

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}

/** Copies every page in one step: the snapshot is consistent and not restarted by writes. */
const ALL_PAGES = 0x7fffffff;

export async function backupDatabase(
  sourceFile: string,
  targetFile: string,
  options: { overwrite?: boolean; pagesPerStep?: number } = {},
): Promise<BackupReport> {
  const source = path.resolve(sourceFile);
  const target = path.resolve(targetFile);
  if (!existsSync(source)) throw new BackupError(`No database at ${source}`);
  if (source === target) throw new BackupError("The backup must go to another file");
  if (existsSync(target) && !options.overwrite) {
    throw new BackupError(`${target} exists; choose a new file (or pass --force to replace it)`);
  }
  mkdirSync(path.dirname(target), { recursive: true });
  // Written next to the target and renamed at the end, so a failed backup never leaves a
  // half-written file under the name someone will restore from.
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });

  const started = performance.now();
  const db = new Database(source, { fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  let pages = 0;
  try {
    const metadata = await db.backup(partial, {
      progress: () => options.pagesPerStep ?? ALL_PAGES,
    });
    pages = metadata.totalPages;
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    db.close();
  }

  const copy = new Database(partial, { fileMustExist: true });
  let integrity: string;
  let observations: number;
  try {
    // The copy is a plain rollback-journal file: no -wal to carry along when it is moved.
    copy.pragma("journal_mode = DELETE");
    integrity = (copy.pragma("integrity_check") as { integrity_check: string }[])
      .map((row) => row.integrity_check)
      .join("; ");
    observations =
      copy.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM "Observation"').get()?.n ?? 0;
  } finally {
    copy.close();
  }
  if (integrity !== "ok") {
    rmSync(partial, { force: true });
    throw new BackupError(`The backup failed its integrity check: ${integrity}`);
  }
  renameSync(partial, target);
  return {
    source,
    target,
    pages,
    bytes: statSync(target).size,
    seconds: (performance.now() - started) / 1000,
    observations,
    integrity,
  };
}

export interface PostgresBackupReport {
  target: string;
  bytes: number;
  seconds: number;
  /** Entries pg_restore lists in the archive: the archive is readable. */
  entries: number;
}

/**
 * `pg_dump --format=custom` of a PostgreSQL database: one consistent snapshot (pg_dump reads in
 * one repeatable-read transaction) that never blocks the server's writers. Written next to the
 * target and renamed once `pg_restore --list` has read it back. Restore: README, "Backup and
 * restore". pg_dump must be as new as the server (Debian: apt-get install postgresql-client).
 */
export async function backupPostgres(
  url: string,
  targetFile: string,
  options: { overwrite?: boolean } = {},
): Promise<PostgresBackupReport> {
  const target = path.resolve(targetFile);
  if (existsSync(target) && !options.overwrite) {
    throw new BackupError(`${target} exists; choose a new file (or pass --force to replace it)`);
  }
  mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  const started = performance.now();
  const dump = spawnSync(
    "pg_dump",
    ["--format=custom", "--no-owner", `--file=${partial}`, `--dbname=${url}`],
    {
      encoding: "utf8",
    },
  );
  if (dump.error || dump.status !== 0) {
    rmSync(partial, { force: true });
    const missing = (dump.error as NodeJS.ErrnoException | undefined)?.code === "ENOENT";
    throw new BackupError(
      missing
        ? `pg_dump is not installed here. Install it (Debian: apt-get install postgresql-client) or run:\n  pg_dump --format=custom --no-owner --file=${target} '${redactUrl(url)}'`
        : `pg_dump failed: ${dump.stderr.trim()}`,
    );
  }
  const list = spawnSync("pg_restore", ["--list", partial], { encoding: "utf8" });
  if (list.status !== 0) {
    rmSync(partial, { force: true });
    throw new BackupError(`The archive could not be read back: ${list.stderr.trim()}`);
  }
  renameSync(partial, target);
  return {
    target,
    bytes: statSync(target).size,
    seconds: (performance.now() - started) / 1000,
    entries: list.stdout.split("\n").filter((line) => line && !line.startsWith(";")).length,
  };
}
