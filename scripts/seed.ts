/** `npm run seed`: migrates the database and loads data/ (idempotent: a second run adds nothing). */
import { databaseUrl } from "@/lib/database-url";
import { applyMigrations, seedFromFiles } from "@/lib/seed/prepare-database";

const url = databaseUrl();
await applyMigrations(url);
const report = await seedFromFiles(url);
console.log(`Seeded ${url}:`, report);
