/**
 * What `npm start` and `npm run dev` do before serving: migrate (waiting for other processes
 * when a migration is pending), seed an empty database, and make sure there is an admin (from
 * the environment, or a one-time setup link printed here).
 */
import { redactUrl } from "@/lib/database-url";
import { ensureFirstAdmin } from "@/lib/seed/first-admin";
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

  if (process.env.PULSE_SCRYPT_COST) {
    console.warn(
      `PULSE_SCRYPT_COST=${process.env.PULSE_SCRYPT_COST}: password hashing is cheaper than the default (tests only).`,
    );
  }
  // First start is never open: an admin from the environment, or a one-time setup link.
  const admin = await ensureFirstAdmin(url);
  if (admin.kind === "created") {
    console.log(
      `Created the first admin, ${admin.email} (from PULSE_ADMIN_EMAIL and PULSE_ADMIN_PASSWORD).`,
    );
  } else if (admin.kind === "setup-link") {
    console.log(
      `No admin account yet. Open this one-time link to create it (valid until ${admin.expiresAt}):\n` +
        `  http://localhost:${process.env.PORT || "3000"}/setup?token=${admin.token}\n` +
        "Or start with PULSE_ADMIN_EMAIL and PULSE_ADMIN_PASSWORD set.",
    );
  }
}
