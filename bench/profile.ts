/**
 * Where the server's time goes on one page: serves the production build on the benchmark
 * database with V8's CPU profiler on, loads the page from a second process, stops the server
 * (the profile is written on exit) and prints the functions with the most self time, grouped by
 * package. Run `npm run bench` once first (it generates bench/.work/bench.db).
 *
 *   npx tsx bench/profile.ts [path, default "/?brand=bench-042"] [--duration 10] [--connections 10]
 *   npx tsx bench/profile.ts "/api/export?format=long" --sequential 2
 *   npx tsx bench/profile.ts "/?brand=xiaomi" --signed-in
 *
 * `--signed-in` profiles the page as the bench's editor sees it: a session, so the page cache
 * never answers and every request is a full render (issue 12's "uncached").
 *
 * `--sequential n` requests the path n times one after the other (reading each body to its end,
 * uncompressed) instead of driving load: for long responses like the CSV export.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { startServer } from "./lib/server";
import { BENCH_ADMIN_ENV, signedInEditorCookie } from "./lib/session";
import type { LoadResult } from "./load-worker";

const ROOT = path.resolve(import.meta.dirname, "..");
const WORK = path.join(ROOT, "bench", ".work");
const DB_FILE = path.join(WORK, "bench.db");
const PROFILE_DIR = path.join(WORK, "profile");

interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  }[];
  samples: number[];
  timeDeltas: number[];
}

function flag(args: string[], name: string, fallback: number): number {
  const at = args.indexOf(name);
  return at === -1 ? fallback : Number(args[at + 1]);
}

/** Which package (or our own code) a script URL belongs to. */
function owner(url: string): string {
  if (!url) return "(native / V8)";
  const modules = url.lastIndexOf("node_modules/");
  if (modules !== -1) {
    const rest = url.slice(modules + "node_modules/".length).split("/");
    const name = rest[0]?.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
    if (name === "next") {
      const compiled = /dist\/compiled\/([^/]+)/.exec(url)?.[1];
      return compiled ? `next (compiled ${compiled})` : "next";
    }
    return name ?? url;
  }
  if (url.includes("/.next/server/chunks/")) return "app server bundle (.next/server/chunks)";
  if (url.startsWith("node:")) return "node core";
  return url.replace(`file://${ROOT}/`, "");
}

/**
 * The start of a bundled function's source: the app's server bundle is minified, so its function
 * names say nothing, but the first characters of the code usually do.
 */
const sourceLines = new Map<string, string[]>();
function sourceAt(url: string, line: number, column: number): string {
  if (!url.startsWith("file://") || !url.includes("/.next/server/")) return "";
  const file = url.slice("file://".length);
  if (!sourceLines.has(file)) {
    sourceLines.set(file, existsSync(file) ? readFileSync(file, "utf8").split("\n") : []);
  }
  const text = sourceLines.get(file)?.[line]?.slice(column, column + 70) ?? "";
  return text ? ` [${text.replace(/\s+/g, " ")}]` : "";
}

function summarize(profile: CpuProfile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfByFunction = new Map<string, number>();
  const selfByOwner = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const node = byId.get(id);
    const delta = (profile.timeDeltas[index] ?? 0) / 1000;
    if (!node) return;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    if (functionName === "(idle)" || functionName === "(program)") return;
    total += delta;
    const fn = `${functionName || "(anonymous)"} ${owner(url)}:${lineNumber + 1}${sourceAt(url, lineNumber, columnNumber)}`;
    selfByFunction.set(fn, (selfByFunction.get(fn) ?? 0) + delta);
    selfByOwner.set(owner(url), (selfByOwner.get(owner(url)) ?? 0) + delta);
  });
  const top = (map: Map<string, number>, n: number) =>
    [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);
  return { total, owners: top(selfByOwner, 12), functions: top(selfByFunction, 25) };
}

async function main() {
  const args = process.argv.slice(2);
  const target = args.find((arg) => arg.startsWith("/")) ?? "/?brand=bench-042";
  const duration = flag(args, "--duration", 10);
  const connections = flag(args, "--connections", 10);
  const sequential = flag(args, "--sequential", 0);
  const signedIn = args.includes("--signed-in");
  if (!existsSync(DB_FILE)) throw new Error("run `npm run bench` first: no bench/.work/bench.db");
  rmSync(PROFILE_DIR, { recursive: true, force: true });
  mkdirSync(PROFILE_DIR, { recursive: true });

  const server = await startServer({
    projectRoot: ROOT,
    databaseFile: DB_FILE,
    nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${PROFILE_DIR}`],
    env: BENCH_ADMIN_ENV,
  });
  let summaryLine: string;
  try {
    const cookie = signedIn ? await signedInEditorCookie(server.baseUrl) : undefined;
    const headers: Record<string, string> = cookie ? { cookie } : {};
    if (sequential > 0) {
      const seconds: number[] = [];
      for (let i = 0; i < sequential; i++) {
        const started = performance.now();
        const response = await fetch(`${server.baseUrl}${target}`, {
          headers: { ...headers, "accept-encoding": "identity" },
        });
        await response.arrayBuffer();
        seconds.push((performance.now() - started) / 1000);
      }
      summaryLine = `${target}: ${sequential} sequential requests, ${seconds.map((s) => `${s.toFixed(2)} s`).join(", ")} (profiling slows it down)`;
    } else {
      for (let i = 0; i < 5; i++) {
        await (await fetch(`${server.baseUrl}${target}`, { headers })).arrayBuffer();
      }
      const load = await new Promise<LoadResult>((resolve, reject) => {
        const tsxCli = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
        const spec = JSON.stringify({
          url: `${server.baseUrl}${target}`,
          connections,
          duration,
          ...(cookie ? { headers } : {}),
        });
        const child = spawn(process.execPath, [tsxCli, "bench/load-worker.ts", spec], {
          cwd: ROOT,
          stdio: ["ignore", "pipe", "inherit"],
        });
        let out = "";
        child.stdout.on("data", (chunk: Buffer) => {
          out += chunk.toString();
        });
        child.on("exit", (code) =>
          code === 0 ? resolve(JSON.parse(out) as LoadResult) : reject(new Error(`exit ${code}`)),
        );
      });
      summaryLine =
        `${target}: ${load.requestsPerSecond.toFixed(1)} req/s at ${connections} connections, ` +
        `p50 ${load.p50.toFixed(0)} ms, p95 ${load.p95.toFixed(0)} ms (profiling slows it down)`;
    }
  } finally {
    await server.stop();
  }
  // Every node process of the server wrote a profile; next-server's is the one that worked.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const files = readdirSync(PROFILE_DIR)
    .map((name) => path.join(PROFILE_DIR, name))
    .sort((a, b) => statSync(b).size - statSync(a).size);
  const largest = files[0];
  if (!largest) throw new Error("no CPU profile was written");
  const summary = summarize(JSON.parse(readFileSync(largest, "utf8")) as CpuProfile);
  console.log(summaryLine);
  console.log(`profile: ${path.relative(ROOT, largest)} (open in Chrome DevTools > Performance)`);
  console.log(`\nCPU self time by package (${summary.total.toFixed(0)} ms busy):`);
  for (const [name, ms] of summary.owners) {
    console.log(`  ${((ms / summary.total) * 100).toFixed(1).padStart(5)}%  ${name}`);
  }
  console.log("\nTop functions by self time:");
  for (const [name, ms] of summary.functions) {
    console.log(`  ${((ms / summary.total) * 100).toFixed(1).padStart(5)}%  ${name}`);
  }
}

await main();
