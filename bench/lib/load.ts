/**
 * Load phases: autocannon in a second process (bench/load-worker.ts) against one URL, with the
 * server's memory sampled and its page cache probed just before and after.
 */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import type { LoadResult, LoadSpec } from "../load-worker";
import { fmt } from "./format";
import { ROOT } from "./paths";
import { log, onCleanUp } from "./run-support";
import { type RunningServer, sampleMemory, waitUntilIdle } from "./server";

export interface LoadPhase extends LoadResult {
  label: string;
  memory: { startMb: number; peakMb: number; endMb: number; growthMb: number };
  /** What a request just before and just after the phase said about the page cache. */
  cache: { before: string; after: string };
}

/**
 * Headers by which a page cache says whether it answered: the app's own (`x-pulse-cache:
 * hit|miss`, when the page cache sets it) or Next's full-route cache (`x-nextjs-cache`).
 */
export const CACHE_HEADERS = ["x-pulse-cache", "x-nextjs-cache"];

/**
 * Requested as autocannon requests (it sends no Accept-Encoding): a page cache that keeps a
 * compressed and an uncompressed copy must be warmed and probed for the copy the load reads.
 */
export const AS_AUTOCANNON = { headers: { "accept-encoding": "identity" } };

/** A probe the server leaves unanswered fails the run with its URL instead of hanging it. */
const PROBE_TIMEOUT_MS = 120_000;

export async function probeCache(url: string, cookie?: string): Promise<string> {
  const response = await fetch(url, {
    headers: { ...AS_AUTOCANNON.headers, ...(cookie ? { cookie } : {}) },
    signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
  }).catch((error: Error) => {
    throw new Error(`GET ${url} (cache probe): ${error.message}`, { cause: error });
  });
  await response.arrayBuffer();
  for (const name of CACHE_HEADERS) {
    const value = response.headers.get(name);
    if (value) return `${name}: ${value.toLowerCase()}`;
  }
  return "no cache header";
}

const running = new Set<ChildProcess>();
onCleanUp(() => {
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

export async function loadPhase(
  server: RunningServer,
  label: string,
  pathAndQuery: string,
  connections: number,
  duration: number,
  /** A session cookie: the phase reads as a signed-in person, whom the page cache never serves. */
  cookie?: string,
): Promise<LoadPhase> {
  await waitUntilIdle(server.serverPid);
  const url = `${server.baseUrl}${pathAndQuery}`;
  const before = await probeCache(url, cookie);
  const memory = sampleMemory(server.serverPid);
  const result = await runWorker({
    url,
    connections,
    duration,
    ...(cookie ? { headers: { cookie } } : {}),
  });
  const phase = {
    ...result,
    label,
    memory: memory.stop(),
    cache: { before, after: await probeCache(url, cookie) },
  };
  log(
    `${label} c=${connections}: ${fmt(phase.requestsPerSecond)} req/s, p50 ${fmt(phase.p50)} ms, ` +
      `p95 ${fmt(phase.p95)} ms, p99 ${fmt(phase.p99)} ms, non-2xx ${phase.non2xx}, errors ${phase.errors}, ` +
      `peak RSS ${phase.memory.peakMb.toFixed(0)} MB, ${phase.cache.before} / ${phase.cache.after}`,
  );
  return phase;
}

/**
 * Requests every path 15 times before it is measured: anonymously, the page cache is filled;
 * with a session `cookie`, the render's code is compiled by V8 first, as the cached phases' was.
 */
export async function warmUp(baseUrl: string, paths: string[], cookie?: string) {
  const init = cookie ? { headers: { ...AS_AUTOCANNON.headers, cookie } } : AS_AUTOCANNON;
  for (const target of paths) {
    // Five at a time: several connections, so that every serving process (PULSE_WORKERS) warms.
    for (let i = 0; i < 3; i++) {
      await Promise.all(
        Array.from({ length: 5 }, async () => {
          const response = await fetch(`${baseUrl}${target}`, init);
          await response.arrayBuffer();
          if (response.status !== 200)
            throw new Error(`warm-up: ${target} answered ${response.status}`);
        }),
      );
    }
  }
}
