/**
 * `npm start`: brings the database to the latest migration, seeds it when it holds no figures,
 * then serves the production build on $PORT (default 3000).
 */
import { spawn } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { ensureEditorPassword, PASSWORD_ENV } from "@/lib/auth/editor-password";
import { databaseUrl } from "@/lib/database-url";
import { applyMigrations, PROJECT_ROOT, seedIfEmpty } from "@/lib/seed/prepare-database";

const url = databaseUrl();
const port = process.env.PORT || "3000";

if (!existsSync(path.join(PROJECT_ROOT, ".next", "BUILD_ID"))) {
  console.error("No production build found: run `npm run build` first (or `npm run quickstart`).");
  process.exit(1);
}

applyMigrations(url);
const report = await seedIfEmpty(url);
console.log(
  report
    ? `Seeded an empty database (${url}): ${report.observationsAdded} figures, ${report.eventsAdded} events.`
    : `Database ${url} is up to date.`,
);

const password = ensureEditorPassword();
if (password.source === "generated") {
  console.log(
    `Editor password (generated, kept in ${password.file}, mode 0600): ${password.password}\n` +
      "Sign in at /login with it. " +
      `To choose your own, start with ${PASSWORD_ENV}=... npm start`,
  );
} else if (password.source === "file") {
  console.log(`Editor password: see ${password.file} (or set ${PASSWORD_ENV}).`);
}

// The pages' data cache (lib/queries/cached-reads.ts) is kept on disk under .next/cache and
// would outlive this process, while the database may change before the next start (a restore,
// `npm run seed`): every server starts with an empty one.
rmSync(path.join(PROJECT_ROOT, ".next", "cache", "fetch-cache"), { recursive: true, force: true });

const nextCli = path.join(PROJECT_ROOT, "node_modules", "next", "dist", "bin", "next");
const server = spawn(process.execPath, [nextCli, "start", "--port", port], {
  cwd: PROJECT_ROOT,
  env: { ...process.env, DATABASE_URL: url, NEXT_TELEMETRY_DISABLED: "1" },
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => server.kill(signal));
}
server.on("exit", (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0));
});
