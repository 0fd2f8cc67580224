import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const shared = {
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      // `server-only` throws outside a React Server Components bundle; tests are server code.
      "server-only": fileURLToPath(new URL("./tests/support/server-only.ts", import.meta.url)),
    },
  },
};

const baseTest = { environment: "node" as const, testTimeout: 20_000, hookTimeout: 60_000 };

/** Integration tests that exercise SQLite itself (its backup API, its query planner). */
const SQLITE_ONLY = [
  "tests/integration/backup.test.ts",
  "tests/integration/query-plans.test.ts",
  // Start-up beside SQLite readers holding the file (issue 13).
  "tests/integration/prepare-database.test.ts",
  // The SQLite migrations folder applied in order on a fresh file (the merge of issue 10).
  "tests/integration/migration-order.test.ts",
];

/*
 * Two projects: unit and integration tests on SQLite, and the integration tests again on
 * PostgreSQL when PULSE_TEST_PG_URL names a server to create test databases on
 * (`eval "$(bash scripts/pg-cluster.sh start)"` starts one; CI always does).
 */
const postgresUrl = process.env.PULSE_TEST_PG_URL;
if (!postgresUrl && !process.env.VITEST_WORKER_ID) {
  console.log(
    "PostgreSQL integration tests skipped: PULSE_TEST_PG_URL is not set. " +
      'Run `eval "$(bash scripts/pg-cluster.sh start)"` first to run them too.',
  );
}

export default defineConfig({
  ...shared,
  test: {
    projects: [
      {
        ...shared,
        test: {
          ...baseTest,
          name: "sqlite",
          include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
          globalSetup: ["tests/support/global-setup.ts"],
        },
      },
      ...(postgresUrl
        ? [
            {
              ...shared,
              test: {
                ...baseTest,
                name: "postgres",
                include: ["tests/integration/**/*.test.ts"],
                exclude: SQLITE_ONLY,
                globalSetup: ["tests/support/global-setup-postgres.ts"],
                env: { PULSE_TEST_DB: "postgres" },
              },
            },
          ]
        : []),
    ],
  },
});
