/**
 * `npm run db:generate`: generates both Prisma clients, generated/prisma (SQLite) and
 * generated/postgres (PostgreSQL), whatever DATABASE_URL says. One build then serves either
 * database: lib/db.ts picks the client at run time from DATABASE_URL.
 *
 * The CLI needs env("DATABASE_URL") to resolve to a URL of the schema's own scheme, or it falls
 * back to downloading a native engine: hence a placeholder URL per schema (nothing is opened).
 */
import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const cli = path.join(root, "node_modules", "prisma", "build", "index.js");
const targets = [
  { schema: "prisma/schema.prisma", url: "file:./data/app.db" },
  { schema: "prisma/postgres/schema.prisma", url: "postgresql://generate@127.0.0.1:1/none" },
];
for (const { schema, url } of targets) {
  const result = spawnSync(process.execPath, [cli, "generate", "--schema", schema], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    stdio: "inherit",
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
