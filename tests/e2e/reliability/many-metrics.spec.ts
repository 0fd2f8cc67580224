import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { OVERVIEW_TREND_CHARTS } from "@/lib/domain/series-view";
import { sqliteTestDatabase } from "../../support/test-db";
import {
  ON_POSTGRES,
  ownedPerTest,
  PROJECT_ROOT,
  startPulse,
  temporaryDatabaseFile,
} from "./harness";

/*
 * A brand that tracks more metrics than the overview charts (issue 12: thirty trend charts were
 * 60% of a 590 KB overview). The benchmark's generator writes such a brand, thirty metrics over
 * eighty quarters, beside the real seed; it writes SQLite, so the spec runs there only.
 */
test.setTimeout(180_000);

const owned = ownedPerTest();

test("the overview charts the first metrics, names the others, and charts all on request", async ({
  page,
}) => {
  test.skip(ON_POSTGRES, "the benchmark's generator writes SQLite");
  const file = temporaryDatabaseFile("many-metrics");
  owned.db = sqliteTestDatabase(file);
  const tsxCli = path.join(PROJECT_ROOT, "node_modules", "tsx", "dist", "cli.mjs");
  const generated = spawnSync(
    process.execPath,
    [tsxCli, "bench/generate-dataset.ts", file, "--brands", "1", "--quarters", "24"],
    { cwd: PROJECT_ROOT, encoding: "utf8" },
  );
  expect(generated.status, generated.stderr).toBe(0);
  const server = await startPulse(owned.db);
  owned.server = server;

  await page.goto(`${server.baseUrl}/?brand=bench-001`);
  const cards = page.locator("#figures .card-grid > li");
  const metricCount = await cards.count();
  expect(metricCount).toBeGreaterThan(OVERVIEW_TREND_CHARTS);
  const charts = page.locator("#trends [data-testid^='chart-']");
  await expect(charts).toHaveCount(OVERVIEW_TREND_CHARTS);

  // Every metric without a chart here is named, with a link to its own chart.
  const named = page.getByTestId("trends-named");
  await expect(named).toContainText(`${metricCount - OVERVIEW_TREND_CHARTS} more metrics`);
  const namedLinks = named.locator("a[href^='/metrics/']");
  await expect(namedLinks).toHaveCount(metricCount - OVERVIEW_TREND_CHARTS);
  const chartedLabels = await charts.locator("h3 a").allTextContents();
  const namedLabels = await namedLinks.allTextContents();
  const cardLabels = await cards.locator("h3").allTextContents();
  expect([...chartedLabels, ...namedLabels].sort()).toEqual(
    cardLabels.map((label) => label.trim()).sort(),
  );
  const firstNamed = namedLinks.first();
  const firstNamedHref = await firstNamed.getAttribute("href");
  expect(firstNamedHref).toMatch(/^\/metrics\/[a-z_]+\?brand=bench-001#chart$/);

  await named.getByRole("link", { name: `Show all ${metricCount} trend charts here` }).click();
  await expect(page).toHaveURL(/\/\?brand=bench-001&trends=all#trends$/);
  await expect(charts).toHaveCount(metricCount);
  await expect(page.getByTestId("trends-named")).toHaveCount(0);

  // Hiding the event markers keeps every chart.
  await page.getByRole("link", { name: "Hide event markers" }).click();
  await expect(page).toHaveURL(/events=off&trends=all/);
  await expect(charts).toHaveCount(metricCount);

  await page.goto(`${server.baseUrl}${firstNamedHref}`);
  await expect(page.locator("#chart")).toBeVisible();
});
