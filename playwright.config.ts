import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { E2E_ADMIN, E2E_PASSWORD } from "./tests/support/api-client";
import { freePort } from "./tests/support/server-process";

// A port nobody listens on, chosen once by the runner; workers inherit it through the env.
process.env.E2E_PORT ??= String(await freePort());
// The production build runs against a database file of its own, created empty and seeded by
// the start command, never the developer's data/app.db.
process.env.E2E_DB_FILE ??= path.join(tmpdir(), `pulse-e2e-${process.pid}-${Date.now()}.db`);
export const E2E_CLOCK = "2026-11-27T10:00:00Z";
// The first admin comes from the environment, as in production; every other account the tests
// need is invited by it on first use (tests/support/api-client.ts, ensureAccount).
process.env.E2E_EDITOR_PASSWORD ??= E2E_PASSWORD;
process.env.E2E_ADMIN_EMAIL ??= E2E_ADMIN.email;
process.env.E2E_ADMIN_PASSWORD ??= E2E_ADMIN.password;

const port = Number(process.env.E2E_PORT);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "tests/e2e",
  globalTeardown: "./tests/e2e/global-teardown.ts",
  outputDir: ".tmp/test-results",
  // One worker: write tests change figures that read tests assert, and the `write` project
  // runs after `read` so that each sees the data it expects.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      // No network here: without these Chromium keeps trying to reach Google's services.
      args: [
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        "--disable-gpu",
        "--no-sandbox",
      ],
    },
  },
  projects: [
    { name: "read", testMatch: /read\/.*\.spec\.ts/, use: { ...devices["Desktop Chrome"] } },
    {
      name: "write",
      testMatch: /write\/.*\.spec\.ts/,
      dependencies: ["read"],
      use: { ...devices["Desktop Chrome"] },
    },
    // Load and kill -9 runs, each on a production server and database of its own (see
    // tests/e2e/reliability/harness.ts). Last, so that nothing shares the machine with them and
    // no other spec reads the page cache they leave in .next/cache.
    // Alone: `npx playwright test --project=reliability --no-deps`.
    { name: "reliability", testMatch: /reliability\/.*\.spec\.ts/, dependencies: ["write"] },
  ],
  webServer: {
    command: "npx tsx scripts/start.ts",
    url: `${baseURL}/`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(port),
      // E2E_DATABASE_URL runs the same specs on another database (scripts/test-all.sh passes an
      // empty PostgreSQL database for the write specs).
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? `file:${process.env.E2E_DB_FILE}`,
      PULSE_ADMIN_EMAIL: E2E_ADMIN.email,
      PULSE_ADMIN_PASSWORD: E2E_ADMIN.password,
      PULSE_ADMIN_NAME: E2E_ADMIN.name,
      // Plain http on 127.0.0.1: cookies without Secure (and so without the __Host- prefix).
      PULSE_SECURE_COOKIES: "false",
      // The specs send X-Forwarded-For to stand for different clients, as one proxy would.
      PULSE_TRUSTED_PROXIES: "1",
      // Cheaper password hashing than production's (stored in each hash, so nothing else
      // changes): the tests sign in hundreds of times on a machine shared with other work.
      PULSE_SCRYPT_COST: "12,8,1",
      NEXT_TELEMETRY_DISABLED: "1",
      // "Today" for the stale-data signal (lib/clock.ts): a day when Q3 2025 is the latest due
      // quarter, whatever day the tests run.
      PULSE_CLOCK: E2E_CLOCK,
      // The per-request JSON lines would bury the test report.
      PULSE_REQUEST_LOG: "off",
    },
  },
});
