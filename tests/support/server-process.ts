/**
 * Starts the production server the way users do (`scripts/start.ts`) in a process group of its
 * own, so that stopping it ends every process it started and nothing else on the machine.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

export interface RunningServer {
  baseUrl: string;
  port: number;
  child: ChildProcess;
  /** The process serving requests, whose memory the bench samples (the first, with workers). */
  serverPid: number;
  /** Every process serving requests now: one, or PULSE_WORKERS workers. */
  servingPids: () => number[];
  log: () => string;
  stop: () => Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("port")),
      );
    });
  });
}

function readProc(pid: number, file: string): string | null {
  try {
    return readFileSync(`/proc/${pid}/${file}`, "utf8");
  } catch {
    return null;
  }
}

/** Every live process in a process group, from /proc (Linux only, like the bench). */
export function processGroupMembers(pgid: number): number[] {
  const members: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readProc(Number(entry), "stat");
    if (!stat) continue;
    // The command name is in parentheses and may contain spaces: split after its closing one.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[2]) === pgid) members.push(Number(entry));
  }
  return members;
}

/**
 * The process that answers requests: `scripts/start.ts` serves in-process and names itself
 * "pulse-server" (server/serve.ts); plain `next start` (the profiling mode) forks "next-server".
 */
function isServingProcess(pid: number): boolean {
  const cmdline = readProc(pid, "cmdline") ?? "";
  const comm = readProc(pid, "comm") ?? "";
  return [cmdline, comm].some(
    (name) => name.startsWith("pulse-server") || name.startsWith("next-server"),
  );
}

export interface MemoryKb {
  rssKb: number;
  hwmKb: number;
}

export function memoryOf(pid: number): MemoryKb | null {
  const status = readProc(pid, "status");
  if (!status) return null;
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, "m").exec(status)?.[1]);
  return { rssKb: field("VmRSS"), hwmKb: field("VmHWM") };
}

/** Samples a process's resident memory until stopped; reports the start, the peak and the end. */
export function sampleMemory(pid: number, everyMs = 100) {
  const first = memoryOf(pid)?.rssKb ?? 0;
  let peak = first;
  let last = first;
  const timer = setInterval(() => {
    const now = memoryOf(pid)?.rssKb;
    if (now === undefined) return;
    last = now;
    peak = Math.max(peak, now);
  }, everyMs);
  return {
    stop(): { startMb: number; peakMb: number; endMb: number; growthMb: number } {
      clearInterval(timer);
      const end = memoryOf(pid)?.rssKb ?? last;
      peak = Math.max(peak, end);
      return {
        startMb: first / 1024,
        peakMb: peak / 1024,
        endMb: end / 1024,
        growthMb: (peak - first) / 1024,
      };
    },
  };
}

/** CPU seconds (user + system) these processes have used so far; a process gone counts 0. */
export function totalCpuSeconds(pids: readonly number[]): number {
  return pids.reduce((sum, pid) => sum + (cpuSeconds(pid) ?? 0), 0);
}

/** CPU seconds (user + system) a process has used so far. */
export function cpuSeconds(pid: number): number | null {
  const stat = readProc(pid, "stat");
  if (!stat) return null;
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // utime and stime are fields 14 and 15 of /proc/<pid>/stat, in clock ticks (100 per second).
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * Waits until a process has gone quiet (under 5% of a core for a second): a load phase that
 * ends with requests still queued would otherwise leave its backlog to the next phase.
 */
export async function waitUntilIdle(pid: number, maxMs = 120_000): Promise<number> {
  const started = Date.now();
  let previous = cpuSeconds(pid) ?? 0;
  while (Date.now() - started < maxMs) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = cpuSeconds(pid) ?? previous;
    if (now - previous < 0.05) break;
    previous = now;
  }
  return (Date.now() - started) / 1000;
}

async function waitFor<T>(
  what: string,
  ms: number,
  probe: () => Promise<T | null>,
  failure: () => string | null = () => null,
): Promise<T> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const failed = failure();
    if (failed) throw new Error(failed);
    const value = await probe().catch(() => null);
    if (value !== null) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out after ${ms} ms waiting for ${what}`);
}

export async function startServer(options: {
  projectRoot: string;
  databaseFile: string;
  /** Another database than the file (a postgresql:// URL); databaseFile is then not used. */
  databaseUrl?: string;
  env?: Record<string, string>;
  readyPath?: string;
  /**
   * Runs `next start` directly with these Node flags instead of `scripts/start.ts` (for flags
   * NODE_OPTIONS refuses, like --cpu-prof); the database must already be migrated.
   */
  nodeArgs?: string[];
  /** Told each piece of the server's output as it comes, to react to what it says. */
  onOutput?: (text: string) => void;
}): Promise<RunningServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const tsxCli = path.join(options.projectRoot, "node_modules", "tsx", "dist", "cli.mjs");
  const nextCli = path.join(options.projectRoot, "node_modules", "next", "dist", "bin", "next");
  const command = options.nodeArgs
    ? [...options.nodeArgs, nextCli, "start", "--port", String(port)]
    : [tsxCli, "scripts/start.ts"];
  const child = spawn(process.execPath, command, {
    cwd: options.projectRoot,
    // A group of its own: stop() signals the group, reaching tsx, next and next-server.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: options.databaseUrl ?? `file:${options.databaseFile}`,
      NEXT_TELEMETRY_DISABLED: "1",
      // The bench signs in as this first admin (tests/support/html-form.ts, signInOverHttp).
      PULSE_ADMIN_EMAIL: process.env.PULSE_ADMIN_EMAIL ?? "bench@pulse.local",
      PULSE_ADMIN_PASSWORD: process.env.PULSE_ADMIN_PASSWORD ?? "bench-editor-password",
      PULSE_ADMIN_NAME: "Bench writer",
      PULSE_SECURE_COOKIES: "false",
      ...options.env,
    },
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
    options.onOutput?.(chunk.toString());
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const pgid = child.pid;
  if (pgid === undefined) throw new Error("the server did not start");

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    const exited = new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve();
      else child.once("exit", () => resolve());
    });
    try {
      process.kill(-pgid, "SIGTERM");
    } catch {
      return;
    }
    const timedOut = await Promise.race([
      exited.then(() => false),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 5_000)),
    ]);
    // next-server can outlive its parent; anything of the group still there gets SIGKILL.
    if (timedOut || processGroupMembers(pgid).length > 0) {
      try {
        process.kill(-pgid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  };

  try {
    await waitFor(
      "the server to answer",
      120_000,
      async () => {
        const response = await fetch(`${baseUrl}${options.readyPath ?? "/login"}`);
        await response.arrayBuffer();
        return response.status < 500 ? true : null;
      },
      () => (child.exitCode === null ? null : `the server exited:\n${output}`),
    );
    const serverPid = await waitFor("the serving process", 10_000, async () => {
      return processGroupMembers(pgid).find(isServingProcess) ?? null;
    });
    const servingPids = () => processGroupMembers(pgid).filter(isServingProcess);
    return { baseUrl, port, child, serverPid, servingPids, log: () => output, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
