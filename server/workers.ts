/**
 * Several serving processes on one machine (`PULSE_WORKERS`), through node:cluster: the primary
 * prepares the database once, then forks the workers, which share its listening port (the
 * primary hands connections out in turn). A render is React's work on one thread, so one
 * process uses one core however many the machine has (bench/NOTES.md, Round 7).
 *
 * Nothing that decides what a request sees is kept in a process (README, "Several instances"):
 * each worker reads the data version on every cacheable request, and sessions, the sign-in
 * throttle and imports live in the database. Workers differ from instances only in sharing a
 * port. On SQLite their writes take turns at the file's write lock (the busy timeout), and a
 * transaction that read before another worker committed is retried from the start
 * (`runWriteTransaction`).
 */
import cluster, { type Worker } from "node:cluster";

/** More would only add memory (each worker keeps its own page cache and read memo). */
export const MAX_WORKERS = 16;

export class WorkerCountError extends Error {}

/** PULSE_WORKERS: absent or empty means one process (no cluster); else 1 to MAX_WORKERS. */
export function parseWorkerCount(value: string | undefined): number {
  if (value === undefined || value.trim() === "") return 1;
  const trimmed = value.trim();
  const count = Number(trimmed);
  if (!/^\d+$/.test(trimmed) || !Number.isInteger(count) || count < 1 || count > MAX_WORKERS) {
    throw new WorkerCountError(
      `PULSE_WORKERS must be a whole number from 1 to ${MAX_WORKERS} (serving processes), not "${value}"`,
    );
  }
  return count;
}

/**
 * In the primary: forks `count` workers and replaces one that dies after it began serving (a
 * crash must not halve the capacity for good). A worker that dies before it listens stops
 * everything: restarting a build or a database that cannot serve would only loop. SIGINT and
 * SIGTERM stop the workers, then the primary.
 */
export function runWorkers(count: number): void {
  let stopping = false;
  const serving = new Map<Worker, boolean>();
  const fork = () => serving.set(cluster.fork(), false);
  for (let i = 0; i < count; i++) fork();
  cluster.on("listening", (worker) => serving.set(worker, true));
  cluster.on("exit", (worker, code, signal) => {
    const wasServing = serving.get(worker) ?? false;
    serving.delete(worker);
    const how = signal ?? `exit code ${code}`;
    if (stopping) {
      if (serving.size === 0) process.exit(0);
      return;
    }
    if (!wasServing) {
      console.error(`A serving process exited while starting (${how}): stopping.`);
      stopping = true;
      for (const other of serving.keys()) other.kill();
      process.exit(1);
    }
    console.error(`A serving process died (${how}): starting another.`);
    fork();
  });
  for (const name of ["SIGINT", "SIGTERM"] as const) {
    process.on(name, () => {
      stopping = true;
      if (serving.size === 0) process.exit(0);
      for (const worker of serving.keys()) worker.kill();
    });
  }
}
