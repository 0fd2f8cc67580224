/**
 * `npm run db:copy -- --from file:./data/app.db --to postgresql://user@host/db`: moves a SQLite
 * database onto an empty PostgreSQL database. The copy itself is server/copy-database.ts.
 */
import { redactUrl } from "@/lib/database-url";
import { CopyError, copyDatabase } from "../server/copy-database";

function flag(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const from = flag(args, "--from");
  const to = flag(args, "--to");
  if (!from || !to) {
    console.error(
      "usage: npm run db:copy -- --from file:./data/app.db --to postgresql://user@host:5432/pulse",
    );
    process.exit(2);
  }
  try {
    const started = performance.now();
    const reports = await copyDatabase(from, to);
    for (const report of reports) {
      console.log(
        `${report.table.padEnd(20)} ${String(report.rows).padStart(9)} rows  checksum ${report.checksum}  ok`,
      );
    }
    console.log(
      `Copied ${from} to ${redactUrl(to)} in one transaction, every table verified, in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
    );
  } catch (error) {
    console.error(error instanceof CopyError ? error.message : error);
    process.exit(1);
  }
}
