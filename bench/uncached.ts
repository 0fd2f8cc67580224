/**
 * Issue 12's uncached pages alone, for before/after comparisons while working on render speed:
 * serves the production build on the benchmark database (`npm run bench` or
 * `npx tsx bench/generate-dataset.ts bench/.work/bench.db` first), signs in the bench's editor
 * (a session: the page cache never answers), and for each page prints its req/s at 10
 * connections and its time to first byte at one connection.
 *
 *   npx tsx bench/uncached.ts [path ...] [--duration 10] [--rounds 1] [--workers 1]
 *
 * The paths default to the Xiaomi overview and revenue page. Load average is printed before
 * every phase: on a shared machine a figure means little without it. `--workers n` serves with
 * PULSE_WORKERS=n; the CPU per request then adds up every serving process.
 */
import { existsSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { loadPhase, warmUp } from "./lib/load";
import { measureFirstByte } from "./lib/page-bytes";
import { startServer, totalCpuSeconds, waitUntilIdle } from "./lib/server";
import { BENCH_ADMIN_ENV, signedInEditorCookie } from "./lib/session";

const ROOT = path.resolve(import.meta.dirname, "..");
const DB_FILE = path.join(ROOT, "bench", ".work", "bench.db");

function flag(args: string[], name: string, fallback: number): number {
  const at = args.indexOf(name);
  return at === -1 ? fallback : Number(args[at + 1]);
}

async function main() {
  const args = process.argv.slice(2);
  const paths = args.filter((arg) => arg.startsWith("/"));
  if (paths.length === 0) paths.push("/?brand=xiaomi", "/metrics/revenue?brand=xiaomi");
  const duration = flag(args, "--duration", 10);
  const rounds = flag(args, "--rounds", 1);
  const workers = flag(args, "--workers", 1);
  if (!existsSync(DB_FILE)) throw new Error(`no ${path.relative(ROOT, DB_FILE)}: see the header`);

  const server = await startServer({
    projectRoot: ROOT,
    databaseFile: DB_FILE,
    env: { ...BENCH_ADMIN_ENV, PULSE_WORKERS: String(workers) },
  });
  const serverCpu = () => totalCpuSeconds(server.servingPids());
  try {
    const cookie = await signedInEditorCookie(server.baseUrl);
    await warmUp(server.baseUrl, paths, cookie);
    for (let round = 1; round <= rounds; round++) {
      for (const target of paths) {
        const load = loadavg()[0]?.toFixed(2);
        await waitUntilIdle(server.serverPid);
        const cpuBeforeLoad = serverCpu();
        const phase = await loadPhase(server, `${target} signed in`, target, 10, duration, cookie);
        await waitUntilIdle(server.serverPid);
        // Under load too: 10 renders interleaved keep more objects alive at once, which is what
        // the young generation's size (NODE_OPTIONS=--max-semi-space-size) changes.
        const loadCpuMs = ((serverCpu() - cpuBeforeLoad) * 1000) / Math.max(1, phase.requests);
        const cpuBefore = serverCpu();
        const firstByte = await measureFirstByte(`${server.baseUrl}${target}`, cookie, 20);
        // The server's own CPU per request (22 of them: 2 uncounted, then 20), one at a time: on
        // a shared machine, steadier than the rate.
        const cpuMs = ((serverCpu() - cpuBefore) * 1000) / 22;
        console.log(
          `round ${round} ${target}: ${phase.requestsPerSecond.toFixed(1)} req/s, p50 ${phase.p50.toFixed(0)} ms, ` +
            `p95 ${phase.p95.toFixed(0)} ms at 10 connections (${loadCpuMs.toFixed(0)} ms of server CPU per request); at 1 connection first byte p50 ${firstByte.p50.toFixed(1)} ms, ` +
            `${cpuMs.toFixed(0)} ms of server CPU per request (load average ${load} before` +
            `${process.env.NODE_OPTIONS ? `, NODE_OPTIONS=${process.env.NODE_OPTIONS}` : ""}, ${workers} serving process${workers === 1 ? "" : "es"})`,
        );
      }
    }
  } finally {
    await server.stop();
  }
}

await main();
