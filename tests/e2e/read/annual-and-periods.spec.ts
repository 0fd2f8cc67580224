import { expect, test } from "@playwright/test";

test.describe("the fiscal-year view", () => {
  test("sums a flow's complete years and marks the incomplete one", async ({ page }) => {
    await page.goto("/metrics/revenue");
    await page.getByRole("link", { name: "Fiscal years" }).click();
    await expect(page).toHaveURL(/view=annual/);
    await expect(page.getByTestId("metric-chart")).toHaveAttribute("data-view", "annual");
    const table = page.getByTestId("annual-revenue");
    // 75.5 + 88.8878 + 92.5065 + 109.01 = 365.9043, shown to the least precise input's digit.
    const fy2024 = table.locator('tr[data-year="2024"]');
    await expect(fy2024).toContainText("RMB 365.9 bn");
    await expect(fy2024).toContainText("Sum of Q1 to Q4");
    // 2023: 59.4771 + 67.4 + 70.9 + 73.24 = 271.0171; 365.9043 / 271.0171 - 1 = +35.0%.
    await expect(fy2024).toContainText("+35.0%");
    const fy2025 = table.locator('tr[data-year="2025"]');
    await expect(fy2025).toHaveAttribute("data-status", "incomplete");
    await expect(fy2025).toContainText("no value");
    await expect(fy2025).toContainText("Incomplete: no Q4 figure");
    await page.reload();
    await expect(page.getByRole("link", { name: "Fiscal years" })).toHaveAttribute(
      "aria-current",
      "page",
    );
  });

  test("takes a stock's Q4 level as its year-end value", async ({ page }) => {
    await page.goto("/metrics/mau?view=annual");
    const table = page.getByTestId("annual-mau");
    await expect(table.locator('tr[data-year="2024"]')).toContainText("702 M users");
    await expect(table.locator('tr[data-year="2024"]')).toContainText("Year-end level (Q4)");
    await expect(table.locator('tr[data-year="2025"]')).toContainText(
      "No year-end value: no Q4 2025 figure",
    );
  });

  test("refuses to add up a ratio and says why", async ({ page }) => {
    await page.goto("/metrics/smartphone_gross_margin?view=annual");
    await expect(page.getByTestId("annual-not-aggregatable")).toContainText("weight");
  });

  test("speaks Chinese with ?lang=zh: range form, table words, the ratio's reason", async ({
    page,
  }) => {
    await page.goto("/metrics/revenue?view=annual&lang=zh");
    const range = page.getByRole("form", { name: "季度范围" });
    await expect(range.getByRole("button", { name: "应用" })).toBeVisible();
    const table = page.getByTestId("annual-revenue");
    await expect(table.locator("thead")).toContainText("财年合计");
    await expect(table.locator('tr[data-year="2024"]')).toContainText("Q1至Q4合计");
    await page.goto("/metrics/smartphone_gross_margin?view=annual&lang=zh");
    await expect(page.getByTestId("annual-not-aggregatable")).toContainText("权重");
  });
});

test.describe("several comparison periods", () => {
  test("draws the change against one and two years ago, and reloads to the same view", async ({
    page,
  }) => {
    await page.goto("/metrics/revenue");
    await page
      .getByRole("navigation", { name: "Change lines" })
      .getByRole("link", { name: "vs 1 and 2 years ago" })
      .click();
    await expect(page).toHaveURL(/compare=1y,2y/);
    const chart = page.getByTestId("metric-chart");
    await expect(chart.locator(".recharts-line")).toHaveCount(2);
    await expect(chart).toContainText("Growth vs two years ago (%)");
    // Q3 2025 against Q3 2023: 113.1 / 70.9 - 1 = +59.5%.
    const row = page.getByTestId("table-revenue").locator('tr[data-quarter="2025Q3"]');
    await expect(row).toContainText("+59.5%");
    await page.reload();
    await expect(page.getByTestId("metric-chart").locator(".recharts-line")).toHaveCount(2);
  });

  test("a malformed comparison period is named on the page", async ({ page }) => {
    await page.goto("/metrics/revenue?compare=5y");
    await expect(page.getByRole("alert", { name: "This link has a problem" })).toContainText(
      "compare",
    );
  });
});
