/**
 * `npm run backup -- <target file> [--force]`: an online backup of $DATABASE_URL (default
 * data/app.db) while the server keeps serving and writing: SQLite's backup API, or pg_dump on
 * PostgreSQL; see lib/backup.ts and the README.
 */
import { BackupError, backupDatabase, backupPostgres } from "@/lib/backup";
import { databaseFilePath, databaseProvider, databaseUrl, redactUrl } from "@/lib/database-url";

const args = process.argv.slice(2);
const target = args.find((arg) => !arg.startsWith("--"));
if (!target) {
  console.error("usage: npm run backup -- <target file> [--force]");
  process.exit(2);
}
try {
  if (databaseProvider() === "postgresql") {
    const report = await backupPostgres(databaseUrl(), target, {
      overwrite: args.includes("--force"),
    });
    console.log(
      `Backed up ${redactUrl(databaseUrl())} to ${report.target} (pg_dump custom format): ` +
        `${(report.bytes / 1e6).toFixed(1)} MB, ${report.entries} archive entries, in ${report.seconds.toFixed(1)} s.`,
    );
  } else {
    const report = await backupDatabase(databaseFilePath(databaseUrl()), target, {
      overwrite: args.includes("--force"),
    });
    console.log(
      `Backed up ${report.source} to ${report.target}: ${report.pages} pages, ` +
        `${(report.bytes / 1e6).toFixed(1)} MB, ${report.observations} figure revisions, ` +
        `integrity ${report.integrity}, in ${report.seconds.toFixed(1)} s.`,
    );
  }
} catch (error) {
  console.error(error instanceof BackupError ? error.message : error);
  process.exit(1);
}
