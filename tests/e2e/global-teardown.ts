import { rmSync } from "node:fs";

/** The e2e server's temporary database goes away with the run. */
export default function teardown() {
  const file = process.env.E2E_DB_FILE;
  if (!file) return;
  for (const suffix of ["", "-wal", "-shm", "-journal"])
    rmSync(`${file}${suffix}`, { force: true });
}
