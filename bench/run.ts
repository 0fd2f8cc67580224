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
 * Flags: `npm run bench -- --help` (bench/lib/flags.ts). Each phase is a module of bench/lib/
 * (load.ts, export-measure.ts, writes.ts, browser.ts), and the report is bench/lib/report.ts.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { measureJavaScript, runLighthouse } from "./lib/browser";
import { ensureBuild } from "./lib/build";
import { otherSyntheticBrand, prepareDataset } from "./lib/dataset";
import { measureExport } from "./lib/export-measure";
import { parseFlags, USAGE } from "./lib/flags";
import { fmt } from "./lib/format";
import { type LoadPhase, loadPhase, warmUp } from "./lib/load";
import { describeMachine } from "./lib/machine";
import { DB_FILE, ROOT, WORK } from "./lib/paths";
import { formatMarkdown, type Results, renderLoad, renderResults } from "./lib/report";
import { cleanUp, log, onCleanUp, withTimeout } from "./lib/run-support";
import { memoryOf, startServer, waitUntilIdle } from "./lib/server";
import { STATIC_NAMES, writeStaticCopies } from "./lib/static-copies";
import { measureWrites } from "./lib/writes";

const EDITOR_PASSWORD = "bench-editor-password";

async function main() {
  const flags = parseFlags(process.argv.slice(2));
  if (flags === "help") {
    console.log(USAGE);
    return;
  }
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
  onCleanUp(() => server.stop());
  const fetchPage = async (target: string) => {
    const response = await fetch(`${server.baseUrl}${target}`);
    const body = Buffer.from(await response.arrayBuffer());
    if (response.status !== 200) throw new Error(`${target} answered ${response.status}`);
    return body;
  };
  const overviewHtml = await fetchPage(overviewPath);
  const metricHtml = await fetchPage(metricPath);
  await server.stop();
  writeStaticCopies({ overview: overviewHtml, metric: metricHtml });

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
