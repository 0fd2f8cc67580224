/**
 * `npm start`: brings the database to the latest migration, seeds it when it holds no figures,
 * then serves the production build on $PORT (default 3000) through server/serve.ts.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { ensureEditorPassword, PASSWORD_ENV } from "@/lib/auth/editor-password";
import { databaseUrl, redactUrl } from "@/lib/database-url";
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
    ? `Seeded an empty database (${redactUrl(url)}): ${report.observationsAdded} figures, ${report.eventsAdded} events.`
    : `Database ${redactUrl(url)} is up to date.`,
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
console.log(`Pulse is serving http://localhost:${port} (database ${redactUrl(url)}).`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.close();
    process.exit(0);
  });
}
