/**
 * The CSV export part of `npm run bench` on its own, against a freshly started server (so its
 * first run shows the memory growth of a server that has not exported before):
 *
 *   npx tsx bench/export.ts [--runs 2] [--db bench/.work/bench.db]
 *
 * Generates the benchmark database first when the file is missing, builds when the build is
 * stale, and prints every run and the ratio to `sqlite3 -csv`.
 */
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { generateDataset } from "./generate-dataset";
import { ensureBuild } from "./lib/build";
import { measureExport } from "./lib/export-measure";
import { startServer } from "./lib/server";
import { BENCH_ADMIN_ENV } from "./lib/session";

const ROOT = path.resolve(import.meta.dirname, "..");

function flag(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at === -1 ? undefined : args[at + 1];
}

const log = (message: string) =>
  console.log(`[export ${new Date().toISOString().slice(11, 19)}] ${message}`);

async function main() {
  const args = process.argv.slice(2);
  const runs = Number(flag(args, "--runs") ?? 2);
  const databaseFile = path.resolve(ROOT, flag(args, "--db") ?? "bench/.work/bench.db");
  ensureBuild(ROOT, log);
  if (!existsSync(databaseFile)) {
    mkdirSync(path.dirname(databaseFile), { recursive: true });
    log(`generating ${path.relative(ROOT, databaseFile)}`);
    await generateDataset(databaseFile, {});
  }
  const server = await startServer({ projectRoot: ROOT, databaseFile, env: BENCH_ADMIN_ENV });
  try {
    const result = await measureExport(server, databaseFile, { runs, log });
    if (result.status !== "measured") {
      log(result.note);
      process.exitCode = 1;
      return;
    }
    log(
      `ratio app (plain) / sqlite3: ${result.ratio?.toFixed(2)}; largest server memory growth ${result.peakGrowthMb?.toFixed(0)} MB`,
    );
    for (const problem of result.problems ?? []) log(`PROBLEM: ${problem}`);
  } finally {
    await server.stop();
  }
}

await main();
