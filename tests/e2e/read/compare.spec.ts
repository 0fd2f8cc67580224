import { expect, test } from "@playwright/test";

test.describe("compare", () => {
  test("two brands on one chart, and the URL reloads to the same view", async ({ page }) => {
    await page.goto("/compare");
    await page.getByRole("checkbox", { name: "Li Auto" }).check();
    await page.getByRole("checkbox", { name: /^Total revenue/ }).uncheck();
    await page.getByRole("checkbox", { name: /^Smart EV deliveries/ }).check();
    await page.getByRole("button", { name: "Compare" }).click();
    await expect(page).toHaveURL(/brands=li-auto/);
    const chart = page.getByTestId("compare-chart");
    await expect(chart).toHaveAttribute("data-mode", "absolute");
    await expect(chart.locator(".recharts-line")).toHaveCount(2);
    await expect(chart.locator(".recharts-legend-wrapper")).toContainText(
      "Li Auto · Smart EV deliveries",
    );
    await expect(chart.locator(".recharts-legend-wrapper")).toContainText(
      "Xiaomi · Smart EV deliveries",
    );
    // Both brands' figures, each with its source, in the table beside the chart.
    const q3 = page.getByTestId("compare-table").locator('tr[data-quarter="2025Q3"]');
    await expect(q3).toContainText("93,211 vehicles");
    await expect(q3).toContainText("108,796 vehicles");
    await expect(
      q3.getByRole("link", { name: /Li Auto Inc\. Announces Unaudited Third Quarter 2025/ }),
    ).toBeVisible();

    const url = page.url();
    await page.reload();
    expect(page.url()).toBe(url);
    await expect(page.getByTestId("compare-chart").locator(".recharts-line")).toHaveCount(2);
    await expect(page.getByRole("checkbox", { name: "Li Auto" })).toBeChecked();
    await expect(page.getByRole("checkbox", { name: /^Smart EV deliveries/ })).toBeChecked();
  });

  test("a shared link with different units is drawn as YoY, and says why", async ({ page }) => {
    await page.goto("/compare?brands=xiaomi,li-auto&metrics=revenue,ev_deliveries&mode=absolute");
    await expect(page.getByTestId("mode-reason")).toContainText(
      "different units (RMB bn, vehicles)",
    );
    const chart = page.getByTestId("compare-chart");
    await expect(chart).toHaveAttribute("data-mode", "yoy");
    await expect(chart.locator(".recharts-line")).toHaveCount(4);
  });

  test("indexes two brands to 100 at a chosen quarter", async ({ page }) => {
    await page.goto("/compare?brands=xiaomi,li-auto&metrics=revenue&mode=index&base=2023Q1");
    const chart = page.getByTestId("compare-chart");
    await expect(chart).toHaveAttribute("data-mode", "index");
    await expect(page.getByRole("heading", { name: /Q1 2023 = 100/ })).toBeVisible();
    const row = page.getByTestId("compare-table").locator('tr[data-quarter="2023Q1"]');
    await expect(row.locator(".compare-cell__mode")).toHaveText(["100.0", "100.0"]);
  });

  test("a derived metric shows its formula, its inputs, and a gap where an input is missing", async ({
    page,
  }) => {
    await page.goto("/compare?brands=xiaomi,li-auto&metrics=revenue_per_mau");
    await expect(page.getByTestId("formula-revenue_per_mau")).toContainText(
      "Total revenue (RMB bn) ÷ Global smartphone MAU (M users) × 1,000",
    );
    // 113.1 bn / 741.7 M users = RMB 152.5 per user.
    const q3 = page.getByTestId("compare-table").locator('tr[data-quarter="2025Q3"]');
    await expect(q3).toContainText("152.5 RMB/user");
    await expect(q3).toContainText("RMB 113.1 bn ÷ 741.7 M users");
    // Li Auto reports no MAU: no value, never a made-up one.
    await expect(page.getByTestId("series-notes")).toContainText(
      "Li Auto · Revenue per monthly active user: no value in any quarter",
    );
  });

  test("an unknown brand in the link is named", async ({ page }) => {
    await page.goto("/compare?brands=xiaomi,nope");
    await expect(page.getByRole("alert", { name: "This link has a problem" })).toContainText(
      "nope",
    );
  });

  test("the focus brand comes first, only shared metrics are offered, and the full link can be copied", async ({
    page,
    context,
  }) => {
    await page.goto("/compare?brands=xiaomi,li-auto&metrics=ev_deliveries");
    // Xiaomi, the focus, leads the form and the table.
    await expect(page.locator('input[name="brands"]').first()).toHaveAttribute("value", "xiaomi");
    await expect(page.getByTestId("compare-table").locator("thead th").nth(1)).toContainText(
      "Xiaomi",
    );
    // Li Auto has figures for revenue and deliveries only: Xiaomi's other metrics are not offered.
    await expect(page.getByRole("checkbox", { name: /^Smart EV deliveries/ })).toBeVisible();
    await expect(page.getByRole("checkbox", { name: /^Global smartphone MAU/ })).toHaveCount(0);
    // The full address, visible, and a button that copies it.
    const url = page.getByLabel("Link to this view");
    await expect(url).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+\/compare\?brands=xiaomi,li-auto&/);
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.getByRole("button", { name: "Copy link" }).click();
    await expect(page.getByTestId("copy-link")).toContainText("Copied.");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await url.inputValue());
  });

  test("on a phone the focus brand's column is in view and index values are whole", async ({
    browser,
  }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto("/compare?brands=xiaomi,li-auto&metrics=revenue&mode=index&base=2023Q1");
    const firstBrand = page
      .getByTestId("compare-table")
      .locator("tbody tr")
      .first()
      .locator("td")
      .first();
    const box = await firstBrand.boundingBox();
    expect(box).not.toBeNull();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
    // The index cell shows its whole number ("163.2"), not cut off.
    const mode = firstBrand.locator(".compare-cell__mode");
    await expect(mode).toHaveText(/^\d+\.\d$/);
    const fits = await mode.evaluate((node) => node.scrollWidth <= node.clientWidth + 1);
    expect(fits).toBe(true);
    await context.close();
  });
});
