import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The database drivers are required at run time, not bundled: the native SQLite driver must
  // be, and pg's optional native binding confuses the bundler.
  serverExternalPackages: [
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "pg",
    "pg-query-stream",
    "@prisma/adapter-pg",
  ],
  poweredByHeader: false,
  typedRoutes: false,
  // Resolve metadata before streaming, so that notFound() can still set a 404 status.
  htmlLimitedBots: /.*/,
  experimental: {
    // CSV imports take files up to 5 MB (lib/csv/import-file.ts); the margin lets a slightly
    // larger file reach the action and get its specific message instead of a generic failure.
    serverActions: { bodySizeLimit: "8mb" },
  },
};

export default nextConfig;
