/**
 * What every phase of `npm run bench` shares: the log line, the clean-up list that runs whatever
 * happens (a signal included), and a time limit for a phase that could hang.
 */

export function log(message: string) {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

const cleanups: (() => Promise<void> | void)[] = [];
let cleaning: Promise<void> | null = null;

/** Registers a task for cleanUp(); tasks run last registered first. */
export function onCleanUp(task: () => Promise<void> | void) {
  cleanups.push(task);
}

/**
 * Runs every task once. A second caller (a signal during a failure's clean-up) waits for the
 * same run instead of exiting before the cluster and the server are stopped.
 */
export function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    for (const task of cleanups.reverse()) {
      try {
        await task();
      } catch (error) {
        console.error("clean-up failed:", error);
      }
    }
  })();
  return cleaning;
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    void cleanUp().then(() => process.exit(130));
  });
}

export function withTimeout<T>(what: string, ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000} s`)), ms);
    }),
  ]);
}
