/**
 * `npm start`: brings the database to the latest migration, seeds it when it holds no figures,
 * then serves the production build on $PORT (default 3000) through server/serve.ts, in this
 * process or, with PULSE_WORKERS=n, in n worker processes sharing the port (server/workers.ts).
 */
import cluster from "node:cluster";
import { existsSync } from "node:fs";
import path from "node:path";
import { databaseUrl, redactUrl } from "@/lib/database-url";
import { PROJECT_ROOT } from "@/lib/seed/prepare-database";
import { parseWorkerCount, runWorkers, WorkerCountError } from "@/server/workers";
import { prepareToServe } from "./prepare-to-serve";

const url = databaseUrl();
const port = process.env.PORT || "3000";

if (!existsSync(path.join(PROJECT_ROOT, ".next", "BUILD_ID"))) {
  console.error("No production build found: run `npm run build` first (or `npm run quickstart`).");
  process.exit(1);
}

let workers: number;
try {
  workers = parseWorkerCount(process.env.PULSE_WORKERS);
} catch (error) {
  if (!(error instanceof WorkerCountError)) throw error;
  console.error(error.message);
  process.exit(1);
}

// Workers find the database prepared: the primary did it once, before forking them.
if (cluster.isPrimary) await prepareToServe(url);
if (cluster.isPrimary && workers > 1) {
  process.title = "pulse-primary";
  console.log(`Starting ${workers} serving processes on port ${port}.`);
  runWorkers(workers);
} else {
  await serveHere();
}

async function serveHere(): Promise<void> {
  // Next reads NODE_ENV when it loads, so it is set before the server module is imported.
  (process.env as Record<string, string>).NODE_ENV = "production";
  process.env.DATABASE_URL = url;
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  process.title = "pulse-server";
  const { serve } = await import("../server/serve");
  const { server } = await serve({
    port: Number(port),
    projectDir: PROJECT_ROOT,
    databaseUrl: url,
  });
  const who = cluster.isWorker ? `Serving process ${cluster.worker?.id}` : "Pulse";
  console.log(`${who} is serving http://localhost:${port} (database ${redactUrl(url)}).`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      server.close();
      process.exit(0);
    });
  }
}
