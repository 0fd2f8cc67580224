import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";
import { DEFAULT_DATABASE_URL } from "./lib/database-url";

// The CLI does not read .env when a config file exists, and an unresolved env("DATABASE_URL")
// makes it fall back to downloading native engines (which fails offline): hence the default.
process.env.DATABASE_URL ??= DEFAULT_DATABASE_URL;
const url = process.env.DATABASE_URL;

export default defineConfig({
  experimental: { adapter: true },
  // The WebAssembly schema engine: the native one is a download this network cannot reach.
  engine: "js",
  schema: "prisma/schema.prisma",
  async adapter() {
    return new PrismaBetterSQLite3({ url });
  },
});
