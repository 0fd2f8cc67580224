/**
 * `npm run backup -- <target file> [--force]`: an online backup of $DATABASE_URL (default
 * data/app.db) while the server keeps serving and writing; see lib/backup.ts and the README.
 */
import { BackupError, backupDatabase } from "@/lib/backup";
import { databaseFilePath, databaseUrl } from "@/lib/database-url";

const args = process.argv.slice(2);
const target = args.find((arg) => !arg.startsWith("--"));
if (!target) {
  console.error("usage: npm run backup -- <target file> [--force]");
  process.exit(2);
}
try {
  const report = await backupDatabase(databaseFilePath(databaseUrl()), target, {
    overwrite: args.includes("--force"),
  });
  console.log(
    `Backed up ${report.source} to ${report.target}: ${report.pages} pages, ` +
      `${(report.bytes / 1e6).toFixed(1)} MB, ${report.observations} figure revisions, ` +
      `integrity ${report.integrity}, in ${report.seconds.toFixed(1)} s.`,
  );
} catch (error) {
  console.error(error instanceof BackupError ? error.message : error);
  process.exit(1);
}
