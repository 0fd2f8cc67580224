import { randomUUID } from "node:crypto";
import { copyFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export const TEMPLATE_DB_PATH = path.resolve(import.meta.dirname, "../../.tmp/vitest-template.db");

export interface TestDatabase {
  url: string;
  file: string;
  remove: () => void;
}

/**
 * A fresh, migrated, empty SQLite file of this test's own. Also points DATABASE_URL at it, so
 * code that opens the app's own connections (lib/db) uses it too.
 */
export function createTestDatabase(): TestDatabase {
  const file = path.join(tmpdir(), `pulse-test-${randomUUID()}.db`);
  copyFileSync(TEMPLATE_DB_PATH, file);
  const url = `file:${file}`;
  process.env.DATABASE_URL = url;
  return {
    url,
    file,
    remove: () => {
      for (const suffix of ["", "-wal", "-shm", "-journal"])
        rmSync(`${file}${suffix}`, { force: true });
    },
  };
}
