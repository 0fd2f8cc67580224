import { afterAll, beforeAll } from "vitest";
import { seedFromFiles } from "@/lib/seed/prepare-database";
import { resetDbClients } from "./db-clients";
import { createTestDatabase, type TestDatabase } from "./test-db";

/**
 * The set-up most integration files share: a fresh database of this run's kind (SQLite file or
 * PostgreSQL database) seeded from `data/`, made before the file's tests and removed after them,
 * with the app's shared connections closed so that the next file opens its own. Call it at the
 * top of a file or a describe; it returns a getter because the database exists only once
 * beforeAll has run. Hooks a file adds after this call run after the seed.
 */
export function setUpSeededTestDatabase(
  options: { seed?: boolean; timeoutMs?: number } = {},
): () => TestDatabase {
  let testDb: TestDatabase | null = null;
  beforeAll(async () => {
    // A file before this one may have left the shared clients pointing at its database.
    await resetDbClients();
    testDb = await createTestDatabase();
    if (options.seed ?? true) await seedFromFiles(testDb.url);
  }, options.timeoutMs);
  afterAll(async () => {
    await resetDbClients();
    await testDb?.remove();
  });
  return () => {
    if (!testDb) throw new Error("the seeded test database is made in beforeAll: use it in a test");
    return testDb;
  };
}
