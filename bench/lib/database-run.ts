/**
 * Every phase against one database: the page load phases and their static copies, issue 12's
 * signed-in pages, the CSV export, and the writes under read load (twice: readers of another
 * brand's overview, then of the written brand's). Its server is stopped when the phases are done
 * (or at clean-up, whatever happens).
 */
import type { DatasetReport } from "../generate-dataset";
import { otherSyntheticBrand } from "./dataset";
import { measureExport } from "./export-measure";
import type { Flags } from "./flags";
import { fmt } from "./format";
import { type LoadPhase, loadPhase, warmUp } from "./load";
import { fetchHtml } from "./page-bytes";
import { DB_FILE, ROOT } from "./paths";
import type { DatabaseResults } from "./report";
import { log, onCleanUp, withTimeout } from "./run-support";
import { memoryOf, type RunningServer, startServer, waitUntilIdle } from "./server";
import { BENCH_ADMIN_ENV, signedInEditorCookie } from "./session";
import { issue12Pages, measureSignedIn } from "./signed-in";
import { STATIC_NAMES, writeStaticCopies } from "./static-copies";
import { measureWrites, type WriteResult } from "./writes";

export interface DatabaseTarget {
  /** The name in the report's headings: "SQLite", "PostgreSQL 15.x". */
  label: string;
  /** A postgresql:// URL; the generated SQLite file when absent. */
  url?: string;
}

/**
 * Saves quarters of `writeBrand` through the form while 10 connections read `readPath`. The read
 * load starts after loadPhase's idle check and cache probe; writing stops before it ends, so
 * every write meets the read load.
 */
async function writesUnderReadLoad(
  server: RunningServer,
  target: DatabaseTarget,
  flags: Flags,
  phase: { label: string; readPath: string; writeBrand: string },
): Promise<WriteResult & { readLoad: LoadPhase }> {
  log(`writes under read load: ${phase.label}`);
  await waitUntilIdle(server.serverPid);
  const reading = loadPhase(server, phase.label, phase.readPath, 10, flags.duration);
  await new Promise((resolve) => setTimeout(resolve, 2_500));
  const writeResult = await withTimeout(
    "the writes",
    (flags.duration + 120) * 1000,
    measureWrites({
      baseUrl: server.baseUrl,
      databaseFile: DB_FILE,
      ...(target.url ? { databaseUrl: target.url } : {}),
      brand: phase.writeBrand,
      duration: Math.max(1, flags.duration - 3.5),
    }),
  );
  const result = { ...writeResult, readLoad: await reading };
  log(
    `${result.note}: p50 ${fmt(result.p50)} ms, p95 ${fmt(result.p95)} ms; ` +
      `${result.accepted ?? 0} accepted, ${result.confirmed ?? 0} confirmed`,
  );
  return result;
}

export async function runDatabase(options: {
  target: DatabaseTarget;
  flags: Flags;
  dataset: DatasetReport;
  /** Runs while the server still serves, after the database's own phases (the browser's). */
  alsoWhileServing?: (server: RunningServer, overviewPath: string) => Promise<void>;
}): Promise<DatabaseResults> {
  const { target, flags, dataset } = options;
  const brand = dataset.sampleBrand;
  const overviewPath = `/?brand=${brand}`;
  const metricPath = `/metrics/revenue?brand=${brand}`;
  log(`--- ${target.label} ---`);

  // The static upper bounds are copies of the pages' HTML; public/ is read when the server
  // starts, so a first server renders the pages and a second one serves them all.
  const serverOptions = {
    projectRoot: ROOT,
    databaseFile: DB_FILE,
    ...(target.url ? { databaseUrl: target.url } : {}),
    env: { ...BENCH_ADMIN_ENV, PULSE_WORKERS: String(flags.workers) },
  };
  let server = await startServer(serverOptions);
  onCleanUp(() => server.stop());
  const overviewHtml = await fetchHtml(`${server.baseUrl}${overviewPath}`);
  const metricHtml = await fetchHtml(`${server.baseUrl}${metricPath}`);
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
  const pages = issue12Pages(brand);
  await warmUp(server.baseUrl, [
    ...targets.map(([, path]) => path),
    ...pages.filter((page) => !page.loadLabel).map((page) => page.path),
  ]);

  const load: LoadPhase[] = [];
  for (const connections of flags.connections) {
    for (const [label, path] of targets) {
      load.push(await loadPhase(server, label, path, connections, flags.duration));
    }
  }
  const sizes = { overviewBytes: overviewHtml.byteLength, metricBytes: metricHtml.byteLength };

  log("issue 12: pages signed in");
  const signedIn = await measureSignedIn({
    server,
    pages,
    cookie: await signedInEditorCookie(server.baseUrl),
    duration: flags.duration,
    ttfbRequests: flags.ttfbRequests,
    loadPhases: load,
  });
  const results: DatabaseResults = {
    database: target.label,
    sizes,
    load,
    signedIn,
    exportResult: { status: "pending", note: "not measured (--pages-only)" },
    writes: { status: "pending", note: "not measured (--pages-only)" },
    writesSameBrand: { status: "pending", note: "not measured (--pages-only)" },
    serverPeakMb: Number.NaN,
  };
  if (flags.pagesOnly) {
    results.serverPeakMb = (memoryOf(server.serverPid)?.hwmKb ?? 0) / 1024;
    await server.stop();
    return results;
  }

  log("CSV export");
  await waitUntilIdle(server.serverPid);
  results.exportResult = await withTimeout(
    "the export",
    1_200_000,
    measureExport(server, DB_FILE, { log }),
  );
  log(results.exportResult.note);

  // The page cache expires only the written brand's pages: these readers' page stays cached.
  results.writes = await writesUnderReadLoad(server, target, flags, {
    label: "overview of another brand (during writes)",
    readPath: overviewPath,
    writeBrand: otherSyntheticBrand(brand),
  });

  await options.alsoWhileServing?.(server, overviewPath);
  // Last, so that no phase before it (the browser's included) sees the quarters it adds to the
  // measured brand: the worst case, every save expires the page being read.
  results.writesSameBrand = await writesUnderReadLoad(server, target, flags, {
    label: "overview of the written brand (during writes)",
    readPath: overviewPath,
    writeBrand: brand,
  });
  results.serverPeakMb = (memoryOf(server.serverPid)?.hwmKb ?? 0) / 1024;
  await server.stop();
  return results;
}
