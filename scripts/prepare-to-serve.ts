/**
 * What `npm start` and `npm run dev` do before serving: migrate (waiting for other processes
 * when a migration is pending), seed an empty database, and make sure there is an editor
 * password, saying where it is.
 */
import { ensureEditorPassword, PASSWORD_ENV } from "@/lib/auth/editor-password";
import { redactUrl } from "@/lib/database-url";
import { applyMigrations, DatabaseBusyError, seedIfEmpty } from "@/lib/seed/prepare-database";

export async function prepareToServe(url: string): Promise<void> {
  try {
    await applyMigrations(url);
  } catch (error) {
    // A busy database is an operator's situation, not a crash: say what to do, without a stack.
    if (!(error instanceof DatabaseBusyError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  const report = await seedIfEmpty(url);
  console.log(
    report
      ? `Seeded an empty database (${redactUrl(url)}): ${report.observationsAdded} figures, ${report.eventsAdded} events.`
      : `Database ${redactUrl(url)} is up to date.`,
  );

  const password = ensureEditorPassword();
  if (password.source === "generated") {
    console.log(
      `Editor password (generated, kept in ${password.file}, mode 0600): ${password.password}\n` +
        "Sign in at /login with it. " +
        `To choose your own, start with ${PASSWORD_ENV}=... npm start`,
    );
  } else if (password.source === "file") {
    console.log(`Editor password: see ${password.file} (or set ${PASSWORD_ENV}).`);
  }
}
