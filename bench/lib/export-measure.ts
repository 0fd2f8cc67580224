/**
 * The CSV export measurement: the whole database through `GET /api/export` (long shape, current
 * figures), next to `sqlite3 -csv` writing the same rows and columns from the same file.
 *
 * The app is read over plain HTTP (node:http, no fetch layer) twice without compression, which is
 * what sqlite3 produces, and once with gzip, which is what a browser asks for; the server's
 * resident memory is sampled every 50 ms during each request. Both sides run twice and the faster
 * run of each is compared, so one hiccup of the shared machine does not decide the ratio.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import http from "node:http";
import { createGunzip } from "node:zlib";
import { countCsvRecords } from "./csv-count";
import { cpuSeconds, type RunningServer, sampleMemory } from "./server";

/**
 * What the app's long export writes, as SQL: the same rows (every current figure with a value,
 * ordered by brand slug, catalog position and quarter) and the same columns in the same order,
 * YoY included (against the current figure of the same quarter a year earlier; percent for flows
 * and stocks over a positive base, points for ratios). What sqlite3 leaves out: the app writes
 * a value with the decimals its source stated (6.0, not 6), YoY in its shortest exact form, and
 * neutralizes text starting with = + - @ against formula injection. The bench checks that both
 * headers and row counts agree.
 */
export const EXPORT_SQL = `SELECT b.slug AS brand, m.key AS metric, m.label AS metric_label, m.unit AS unit,
  o.quarter AS quarter, o.value AS value, o.qualifier AS qualifier,
  CASE WHEN m.kind <> 'ratio' AND p.value > 0 THEN (o.value - p.value) / p.value * 100 END AS yoy_pct,
  CASE WHEN m.kind = 'ratio' THEN o.value - p.value END AS yoy_pp,
  s.title AS source_title, s.url AS source_url, s.publishedOn AS source_date,
  CASE WHEN o.revision > 1 THEN 'true' ELSE 'false' END AS restated,
  o.quote AS quote, o.note AS note
FROM "Observation" o
JOIN "Brand" b ON b.id = o.brandId
JOIN "Metric" m ON m.id = o.metricId
LEFT JOIN "Source" s ON s.id = o.sourceId
LEFT JOIN "Observation" p ON p.brandId = o.brandId AND p.metricId = o.metricId
  AND p.isCurrent = 1 AND p.value IS NOT NULL
  AND p.quarter = (CAST(substr(o.quarter, 1, 4) AS INTEGER) - 1) || substr(o.quarter, 5)
WHERE o.isCurrent = 1 AND o.value IS NOT NULL
ORDER BY b.slug, m.position, o.quarter;`;

export const EXPORT_PATH = "/api/export?format=long";

export interface MemoryGrowth {
  startMb: number;
  peakMb: number;
  endMb: number;
  growthMb: number;
}

export interface AppExportRun {
  encoding: "identity" | "gzip";
  status: number;
  rows: number;
  /** Bytes on the wire (compressed with gzip) and of the CSV itself. */
  wireBytes: number;
  csvBytes: number;
  header: string;
  seconds: number;
  rowsPerSecond: number;
  firstByteMs: number;
  /** CPU the server process spent (user + system) from request to last byte. */
  serverCpuSeconds: number;
  memory: MemoryGrowth;
}

export interface SqliteExportRun {
  rows: number;
  bytes: number;
  header: string;
  seconds: number;
  rowsPerSecond: number;
}

export interface ExportResult {
  status: "measured" | "pending";
  note: string;
  plain?: AppExportRun[];
  gzip?: AppExportRun;
  sqlite?: SqliteExportRun[];
  /** Faster plain app run ÷ faster sqlite3 run, in rows per second. */
  ratio?: number;
  /** The largest memory growth of any app run. */
  peakGrowthMb?: number;
  problems?: string[];
}

/** Streams one export over HTTP, counting CSV records (the header is one) as they arrive. */
export function fetchExport(
  server: RunningServer,
  pathAndQuery: string,
  encoding: "identity" | "gzip",
): Promise<AppExportRun> {
  return new Promise((resolve, reject) => {
    const memory = sampleMemory(server.serverPid, 50);
    const cpuBefore = cpuSeconds(server.serverPid) ?? 0;
    const started = performance.now();
    const request = http.get(
      `${server.baseUrl}${pathAndQuery}`,
      { headers: { "accept-encoding": encoding } },
      (response) => {
        let firstByteMs = 0;
        let wireBytes = 0;
        let csvBytes = 0;
        let header = "";
        const counter = countCsvRecords();
        response.on("data", (chunk: Buffer) => {
          if (wireBytes === 0) firstByteMs = performance.now() - started;
          wireBytes += chunk.byteLength;
        });
        const gzipped = response.headers["content-encoding"] === "gzip";
        const body = gzipped ? response.pipe(createGunzip()) : response;
        body.on("data", (chunk: Buffer) => {
          if (csvBytes < 4096) header = (header + chunk.toString("utf8")).slice(0, 4096);
          csvBytes += chunk.byteLength;
          counter.push(chunk);
        });
        body.on("error", (error) => {
          memory.stop();
          reject(error);
        });
        body.on("end", () => {
          const seconds = (performance.now() - started) / 1000;
          const rows = Math.max(0, counter.finish() - 1);
          resolve({
            encoding,
            status: response.statusCode ?? 0,
            rows,
            wireBytes,
            csvBytes,
            header: header.split("\r\n")[0]?.replace(/^\uFEFF/, "") ?? "",
            seconds,
            rowsPerSecond: rows / seconds,
            firstByteMs,
            serverCpuSeconds: (cpuSeconds(server.serverPid) ?? 0) - cpuBefore,
            memory: memory.stop(),
          });
        });
      },
    );
    request.on("error", (error) => {
      memory.stop();
      reject(error);
    });
    request.setTimeout(600_000, () => request.destroy(new Error("the export timed out")));
  });
}

export function ensureSqlite3(): void {
  if (existsSync("/usr/bin/sqlite3")) return;
  spawnSync("apt-get", ["install", "-y", "sqlite3"], { stdio: "inherit", timeout: 300_000 });
}

export function sqliteExport(databaseFile: string): SqliteExportRun {
  ensureSqlite3();
  const started = performance.now();
  const output = execFileSync("sqlite3", ["-csv", "-header", databaseFile, EXPORT_SQL], {
    maxBuffer: 2 * 1024 ** 3,
    timeout: 600_000,
  });
  const seconds = (performance.now() - started) / 1000;
  const counter = countCsvRecords();
  counter.push(output);
  const rows = counter.finish() - 1;
  const firstLine = output.subarray(0, 4096).toString("utf8").split(/\r?\n/)[0] ?? "";
  return {
    rows,
    bytes: output.byteLength,
    header: firstLine,
    seconds,
    rowsPerSecond: rows / seconds,
  };
}

const fastest = <T extends { rowsPerSecond: number }>(runs: readonly T[]): T | undefined =>
  [...runs].sort((a, b) => b.rowsPerSecond - a.rowsPerSecond)[0];

export async function measureExport(
  server: RunningServer,
  databaseFile: string,
  options: { runs?: number; log?: (message: string) => void } = {},
): Promise<ExportResult> {
  const runs = options.runs ?? 2;
  const log = options.log ?? (() => undefined);
  const probe = await fetchExport(server, `${EXPORT_PATH}&brand=__missing__`, "identity");
  if (probe.status === 404) {
    return { status: "pending", note: `pending: GET ${EXPORT_PATH} answered 404` };
  }
  const plain: AppExportRun[] = [];
  const sqlite: SqliteExportRun[] = [];
  for (let run = 0; run < runs; run++) {
    const app = await fetchExport(server, EXPORT_PATH, "identity");
    if (app.status !== 200) {
      return { status: "pending", note: `pending: GET ${EXPORT_PATH} answered ${app.status}` };
    }
    plain.push(app);
    log(
      `export (plain) ${app.rows} rows in ${app.seconds.toFixed(2)} s: ${app.rowsPerSecond.toFixed(0)} rows/s, ` +
        `first byte ${app.firstByteMs.toFixed(0)} ms, server RSS +${app.memory.growthMb.toFixed(0)} MB`,
    );
    const reference = sqliteExport(databaseFile);
    sqlite.push(reference);
    log(
      `sqlite3 -csv ${reference.rows} rows in ${reference.seconds.toFixed(2)} s: ${reference.rowsPerSecond.toFixed(0)} rows/s`,
    );
  }
  const gzip = await fetchExport(server, EXPORT_PATH, "gzip");
  log(
    `export (gzip) ${gzip.rows} rows in ${gzip.seconds.toFixed(2)} s: ${gzip.rowsPerSecond.toFixed(0)} rows/s, ` +
      `${(gzip.wireBytes / 1e6).toFixed(1)} MB on the wire`,
  );
  const bestApp = fastest(plain);
  const bestSqlite = fastest(sqlite);
  const problems: string[] = [];
  if (bestApp && bestSqlite) {
    if (bestApp.rows !== bestSqlite.rows) {
      problems.push(
        `row counts differ (app ${bestApp.rows}, sqlite3 ${bestSqlite.rows}): align EXPORT_SQL in bench/lib/export-measure.ts`,
      );
    }
    if (bestApp.header !== bestSqlite.header) {
      problems.push(`headers differ: app "${bestApp.header}", sqlite3 "${bestSqlite.header}"`);
    }
  }
  return {
    status: "measured",
    note: `one request for the whole database: GET ${EXPORT_PATH}`,
    plain,
    gzip,
    sqlite,
    ratio: bestApp && bestSqlite ? bestApp.rowsPerSecond / bestSqlite.rowsPerSecond : undefined,
    peakGrowthMb: Math.max(...[...plain, gzip].map((run) => run.memory.growthMb)),
    problems,
  };
}
