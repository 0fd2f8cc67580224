/** bench/RESULTS.md: every figure of one run, with the targets beside them. */
import { spawnSync } from "node:child_process";
import path from "node:path";
import type { DatasetReport } from "../generate-dataset";
import type { LighthouseResult, ScriptBytes } from "./browser";
import type { ExportResult } from "./export-measure";
import { fmt, kb, verdict } from "./format";
import { CACHE_HEADERS, type LoadPhase } from "./load";
import type { Machine } from "./machine";
import { ROOT } from "./paths";
import { renderIssue12 } from "./report-issue12";
import type { PageFigures } from "./signed-in";
import type { WriteResult } from "./writes";

/** Everything one database's server measured. */
export interface DatabaseResults {
  /** "SQLite" or "PostgreSQL 15.x": in every heading of its sections. */
  database: string;
  sizes: { overviewBytes: number; metricBytes: number };
  load: LoadPhase[];
  signedIn: PageFigures[];
  exportResult: ExportResult;
  /** Saves of one brand while readers read another brand's overview. */
  writes: WriteResult & { readLoad?: LoadPhase };
  /** Saves of the brand whose overview the readers read: each save expires their page. */
  writesSameBrand: WriteResult & { readLoad?: LoadPhase };
  serverPeakMb: number;
}

export interface Results {
  machine: Machine;
  dataset: DatasetReport;
  duration: number;
  quick: boolean;
  databases: DatabaseResults[];
  javascript: ScriptBytes | { error: string };
  lighthouse: LighthouseResult;
}

export function renderLoad(
  database: string,
  load: LoadPhase[],
  sizes: DatabaseResults["sizes"],
  duration: number,
): string {
  const find = (label: string, connections: number) =>
    load.find((phase) => phase.label === label && phase.connections === connections);
  const lines: string[] = [];
  lines.push(`## Pages under load (${database})`, "");
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

function renderExport(database: string, exp: ExportResult): string {
  const lines: string[] = [`## CSV export (${database})`, ""];
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

function renderWrites(
  database: string,
  writes: DatabaseResults["writes"],
  readers: "another brand" | "the written brand",
): string {
  const lines: string[] = [
    `## Server-action writes under read load, readers on ${readers} (${database})`,
    "",
  ];
  if (writes.status === "pending") {
    lines.push(writes.note, "");
    return lines.join("\n");
  }
  const failures = (writes.failures ?? []).map((f) => `${f.count} answered ${f.status}`).join(", ");
  lines.push(
    `${writes.note}, while 10 connections read the overview of ${readers} (autocannon, as above; ` +
      (readers === "another brand"
        ? "the page cache expires only the written brand's pages, so theirs stays cached). "
        : "every save expires their page, so the next reader renders it again). ") +
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

export function renderResults(results: Results): string {
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
    `- Pulse served by ${machine.servingProcesses} process${machine.servingProcesses === 1 ? "" : "es"} on one port (PULSE_WORKERS=${machine.servingProcesses}); memory figures are the first serving process's`,
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
  if (results.quick) {
    lines.push(
      "**Quick mode** (`--quick`): a small dataset and short phases, to check that the bench runs; " +
        "its figures are not comparable with a full run's and the targets are not judged by them.",
      "",
    );
  }
  for (const db of results.databases) {
    lines.push(renderIssue12(db.database, db.signedIn, db.writes, db.writesSameBrand));
  }
  for (const db of results.databases) {
    lines.push(renderLoad(db.database, db.load, db.sizes, results.duration));
    lines.push(renderExport(db.database, db.exportResult));
    lines.push(renderWrites(db.database, db.writes, "another brand"));
    lines.push(renderWrites(db.database, db.writesSameBrand, "the written brand"));
  }
  const browserOn = results.databases.at(-1)?.database ?? "";
  lines.push(`## What the overview sends to the browser (served from ${browserOn})`, "");
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
  lines.push(`## Lighthouse (overview, served from ${browserOn})`, "");
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
  for (const db of results.databases) {
    lines.push(
      `- ${db.database}: peak resident memory of the serving process over its whole run (VmHWM): ${fmt(db.serverPeakMb, 0)} MB`,
    );
  }
  lines.push("");
  return `${lines.join("\n")}\n`;
}

/** RESULTS.md is committed and `npm run lint` checks its format: Biome aligns the tables. */
export function formatMarkdown(file: string) {
  if (!file.startsWith(`${ROOT}${path.sep}`)) return;
  spawnSync(path.join(ROOT, "node_modules", ".bin", "biome"), ["format", "--write", file], {
    cwd: ROOT,
    stdio: "ignore",
    timeout: 60_000,
  });
}
