import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The native SQLite driver must be required at run time, not bundled.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3"],
  poweredByHeader: false,
  typedRoutes: false,
  // Resolve metadata before streaming, so that notFound() can still set a 404 status.
  htmlLimitedBots: /.*/,
};

export default nextConfig;
