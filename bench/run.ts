/**
 * `npm run bench`: how fast Pulse is on a large dataset, in one run on this machine.
 *
 * 1. generates the synthetic dataset (bench/generate-dataset.ts) into bench/.work/bench.db;
 * 2. serves the production build against it (building first when the build is missing or older
 *    than the sources) and drives load from a second process (bench/load-worker.ts, autocannon)
 *    at 10 and 50 connections on the overview and a metric page, and on a static copy of each
 *    page's HTML served by the same server (the upper bound), sampling the server's memory;
 * 3. exports the whole database as CSV through GET /api/export, next to `sqlite3 -csv` writing the
 *    same rows and columns (bench/lib/export-measure.ts), with the server's memory growth;
 * 4. times server-action writes through the real quarter form while 10 connections read the
 *    overview (bench/lib/writes.ts);
 * 5. measures the JavaScript the overview sends (gzip) and runs Lighthouse in Chromium;
 * and writes every figure with the machine's description to bench/RESULTS.md.
 *
 * Flags: --duration <s> per load phase (10), --quick (3 s phases), --reuse-db, --no-lighthouse,
 * --pages-only (load phases only), --brands <n> (200), --out <file> (bench/RESULTS.md).
 */
import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import Database from "better-sqlite3";
import { type DatasetReport, generateDataset } from "./generate-dataset";
import { ensureBuild } from "./lib/build";
import { type ExportResult, measureExport } from "./lib/export-measure";
import {
  memoryOf,
  type RunningServer,
  sampleMemory,
  startServer,
  waitUntilIdle,
} from "./lib/server";
import { measureWrites, type WriteResult } from "./lib/writes";
import type { LoadResult, LoadSpec } from "./load-worker";

const ROOT = path.resolve(import.meta.dirname, "..");
const WORK = path.join(ROOT, "bench", ".work");
const DB_FILE = path.join(WORK, "bench.db");
const DATASET_REPORT = path.join(WORK, "dataset.json");
const PUBLIC_DIR = path.join(ROOT, "public");
/** Static copies of the pages, same bytes, served from public/ (gitignored). */
const STATIC_NAMES = { overview: "bench-static-overview.html", metric: "bench-static-metric.html" };
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
const EDITOR_PASSWORD = "bench-editor-password";

interface Flags {
  duration: number;
  reuseDb: boolean;
  lighthouse: boolean;
  pagesOnly: boolean;
  brands: number;
  out: string;
}

function parseFlags(args: string[]): Flags {
  const value = (name: string) => {
    const at = args.indexOf(name);
    return at === -1 ? undefined : args[at + 1];
  };
  const quick = args.includes("--quick");
  return {
    duration: Number(value("--duration") ?? (quick ? 3 : 10)),
    reuseDb: args.includes("--reuse-db"),
    lighthouse: !args.includes("--no-lighthouse"),
    pagesOnly: args.includes("--pages-only"),
    brands: Number(value("--brands") ?? 200),
    out: path.resolve(ROOT, value("--out") ?? "bench/RESULTS.md"),
  };
}

function log(message: string) {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

// ---------------------------------------------------------------------------------------------
// Clean-up: whatever happens, the server group is stopped and the static file removed.

const cleanups: (() => Promise<void> | void)[] = [];
let cleaning = false;
async function cleanUp() {
  if (cleaning) return;
  cleaning = true;
  for (const task of cleanups.reverse()) {
    try {
      await task();
    } catch (error) {
      console.error("clean-up failed:", error);
    }
  }
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    void cleanUp().then(() => process.exit(130));
  });
}

function withTimeout<T>(what: string, ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000} s`)), ms);
    }),
  ]);
}

// ---------------------------------------------------------------------------------------------
// The machine

interface Machine {
  cpus: number;
  model: string;
  memoryGb: number;
  os: string;
  kernel: string;
  node: string;
  chromium: string;
  sqlite3: string;
  date: string;
  loadAverage: string;
}

function commandOutput(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: "utf8", timeout: 10_000 }).trim();
  } catch {
    return "not available";
  }
}

function describeMachine(): Machine {
  const cpuinfo = readFileSync("/proc/cpuinfo", "utf8");
  const osRelease = existsSync("/etc/os-release") ? readFileSync("/etc/os-release", "utf8") : "";
  return {
    cpus: Number(commandOutput("nproc", [])) || os.cpus().length,
    model: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? "unknown",
    memoryGb: os.totalmem() / 1024 ** 3,
    os: /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(osRelease)?.[1] ?? os.type(),
    kernel: os.release(),
    node: process.version,
    chromium: commandOutput(CHROMIUM, ["--version"]),
    sqlite3: commandOutput("sqlite3", ["--version"]).split(" ").slice(0, 2).join(" "),
    date: new Date().toISOString(),
    loadAverage: os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(" "),
  };
}

// ---------------------------------------------------------------------------------------------
// Build and dataset

async function prepareDataset(flags: Flags): Promise<DatasetReport> {
  mkdirSync(WORK, { recursive: true });
  if (flags.reuseDb && existsSync(DB_FILE) && existsSync(DATASET_REPORT)) {
    log(`reusing ${path.relative(ROOT, DB_FILE)}`);
    return JSON.parse(readFileSync(DATASET_REPORT, "utf8")) as DatasetReport;
  }
  log(`generating the dataset (${flags.brands} brands x 30 metrics x 80 quarters)`);
  const report = await generateDataset(DB_FILE, { brands: flags.brands });
  writeFileSync(DATASET_REPORT, JSON.stringify(report, null, 2));
  log(
    `dataset: ${report.currentObservations} current figures, ${report.supersededObservations} superseded, ` +
      `${report.sources} sources, ${report.events} events, ${(report.bytes / 1e6).toFixed(1)} MB ` +
      `in ${report.seconds.toFixed(1)} s`,
  );
  return report;
}

// ---------------------------------------------------------------------------------------------
// Load

interface LoadPhase extends LoadResult {
  label: string;
  memory: { startMb: number; peakMb: number; endMb: number; growthMb: number };
  /** What a request just before and just after the phase said about the page cache. */
  cache: { before: string; after: string };
}

/**
 * Headers by which a page cache says whether it answered: the app's own (`x-pulse-cache:
 * hit|miss`, when the page cache sets it) or Next's full-route cache (`x-nextjs-cache`).
 */
const CACHE_HEADERS = ["x-pulse-cache", "x-nextjs-cache"];

/**
 * Requested as autocannon requests (it sends no Accept-Encoding): a page cache that keeps a
 * compressed and an uncompressed copy must be warmed and probed for the copy the load reads.
 */
const AS_AUTOCANNON = { headers: { "accept-encoding": "identity" } };

async function probeCache(url: string): Promise<string> {
  const response = await fetch(url, AS_AUTOCANNON);
  await response.arrayBuffer();
  for (const name of CACHE_HEADERS) {
    const value = response.headers.get(name);
    if (value) return `${name}: ${value.toLowerCase()}`;
  }
  return "no cache header";
}

const running = new Set<ChildProcess>();
cleanups.push(() => {
  for (const child of running) child.kill("SIGKILL");
});

/** Runs bench/load-worker.ts in a child process: the load generator is a second process. */
function runWorker(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const tsxCli = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
    const child = spawn(process.execPath, [tsxCli, "bench/load-worker.ts", JSON.stringify(spec)], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    running.add(child);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), (spec.duration + 60) * 1000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      running.delete(child);
      const line = stdout.trim().split("\n").at(-1);
      if (code === 0 && line) resolve(JSON.parse(line) as LoadResult);
      else reject(new Error(`load worker failed (exit ${code}): ${stderr.slice(-2000)}`));
    });
  });
}

async function loadPhase(
  server: RunningServer,
  label: string,
  pathAndQuery: string,
  connections: number,
  duration: number,
): Promise<LoadPhase> {
  await waitUntilIdle(server.serverPid);
  const url = `${server.baseUrl}${pathAndQuery}`;
  const before = await probeCache(url);
  const memory = sampleMemory(server.serverPid);
  const result = await runWorker({ url, connections, duration });
  const phase = {
    ...result,
    label,
    memory: memory.stop(),
    cache: { before, after: await probeCache(url) },
  };
  log(
    `${label} c=${connections}: ${fmt(phase.requestsPerSecond)} req/s, p50 ${fmt(phase.p50)} ms, ` +
      `p95 ${fmt(phase.p95)} ms, p99 ${fmt(phase.p99)} ms, non-2xx ${phase.non2xx}, errors ${phase.errors}, ` +
      `peak RSS ${phase.memory.peakMb.toFixed(0)} MB, ${phase.cache.before} / ${phase.cache.after}`,
  );
  return phase;
}

async function warmUp(baseUrl: string, paths: string[]) {
  for (const target of paths) {
    for (let i = 0; i < 15; i++) {
      const response = await fetch(`${baseUrl}${target}`, AS_AUTOCANNON);
      await response.arrayBuffer();
      if (response.status !== 200)
        throw new Error(`warm-up: ${target} answered ${response.status}`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Writes

/**
 * The synthetic brand the write phase saves quarters for: not the one whose overview is read, so
 * the reads are of a page the writes do not change. (A page cache keyed by one data version for
 * the whole database still expires it on every write; the cache column shows what reads got.)
 */
function otherSyntheticBrand(readBrand: string): string {
  const db = new Database(DB_FILE, { readonly: true });
  try {
    const row = db
      .prepare<[string], { slug: string }>(
        `SELECT slug FROM "Brand" WHERE slug LIKE 'bench-%' AND slug <> ? ORDER BY slug LIMIT 1`,
      )
      .get(readBrand);
    if (!row) throw new Error("the dataset has no second synthetic brand to write to");
    return row.slug;
  } finally {
    db.close();
  }
}

// ---------------------------------------------------------------------------------------------
// What the browser gets

interface ScriptBytes {
  scripts: number;
  rawBytes: number;
  gzipBytes: number;
  largest: { url: string; gzipBytes: number }[];
  htmlBytes: number;
  htmlGzipBytes: number;
}

async function measureJavaScript(url: string): Promise<ScriptBytes> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROME_FLAGS.slice(1) });
  try {
    const page = await browser.newPage();
    const pending: Promise<{ url: string; raw: number; gzip: number } | null>[] = [];
    page.on("response", (response) => {
      if (response.request().resourceType() !== "script") return;
      pending.push(
        response
          .body()
          .then((body) => ({
            url: new URL(response.url()).pathname,
            raw: body.byteLength,
            gzip: gzipSync(body).byteLength,
          }))
          .catch(() => null),
      );
    });
    const response = await page.goto(url, { waitUntil: "networkidle", timeout: 60_000 });
    const html = (await response?.body()) ?? Buffer.alloc(0);
    const scripts = (await Promise.all(pending)).filter((entry) => entry !== null);
    return {
      scripts: scripts.length,
      rawBytes: scripts.reduce((sum, entry) => sum + entry.raw, 0),
      gzipBytes: scripts.reduce((sum, entry) => sum + entry.gzip, 0),
      largest: scripts
        .sort((a, b) => b.gzip - a.gzip)
        .slice(0, 5)
        .map((entry) => ({ url: entry.url, gzipBytes: entry.gzip })),
      htmlBytes: html.byteLength,
      htmlGzipBytes: gzipSync(html).byteLength,
    };
  } finally {
    await browser.close();
  }
}

interface LighthouseResult {
  status: "measured" | "failed" | "skipped";
  note: string;
  score?: number;
  metrics?: Record<string, string>;
}

function runLighthouse(url: string, enabled: boolean): LighthouseResult {
  if (!enabled) return { status: "skipped", note: "skipped (--no-lighthouse)" };
  const output = path.join(WORK, "lighthouse.json");
  rmSync(output, { force: true });
  const cli = path.join(ROOT, "node_modules", "lighthouse", "cli", "index.js");
  const result = spawnSync(
    process.execPath,
    [
      cli,
      url,
      "--only-categories=performance",
      "--preset=desktop",
      "--output=json",
      `--output-path=${output}`,
      "--quiet",
      `--chrome-flags=${CHROME_FLAGS.join(" ")}`,
    ],
    {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 240_000,
      env: { ...process.env, CHROME_PATH: CHROMIUM },
    },
  );
  if (result.status !== 0 || !existsSync(output)) {
    const why = `${result.error?.message ?? ""} ${result.stderr ?? ""}`.trim().slice(-1500);
    return { status: "failed", note: `lighthouse exited ${result.status}: ${why}` };
  }
  const report = JSON.parse(readFileSync(output, "utf8")) as {
    lighthouseVersion: string;
    categories: { performance: { score: number | null } };
    audits: Record<string, { displayValue?: string; title: string }>;
    runtimeError?: { message: string };
  };
  const metrics: Record<string, string> = {};
  for (const id of [
    "first-contentful-paint",
    "largest-contentful-paint",
    "total-blocking-time",
    "cumulative-layout-shift",
    "speed-index",
    "interactive",
    "bootup-time",
    "total-byte-weight",
    "dom-size",
  ]) {
    const audit = report.audits[id];
    if (audit) metrics[audit.title] = audit.displayValue ?? "";
  }
  const score = report.categories.performance.score;
  if (score === null) {
    return {
      status: "failed",
      note: `no score: ${report.runtimeError?.message ?? "unknown error"}`,
      metrics,
    };
  }
  return {
    status: "measured",
    note: `Lighthouse ${report.lighthouseVersion}, desktop preset, performance only`,
    score: Math.round(score * 100),
    metrics,
  };
}

// ---------------------------------------------------------------------------------------------
// The report

interface Results {
  machine: Machine;
  dataset: DatasetReport;
  duration: number;
  sizes: { overviewBytes: number; metricBytes: number };
  load: LoadPhase[];
  exportResult: ExportResult;
  writes: WriteResult & { readLoad?: LoadPhase };
  javascript: ScriptBytes | { error: string };
  lighthouse: LighthouseResult;
  serverPeakMb: number;
}

const fmt = (value: number | null | undefined, digits = 1) =>
  value === undefined || value === null || Number.isNaN(value) ? "n/a" : value.toFixed(digits);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function verdict(ok: boolean) {
  return ok ? "met" : "**missed**";
}

function renderLoad(load: LoadPhase[], sizes: Results["sizes"], duration: number): string {
  const find = (label: string, connections: number) =>
    load.find((phase) => phase.label === label && phase.connections === connections);
  const lines: string[] = [];
  lines.push("## Pages under load", "");
  lines.push(
    `autocannon in a second process on 127.0.0.1, ${duration} s per phase after a warm-up, ` +
      "waiting between phases until the server is idle. " +
      `Overview HTML: ${kb(sizes.overviewBytes)}; metric page: ${kb(sizes.metricBytes)}. ` +
      "Each page's upper bound is a static copy of its own HTML (same bytes) served from `public/` by the same server. " +
      "A phase in which no request completed shows n/a: every request took longer than the phase. " +
      "The warm-up requests every page 15 times first, so a page cache is filled before it is measured; " +
      "the cache column is what one request just before and one just after each phase said about the cache " +
      `(the first of the headers ${CACHE_HEADERS.map((name) => `\`${name}\``).join(", ")} present).`,
    "",
  );
  lines.push(
    "| page | connections | req/s | p50 ms | p95 ms | p99 ms | non-2xx / errors | vs static copy | server peak RSS | cache (before / after) |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
  );
  for (const phase of load) {
    const bound = phase.label.endsWith("static copy")
      ? undefined
      : find(`${phase.label}, static copy`, phase.connections);
    const ratio = bound ? phase.requestsPerSecond / bound.requestsPerSecond : null;
    lines.push(
      `| ${phase.label} | ${phase.connections} | ${fmt(phase.requestsPerSecond)} | ${fmt(phase.p50)} | ${fmt(phase.p95)} | ${fmt(phase.p99)} | ${phase.non2xx} / ${phase.errors + phase.timeouts} | ${ratio === null ? "" : fmt(ratio, 3)} | ${fmt(phase.memory.peakMb, 0)} MB | ${phase.cache.before} / ${phase.cache.after} |`,
    );
  }
  lines.push("", "Targets (10 connections):", "");
  for (const label of ["overview", "metric page"]) {
    const phase = find(label, 10);
    const bound = find(`${label}, static copy`, 10);
    if (!phase || !bound) continue;
    const ratio = phase.requestsPerSecond / bound.requestsPerSecond;
    lines.push(
      `- ${label}: p95 ${fmt(phase.p95)} ms (target < 100 ms: ${verdict(phase.p95 < 100)}); ` +
        `${fmt(ratio, 3)} of its static copy's rate (target >= 0.5: ${verdict(ratio >= 0.5)})`,
    );
  }
  lines.push("");
  return lines.join("\n");
}

function renderExport(exp: ExportResult): string {
  const lines: string[] = ["## CSV export", ""];
  if (exp.status === "pending" || !exp.plain || !exp.sqlite || !exp.gzip) {
    lines.push(exp.note, "");
    return lines.join("\n");
  }
  lines.push(
    `${exp.note}, the long shape of every current figure (${exp.plain[0]?.rows.toLocaleString("en-US")} rows), ` +
      "read to its end by a client in the bench process (node:http), next to `sqlite3 -csv -header` running " +
      "`EXPORT_SQL` (bench/lib/export-measure.ts: the same rows, columns and order, YoY computed by a self-join) " +
      "on the same file. Each side ran twice, alternating; the ratio compares the faster run of each. " +
      "`plain` asks for no compression (the bytes sqlite3 writes); `gzip` is what a browser asks for. " +
      "Server RSS is sampled every 50 ms during each request.",
    "",
    "| exporter | rows | seconds | rows/s | CSV MB | on the wire MB | first byte ms | server CPU s | server RSS before / peak (growth) |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  );
  const appRow = (label: string, run: NonNullable<ExportResult["gzip"]>) =>
    `| ${label} | ${run.rows} | ${fmt(run.seconds, 2)} | ${fmt(run.rowsPerSecond, 0)} | ${fmt(run.csvBytes / 1e6)} | ${fmt(run.wireBytes / 1e6)} | ${fmt(run.firstByteMs, 0)} | ${fmt(run.serverCpuSeconds, 2)} | ${fmt(run.memory.startMb, 0)} / ${fmt(run.memory.peakMb, 0)} MB (+${fmt(run.memory.growthMb, 0)}) |`;
  exp.plain.forEach((run, index) => {
    lines.push(appRow(`app, plain, run ${index + 1}`, run));
  });
  lines.push(appRow("app, gzip", exp.gzip));
  exp.sqlite.forEach((run, index) => {
    lines.push(
      `| sqlite3 -csv, run ${index + 1} | ${run.rows} | ${fmt(run.seconds, 2)} | ${fmt(run.rowsPerSecond, 0)} | ${fmt(run.bytes / 1e6)} | | | | |`,
    );
  });
  const bestSqlite = Math.max(...exp.sqlite.map((run) => run.rowsPerSecond));
  const ratio = exp.ratio ?? Number.NaN;
  const growth = exp.peakGrowthMb ?? Number.NaN;
  lines.push(
    "",
    `- rows/s, app (plain) / sqlite3: **${fmt(ratio, 2)}** (target >= 0.5: ${verdict(ratio >= 0.5)}); ` +
      `with gzip: ${fmt(exp.gzip.rowsPerSecond / bestSqlite, 2)}`,
    `- server memory growth during an export, largest of the runs: **${fmt(growth, 0)} MB** (target < 150 MB: ${verdict(growth < 150)})`,
    `- first byte after ${fmt(Math.max(...[...exp.plain, exp.gzip].map((run) => run.firstByteMs)), 0)} ms at most`,
  );
  for (const problem of exp.problems ?? []) lines.push(`- **${problem}**`);
  lines.push("");
  return lines.join("\n");
}

function renderWrites(writes: Results["writes"]): string {
  const lines: string[] = ["## Server-action writes under read load", ""];
  if (writes.status === "pending") {
    lines.push(writes.note, "");
    return lines.join("\n");
  }
  const failures = (writes.failures ?? []).map((f) => `${f.count} answered ${f.status}`).join(", ");
  lines.push(
    `${writes.note}, while 10 connections read the overview of another brand (autocannon, as above). ` +
      "Each submission posts the form as a browser without JavaScript does (multipart/form-data with the " +
      "action's hidden fields) and counts as accepted when the action redirects (303); one that asks for " +
      "confirmation (a restatement on a reused database) is confirmed and timed as one save.",
    "",
    `- ${writes.writes} submissions: ${writes.accepted} accepted, ${writes.confirmed} needed confirmation${failures ? `, ${failures}` : ""}`,
    `- latency per save: p50 **${fmt(writes.p50)} ms**, p95 **${fmt(writes.p95)} ms**, p99 ${fmt(writes.p99)} ms`,
    `- the database afterwards holds ${writes.storedFigures} new revisions from the bench writer for ${writes.acceptedFigures} accepted figures` +
      (writes.storedFigures === writes.acceptedFigures
        ? " (every accepted figure, once)"
        : " (**mismatch**)"),
  );
  if (writes.readLoad) {
    const read = writes.readLoad;
    lines.push(
      `- reads meanwhile: ${fmt(read.requestsPerSecond)} req/s, p50 ${fmt(read.p50)} ms, p95 ${fmt(read.p95)} ms, ` +
        `${read.non2xx} non-2xx; cache ${read.cache.before} / ${read.cache.after}`,
    );
  }
  lines.push("");
  return lines.join("\n");
}

function renderResults(results: Results): string {
  const { machine, dataset } = results;
  const lines: string[] = [];
  lines.push("# Benchmark results", "");
  lines.push(
    "Written by `npm run bench` (bench/run.ts); every figure below comes from that one run. " +
      "Why targets are missed, with the CPU profile: bench/NOTES.md.",
    "",
  );
  lines.push("## Machine", "");
  lines.push(
    `- ${machine.cpus} CPUs: ${machine.model}`,
    `- ${machine.memoryGb.toFixed(1)} GB memory; ${machine.os}, Linux ${machine.kernel}`,
    `- Node ${machine.node}; ${machine.chromium}; sqlite3 ${machine.sqlite3}`,
    `- Run at ${machine.date}; load average at start ${machine.loadAverage} (the machine is shared, so other work may run alongside)`,
    "",
  );
  lines.push("## Dataset", "");
  lines.push(
    `Generated by \`bench/generate-dataset.ts\` in ${fmt(dataset.seconds)} s, ` +
      `${(dataset.bytes / 1e6).toFixed(1)} MB: ${dataset.brands} synthetic brands plus the real seed, ` +
      `${dataset.metrics} metrics, ${dataset.quarters} quarters (2006Q1 to 2025Q4), ` +
      `${dataset.currentObservations.toLocaleString("en-US")} current figures, ` +
      `${dataset.supersededObservations.toLocaleString("en-US")} superseded revisions, ` +
      `${dataset.sources.toLocaleString("en-US")} sources, ${dataset.events.toLocaleString("en-US")} events. ` +
      `Pages are measured on \`${dataset.sampleBrand}\`.`,
    "",
  );
  lines.push(renderLoad(results.load, results.sizes, results.duration));
  lines.push(renderExport(results.exportResult));
  lines.push(renderWrites(results.writes));
  lines.push("## What the overview sends to the browser", "");
  const js = results.javascript;
  if ("error" in js) lines.push(`Could not measure: ${js.error}`, "");
  else {
    lines.push(
      `- JavaScript: ${js.scripts} scripts, ${kb(js.rawBytes)} raw, **${kb(js.gzipBytes)} gzip** ` +
        `(target <= 250 KB: ${verdict(js.gzipBytes <= 250 * 1024)})`,
      `- HTML document (with the inline RSC payload): ${kb(js.htmlBytes)} raw, ${kb(js.htmlGzipBytes)} gzip`,
      `- largest scripts (gzip): ${js.largest.map((entry) => `${entry.url} ${kb(entry.gzipBytes)}`).join("; ")}`,
      "",
      "Measured by loading the overview in Chromium through Playwright and gzipping (level 6) the body of every script response.",
      "",
    );
  }
  lines.push("## Lighthouse (overview)", "");
  const lh = results.lighthouse;
  if (lh.status === "measured") {
    lines.push(
      `Performance score **${lh.score}** (target >= 95: ${verdict((lh.score ?? 0) >= 95)}); ${lh.note}, Debian's Chromium headless.`,
      "",
    );
  } else lines.push(`${lh.status}: ${lh.note}`, "");
  if (lh.metrics) {
    for (const [title, value] of Object.entries(lh.metrics)) lines.push(`- ${title}: ${value}`);
    lines.push("");
  }
  lines.push("## Server memory", "");
  lines.push(
    `Peak resident memory of the serving process over the whole run (VmHWM): ${fmt(results.serverPeakMb, 0)} MB.`,
    "",
  );
  return `${lines.join("\n")}\n`;
}

/** RESULTS.md is committed and `npm run lint` checks its format: Biome aligns the tables. */
function formatMarkdown(file: string) {
  if (!file.startsWith(`${ROOT}${path.sep}`)) return;
  spawnSync(path.join(ROOT, "node_modules", ".bin", "biome"), ["format", "--write", file], {
    cwd: ROOT,
    stdio: "ignore",
    timeout: 60_000,
  });
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const flags = parseFlags(process.argv.slice(2));
  const machine = describeMachine();
  log(`${machine.cpus} CPUs (${machine.model}), Node ${machine.node}, load ${machine.loadAverage}`);
  ensureBuild(ROOT, log);
  const dataset = await prepareDataset(flags);
  const brand = dataset.sampleBrand;
  const overviewPath = `/?brand=${brand}`;
  const metricPath = `/metrics/revenue?brand=${brand}`;

  // The static upper bounds are copies of the pages' HTML; public/ is read when the server
  // starts, so a first server renders the pages and a second one serves them all.
  const serverOptions = {
    projectRoot: ROOT,
    databaseFile: DB_FILE,
    env: { PULSE_ADMIN_EMAIL: "bench@pulse.local", PULSE_ADMIN_PASSWORD: EDITOR_PASSWORD },
  };
  let server = await startServer(serverOptions);
  cleanups.push(() => server.stop());
  const fetchPage = async (target: string) => {
    const response = await fetch(`${server.baseUrl}${target}`);
    const body = Buffer.from(await response.arrayBuffer());
    if (response.status !== 200) throw new Error(`${target} answered ${response.status}`);
    return body;
  };
  const overviewHtml = await fetchPage(overviewPath);
  const metricHtml = await fetchPage(metricPath);
  await server.stop();
  const createdPublic = !existsSync(PUBLIC_DIR);
  mkdirSync(PUBLIC_DIR, { recursive: true });
  writeFileSync(path.join(PUBLIC_DIR, STATIC_NAMES.overview), overviewHtml);
  writeFileSync(path.join(PUBLIC_DIR, STATIC_NAMES.metric), metricHtml);
  cleanups.push(() => {
    for (const name of Object.values(STATIC_NAMES))
      rmSync(path.join(PUBLIC_DIR, name), { force: true });
    if (createdPublic) rmSync(PUBLIC_DIR, { recursive: true, force: true });
  });

  server = await startServer(serverOptions);
  log(`server ${server.baseUrl}, serving process ${server.serverPid}`);
  const targets = [
    ["overview", overviewPath],
    ["overview, static copy", `/${STATIC_NAMES.overview}`],
    ["metric page", metricPath],
    ["metric page, static copy", `/${STATIC_NAMES.metric}`],
  ] as const;
  await warmUp(
    server.baseUrl,
    targets.map(([, target]) => target),
  );

  const load: LoadPhase[] = [];
  for (const connections of [10, 50]) {
    for (const [label, target] of targets) {
      load.push(await loadPhase(server, label, target, connections, flags.duration));
    }
  }
  const sizes = { overviewBytes: overviewHtml.byteLength, metricBytes: metricHtml.byteLength };
  if (flags.pagesOnly) {
    writeFileSync(flags.out, renderLoad(load, sizes, flags.duration));
    formatMarkdown(flags.out);
    log(`wrote ${path.relative(ROOT, flags.out)} (pages only)`);
    return;
  }

  log("CSV export");
  await waitUntilIdle(server.serverPid);
  const exportResult = await withTimeout(
    "the export",
    1_200_000,
    measureExport(server, DB_FILE, { log }),
  );
  log(exportResult.note);

  log("writes under read load");
  const writeBrand = otherSyntheticBrand(brand);
  await waitUntilIdle(server.serverPid);
  const reading = loadPhase(server, "overview (during writes)", overviewPath, 10, flags.duration);
  // The read load starts after loadPhase's idle check and cache probe; writing stops before it
  // ends, so every write meets the read load.
  await new Promise((resolve) => setTimeout(resolve, 2_500));
  const writeResult = await withTimeout(
    "the writes",
    (flags.duration + 120) * 1000,
    measureWrites({
      baseUrl: server.baseUrl,
      databaseFile: DB_FILE,
      brand: writeBrand,
      password: EDITOR_PASSWORD,
      duration: Math.max(1, flags.duration - 3.5),
    }),
  );
  const writes = { ...writeResult, readLoad: await reading };
  log(
    `${writes.note}: p50 ${fmt(writes.p50)} ms, p95 ${fmt(writes.p95)} ms; ` +
      `${writes.accepted ?? 0} accepted, ${writes.confirmed ?? 0} confirmed`,
  );

  log("JavaScript sent by the overview");
  const javascript = await withTimeout(
    "the script measurement",
    120_000,
    measureJavaScript(`${server.baseUrl}${overviewPath}`),
  ).catch((error: Error) => ({ error: error.message }));
  log("Lighthouse");
  const lighthouse = runLighthouse(`${server.baseUrl}${overviewPath}`, flags.lighthouse);
  log(`lighthouse: ${lighthouse.status} ${lighthouse.score ?? ""}`);

  const serverPeakMb = (memoryOf(server.serverPid)?.hwmKb ?? 0) / 1024;
  const results: Results = {
    machine,
    dataset,
    duration: flags.duration,
    sizes,
    load,
    exportResult,
    writes,
    javascript,
    lighthouse,
    serverPeakMb,
  };
  writeFileSync(path.join(WORK, "results.json"), JSON.stringify(results, null, 2));
  writeFileSync(flags.out, renderResults(results));
  formatMarkdown(flags.out);
  log(`wrote ${path.relative(ROOT, flags.out)}`);
}

try {
  await main();
  await cleanUp();
} catch (error) {
  console.error(error);
  await cleanUp();
  process.exit(1);
}
