/**
 * Issue 12's write phase alone, for before/after comparisons: serves the production build on a
 * copy of the benchmark database (bench/.work/writes.db, made afresh from bench.db each run, so the
 * saves never change what bench/uncached.ts measures), lets 10 connections read `readPath` as a
 * signed-in editor (no page cache: every read is a render) or, with `--anonymous`, as the bench's
 * write phase reads (cached pages of another brand), and saves quarters of `--brand` through the
 * real form meanwhile (bench/lib/writes.ts). Prints the saves' p50/p95 and the reads' rate.
 *
 *   npx tsx bench/writes-under-load.ts [readPath, default "/?brand=bench-001"] [--brand xiaomi]
 *     [--duration 12] [--anonymous] [--alone] [--postgres] [--workers 1]
 *
 * `--alone` saves without readers and prints the server's CPU per save (from /proc): a save's own
 * work, which under load is multiplied by the renders it takes turns with. `--postgres` serves a
 * copy of the same file in a throwaway PostgreSQL cluster (as `npm run bench -- --db postgres`).
 */
import { copyFileSync, existsSync, rmSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { loadPhase } from "./lib/load";
import { copyIntoCluster, startCluster } from "./lib/postgres";
import { cleanUp } from "./lib/run-support";
import { startServer, totalCpuSeconds, waitUntilIdle } from "./lib/server";
import { BENCH_ADMIN_ENV, signedInEditorCookie } from "./lib/session";
import { measureWrites } from "./lib/writes";

const ROOT = path.resolve(import.meta.dirname, "..");
const SOURCE_DB = path.join(ROOT, "bench", ".work", "bench.db");
const DB_FILE = path.join(ROOT, "bench", ".work", "writes.db");

async function main() {
  const args = process.argv.slice(2);
  const value = (name: string, fallback: string) => {
    const at = args.indexOf(name);
    return at === -1 ? fallback : (args[at + 1] ?? fallback);
  };
  const readPath = args.find((arg) => arg.startsWith("/")) ?? "/?brand=bench-001";
  const brand = value("--brand", "xiaomi");
  const duration = Number(value("--duration", "12"));
  const anonymous = args.includes("--anonymous");
  // PULSE_WORKERS: the CPU per save (--alone) then adds up every serving process.
  const workers = Number(value("--workers", "1"));
  if (!existsSync(SOURCE_DB)) throw new Error("no bench/.work/bench.db: see bench/uncached.ts");
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${DB_FILE}${suffix}`, { force: true });
  copyFileSync(SOURCE_DB, DB_FILE);
  let databaseUrl: string | undefined;
  if (args.includes("--postgres")) {
    const cluster = startCluster();
    await copyIntoCluster(DB_FILE, cluster);
    databaseUrl = cluster.url;
  }

  const server = await startServer({
    projectRoot: ROOT,
    databaseFile: DB_FILE,
    databaseUrl,
    env: { ...BENCH_ADMIN_ENV, PULSE_WORKERS: String(workers) },
  });
  const serverCpu = () => totalCpuSeconds(server.servingPids());
  try {
    const cookie = anonymous ? undefined : await signedInEditorCookie(server.baseUrl);
    for (let i = 0; i < 10; i++) {
      const response = await fetch(`${server.baseUrl}${readPath}`, {
        headers: cookie ? { cookie } : {},
      });
      await response.arrayBuffer();
    }
    const load = loadavg()[0]?.toFixed(2);
    await waitUntilIdle(server.serverPid);
    if (args.includes("--alone")) {
      const cpuBefore = serverCpu();
      const alone = await measureWrites({
        baseUrl: server.baseUrl,
        databaseFile: DB_FILE,
        databaseUrl,
        brand,
        duration,
      });
      await waitUntilIdle(server.serverPid);
      // Includes the sign-in and the form's page measureWrites loads first: a bound from above.
      const cpuMs = ((serverCpu() - cpuBefore) * 1000) / (alone.writes ?? 1);
      console.log(
        `saves of ${brand} alone: ${alone.writes} saves (${alone.accepted} accepted), p50 ` +
          `${alone.p50?.toFixed(0)} ms, p95 ${alone.p95?.toFixed(0)} ms, ${cpuMs.toFixed(1)} ms of server CPU per save ` +
          `(load average ${load} before, ${workers} serving process${workers === 1 ? "" : "es"})`,
      );
      return;
    }
    const reading = loadPhase(server, `${readPath} read`, readPath, 10, duration, cookie);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const writes = await measureWrites({
      baseUrl: server.baseUrl,
      databaseFile: DB_FILE,
      databaseUrl,
      brand,
      duration: Math.max(1, duration - 3.5),
    });
    const reads = await reading;
    console.log(
      `saves of ${brand} while 10 connections read ${readPath} ${anonymous ? "anonymously" : "signed in"}: ` +
        `${writes.writes} saves (${writes.accepted} accepted), p50 ${writes.p50?.toFixed(0)} ms, ` +
        `p95 ${writes.p95?.toFixed(0)} ms; reads ${reads.requestsPerSecond.toFixed(1)} req/s, ` +
        `p50 ${reads.p50.toFixed(0)} ms, p95 ${reads.p95.toFixed(0)} ms (load average ${load} before` +
        `${process.env.NODE_OPTIONS ? `, NODE_OPTIONS=${process.env.NODE_OPTIONS}` : ""}, ` +
        `${workers} serving process${workers === 1 ? "" : "es"})`,
    );
  } finally {
    await server.stop();
    await cleanUp();
  }
}

await main();
