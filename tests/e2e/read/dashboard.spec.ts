import { expect, test } from "@playwright/test";
import { XIAOMI_METRIC_KEYS } from "../support";

test.describe("overview", () => {
  test("shows a card and a rendered chart with data marks for every metric", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Xiaomi brand health");
    for (const key of XIAOMI_METRIC_KEYS) {
      await expect(page.getByTestId(`card-${key}`)).toBeVisible();
      const chart = page.getByTestId(`chart-${key}`);
      // A data mark (a bar, or a point of a ratio's line), not just axes: drawn from figures.
      await expect(chart.getByTestId("mini-chart")).toBeVisible();
      await expect(chart.locator('[data-mark="bar"], [data-mark="value"]').first()).toBeVisible();
    }
  });

  test("without JavaScript the small charts are not drawn: the overview says so, and each heading opens the metric's table", async ({
    browser,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/");
    // Playwright's text matchers skip <noscript>, so the note is read from the DOM itself.
    expect(await page.locator("#trends noscript").textContent()).toContain(
      "Without JavaScript the small charts are not drawn here",
    );
    await page.screenshot({ path: test.info().outputPath("overview-without-javascript.png") });
    const panel = page.getByTestId("chart-revenue");
    // The server sends an empty box of the chart's size, hidden from assistive technology.
    await expect(panel.locator("svg.mini-chart--pending")).toHaveAttribute("aria-hidden", "true");
    await expect(panel.getByTestId("mini-chart")).toHaveCount(0);
    await panel.getByRole("heading").getByRole("link", { name: "Total revenue" }).click();
    await expect(page.locator("#data")).toContainText("Q3 2025");
    await context.close();
  });

  test("with JavaScript the small chart takes the place of its empty box, which has the same size", async ({
    page,
  }) => {
    await page.goto("/");
    const link = page.getByTestId("mini-chart-link-revenue");
    await expect(link.getByTestId("mini-chart")).toBeVisible();
    await expect(link.locator("svg.mini-chart--pending")).toHaveCount(0);
    // The note for readers without JavaScript is not shown to the others.
    await expect(page.locator("#trends noscript p")).toHaveCount(0);
    const drawn = await link.getByTestId("mini-chart").boundingBox();
    expect(drawn?.height).toBeGreaterThan(0);
    expect(drawn && drawn.height / drawn.width).toBeCloseTo(190 / 360, 2);
  });

  test("the revenue card reads RMB 113.1 bn for Q3 2025, +22.3% YoY", async ({ page }) => {
    await page.goto("/");
    const card = page.getByTestId("card-revenue");
    await expect(card.getByTestId("card-value")).toHaveText("RMB 113.1 bn");
    await expect(card.getByTestId("card-quarter")).toHaveText("Q3 2025");
    await expect(card.getByTestId("change-yoy")).toContainText("+22.3% YoY");
    await expect(card.getByRole("link", { name: /2025 Q3/ })).toHaveAttribute(
      "href",
      /reportify\.ai/,
    );
  });

  test("shows a figure's qualifier beside it: approximate, or at least", async ({ page }) => {
    await page.goto("/");
    // data/corrections.csv: the store count's quote says "exceeds 18,000" (issue 15).
    await expect(page.getByTestId("card-retail_stores").getByTestId("card-value")).toHaveText(
      "> 18,000 stores",
    );
    await expect(page.getByTestId("card-mau_china").getByTestId("card-value")).toHaveText(/^≈ /);
  });

  test("an unknown brand gets a not-found page with a 404 status", async ({ page }) => {
    const response = await page.goto("/?brand=nope");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    // What exists is one click away: the lists live on /catalog, not in every page's payload.
    await page.getByRole("link", { name: "Every brand and metric Pulse holds" }).click();
    await expect(page.getByRole("heading", { name: "Brands and metrics" })).toBeVisible();
    await page.getByRole("link", { name: "Li Auto", exact: true }).click();
    await expect(page).toHaveURL(/\/\?brand=li-auto$/);
  });

  test("a malformed query parameter is named on the page, not a 500", async ({ page }) => {
    const response = await page.goto("/metrics/revenue?from=2025-Q1");
    expect(response?.status()).toBeLessThan(500);
    await expect(page.getByRole("alert", { name: "This link has a problem" })).toContainText(
      "from",
    );
    await expect(page.getByRole("alert", { name: "This link has a problem" })).toContainText(
      "must be a quarter written like 2025Q3",
    );
  });
});

test.describe("metric page", () => {
  test("lists every seeded quarter with a source link", async ({ page }) => {
    await page.goto("/metrics/revenue");
    const table = page.getByTestId("table-revenue");
    // The seed has revenue for every quarter from 2022Q1 to 2025Q3: 15 quarters.
    const quarters: string[] = [];
    for (let year = 2022; year <= 2025; year++) {
      for (let quarter = 1; quarter <= 4; quarter++) {
        if (year === 2025 && quarter === 4) break;
        quarters.push(`${year}Q${quarter}`);
      }
    }
    await expect(table.locator("tbody tr")).toHaveCount(quarters.length);
    for (const quarter of quarters) {
      const row = table.locator(`tr[data-quarter="${quarter}"]`);
      await expect(row.getByRole("link").first()).toHaveAttribute("href", /^https?:\/\//);
    }
  });

  test("switching to the seasonal view survives a reload", async ({ page }) => {
    await page.goto("/metrics/revenue");
    await page.getByRole("link", { name: /Seasonal overlay/ }).click();
    await expect(page).toHaveURL(/view=seasonal/);
    await expect(page.getByTestId("metric-chart")).toHaveAttribute("data-view", "seasonal");
    await expect(page.locator(".recharts-line").first()).toBeVisible();
    await page.reload();
    await expect(page.getByTestId("metric-chart")).toHaveAttribute("data-view", "seasonal");
    await expect(page.getByRole("link", { name: /Seasonal overlay/ })).toHaveAttribute(
      "aria-current",
      "page",
    );
  });

  test("the range in the URL limits the table and the chart", async ({ page }) => {
    await page.goto("/metrics/revenue?from=2024Q1&to=2024Q4");
    const rows = page.getByTestId("table-revenue").locator("tbody tr");
    await expect(rows).toHaveCount(4);
    await expect(page.getByRole("heading", { name: /Q1 2024 to Q4 2024/ })).toBeVisible();
    // YoY of the range's first quarter still compares with the year before it (75.5 / 59.4771).
    await expect(rows.filter({ hasText: "Q1 2024" })).toContainText("+26.9%");
  });

  test("shows a restated figure's earlier value and source", async ({ page }) => {
    await page.goto("/metrics/retail_stores");
    const row = page.locator('tr[data-quarter="2024Q3"]');
    await expect(row).toContainText("≈ 15,000 stores");
    await expect(row).toContainText("restated");
    await expect(row).toContainText("was ≈ 14,000 stores");
    await expect(row.getByRole("link", { name: /Dao Insights/ })).toBeVisible();
  });

  test("an unknown metric gets a 404", async ({ page }) => {
    const response = await page.goto("/metrics/nope");
    expect(response?.status()).toBe(404);
  });
});
