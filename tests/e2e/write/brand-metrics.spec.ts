import { expect, test } from "@playwright/test";
import { signIn } from "../support";

/* This spec owns Li Auto's metric set: it adds Mi Home app MAU to it and removes it again. */

test("Li Auto's quarter form offers only its own metrics, and compare shows its notes", async ({
  page,
}) => {
  await signIn(page, "E2E Analyst", "/quarters/new?brand=li-auto");
  await page.goto("/quarters/new?brand=li-auto");
  const rows = page.locator("[data-testid^='metric-row-']");
  await expect(rows).toHaveCount(2);
  await expect(page.getByTestId("metric-row-revenue")).toBeVisible();
  await expect(page.getByTestId("metric-row-ev_deliveries")).toBeVisible();
  await expect(page.getByTestId("metric-row-mijia_app_mau")).toHaveCount(0);

  await page.goto("/compare?brands=xiaomi,li-auto&metrics=ev_deliveries,revenue");
  const notes = page.getByTestId("brand-metric-note");
  await expect(notes.filter({ hasText: "Li Auto, Total revenue:" })).toContainText("US GAAP");
  await expect(notes.filter({ hasText: /Li Auto, .*deliver/i })).toContainText("extended-range");
});

test("an editor adds a metric to a brand's set with a note, and removes it again", async ({
  page,
}) => {
  await signIn(page, "E2E Analyst", "/brands/li-auto/metrics");
  await page.goto("/brands/li-auto/metrics");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Metrics Li Auto tracks");
  await page.getByLabel("Metric", { exact: true }).selectOption("mijia_app_mau");
  await page.getByLabel("Note (optional)").fill("Li Auto app users, for comparison");
  await page.getByRole("button", { name: "Add the metric" }).click();
  await expect(page.getByTestId("brand-metrics-outcome")).toContainText("Added");
  await expect(page.getByTestId("brand-metric-mijia_app_mau").locator("textarea")).toHaveValue(
    "Li Auto app users, for comparison",
  );

  await page.goto("/quarters/new?brand=li-auto");
  await expect(page.getByTestId("metric-row-mijia_app_mau")).toBeVisible();

  await page.goto("/brands/li-auto/metrics");
  await page.getByRole("button", { name: /^Remove Mi Home/ }).click();
  await expect(page.getByTestId("brand-metrics-outcome")).toContainText("Removed");
  await expect(page.getByTestId("brand-metric-mijia_app_mau")).toHaveCount(0);
});
