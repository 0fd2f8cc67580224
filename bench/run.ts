/**
 * `npm run bench`: how fast Pulse is on a large dataset, in one run on this machine.
 *
 * 1. generates the synthetic dataset (bench/generate-dataset.ts) into bench/.work/bench.db, and
 *    with `--db postgres|both` copies it into a throwaway PostgreSQL cluster (bench/lib/postgres.ts);
 * then for each database (bench/lib/database-run.ts):
 * 2. serves the production build against it (building first when the build is missing or older
 *    than the sources) and drives load from a second process (bench/load-worker.ts, autocannon)
 *    at 10 and 50 connections on the overview and a metric page, and on a static copy of each
 *    page's HTML served by the same server (the upper bound), sampling the server's memory;
 *    then issue 12's pages (Xiaomi's and a 30-metric brand's overview and revenue page) cached
 *    and signed in, their HTML sizes and the overviews' time to first byte (bench/lib/signed-in.ts);
 * 3. exports the whole database as CSV through GET /api/export, next to `sqlite3 -csv` writing the
 *    same rows and columns (bench/lib/export-measure.ts), with the server's memory growth;
 * 4. times server-action writes through the real quarter form while 10 connections read the
 *    overview of another brand, then of the written brand (bench/lib/writes.ts);
 * 5. on the last database, measures the JavaScript the overview sends (gzip) and runs Lighthouse;
 * and writes every figure with the machine's description to bench/RESULTS.md.
 *
 * Flags: `npm run bench -- --help` (bench/lib/flags.ts). Each phase is a module of bench/lib/
 * (load.ts, export-measure.ts, writes.ts, browser.ts), and the report is bench/lib/report.ts.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import {
  type LighthouseResult,
  measureJavaScript,
  runLighthouse,
  type ScriptBytes,
} from "./lib/browser";
import { ensureBuild } from "./lib/build";
import { type DatabaseTarget, runDatabase } from "./lib/database-run";
import { prepareDataset } from "./lib/dataset";
import { FlagError, parseFlags, USAGE } from "./lib/flags";
import { describeMachine } from "./lib/machine";
import { DB_FILE, ROOT, WORK } from "./lib/paths";
import { copyIntoCluster, startCluster } from "./lib/postgres";
import { type DatabaseResults, formatMarkdown, renderLoad, renderResults } from "./lib/report";
import { renderIssue12 } from "./lib/report-issue12";
import { cleanUp, log, withTimeout } from "./lib/run-support";

async function main() {
  let flags: ReturnType<typeof parseFlags>;
  try {
    flags = parseFlags(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof FlagError)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (flags === "help") {
    console.log(USAGE);
    return;
  }
  const machine = describeMachine(flags.workers);
  log(`${machine.cpus} CPUs (${machine.model}), Node ${machine.node}, load ${machine.loadAverage}`);
  ensureBuild(ROOT, log);
  const dataset = await prepareDataset(flags);

  const targets: DatabaseTarget[] = [];
  for (const kind of flags.databases) {
    if (kind === "sqlite") targets.push({ label: "SQLite" });
    else {
      const cluster = startCluster();
      await copyIntoCluster(DB_FILE, cluster);
      targets.push({ label: `PostgreSQL ${cluster.version}`, url: cluster.url });
    }
  }

  const databases: DatabaseResults[] = [];
  let javascript: ScriptBytes | { error: string } = { error: "not measured" };
  let lighthouse: LighthouseResult = { status: "skipped", note: "not measured" };
  for (const [index, target] of targets.entries()) {
    const last = index === targets.length - 1;
    databases.push(
      await runDatabase({
        target,
        flags,
        dataset,
        // The browser's view does not depend on the database: measured once, on the last.
        alsoWhileServing: last
          ? async (server, overviewPath) => {
              log("JavaScript sent by the overview");
              javascript = await withTimeout(
                "the script measurement",
                120_000,
                measureJavaScript(`${server.baseUrl}${overviewPath}`),
              ).catch((error: Error) => ({ error: error.message }));
              log("Lighthouse");
              lighthouse = runLighthouse(`${server.baseUrl}${overviewPath}`, flags.lighthouse);
              log(`lighthouse: ${lighthouse.status} ${lighthouse.score ?? ""}`);
            }
          : undefined,
      }),
    );
  }

  if (flags.pagesOnly) {
    writeFileSync(
      flags.out,
      databases
        .map(
          (db) =>
            renderIssue12(db.database, db.signedIn, db.writes, db.writesSameBrand) +
            renderLoad(db.database, db.load, db.sizes, flags.duration),
        )
        .join("\n"),
    );
  } else {
    const results = {
      machine,
      dataset,
      duration: flags.duration,
      quick: flags.quick,
      databases,
      javascript,
      lighthouse,
    };
    writeFileSync(path.join(WORK, "results.json"), JSON.stringify(results, null, 2));
    writeFileSync(flags.out, renderResults(results));
  }
  formatMarkdown(flags.out);
  log(`wrote ${path.relative(ROOT, flags.out)}${flags.pagesOnly ? " (pages only)" : ""}`);
}

try {
  await main();
  await cleanUp();
} catch (error) {
  console.error(error);
  await cleanUp();
  process.exit(1);
}
