/**
 * `npm run dev`: Next's development server (hot reload) on the same database `npm start` uses
 * ($DATABASE_URL, default data/app.db), migrated and seeded the same way first.
 *
 * What it leaves out of `npm start`: the custom server (server/serve.ts) and so its page cache
 * (server/page-cache.ts). Every request renders afresh, which is what you want while editing a
 * page; the `x-pulse-cache` header is absent. Everything else (the proxy's 400s and body limits,
 * server actions, the API) is Next's own and runs the same in development.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { databaseUrl } from "@/lib/database-url";
import { PROJECT_ROOT } from "@/lib/seed/prepare-database";
import { prepareToServe } from "./prepare-to-serve";

const url = databaseUrl();
await prepareToServe(url);

const nextCli = path.join(PROJECT_ROOT, "node_modules", "next", "dist", "bin", "next");
const child = spawn(process.execPath, [nextCli, "dev", "--port", process.env.PORT || "3000"], {
  cwd: PROJECT_ROOT,
  stdio: "inherit",
  env: { ...process.env, DATABASE_URL: url, NEXT_TELEMETRY_DISABLED: "1" },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => child.kill(signal));
}
child.on("exit", (code) => process.exit(code ?? 0));
