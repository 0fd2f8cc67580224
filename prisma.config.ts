import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";
import { DEFAULT_DATABASE_URL, databaseProvider } from "./lib/database-url";
import { CatalogSafePool } from "./lib/postgres/catalog-safe-pool";

// The CLI does not read .env when a config file exists, and an unresolved env("DATABASE_URL")
// makes it fall back to downloading native engines (which fails offline): hence the default.
process.env.DATABASE_URL ??= DEFAULT_DATABASE_URL;
const url = process.env.DATABASE_URL;
const provider = databaseProvider(url);

export default defineConfig({
  experimental: { adapter: true },
  // The WebAssembly schema engine: the native one is a download this network cannot reach.
  engine: "js",
  // The URL picks the schema (and with it the migrations folder beside it): prisma/schema.prisma
  // is the one written by hand, prisma/postgres/ is derived from it by `npm run db:schemas`.
  schema: provider === "postgresql" ? "prisma/postgres/schema.prisma" : "prisma/schema.prisma",
  async adapter() {
    return provider === "postgresql"
      ? new PrismaPg(new CatalogSafePool({ connectionString: url }))
      : new PrismaBetterSQLite3({ url });
  },
});
