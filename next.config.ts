import type { NextConfig } from "next";
import { IMPORT_FORM_BODY_LIMIT_BYTES } from "./lib/limits";

const nextConfig: NextConfig = {
  // The native SQLite driver must be required at run time, not bundled.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3"],
  poweredByHeader: false,
  typedRoutes: false,
  // Resolve metadata before streaming, so that notFound() can still set a 404 status.
  htmlLimitedBots: /.*/,
  experimental: {
    // The CSV import form's limit; why it is larger than the file limit: lib/limits.ts.
    serverActions: { bodySizeLimit: IMPORT_FORM_BODY_LIMIT_BYTES },
  },
};

export default nextConfig;
