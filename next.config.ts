import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { IMPORT_FORM_BODY_LIMIT_BYTES } from "./lib/limits";

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
    // The CSV import form's limit; why it is larger than the file limit: lib/limits.ts.
    serverActions: { bodySizeLimit: IMPORT_FORM_BODY_LIMIT_BYTES },
  },
};

// next-intl without i18n routing: the plugin only points at i18n/request.ts (the locale comes
// from lib/locale.ts, not from a path prefix).
export default createNextIntlPlugin("./i18n/request.ts")(nextConfig);
