import { devices, expect, test } from "@playwright/test";

/*
 * On a touch screen the overview's small charts cannot show their SVG titles: the hint says to
 * tap, a tap opens the metric page's chart, and a tap on a bar there shows its figure and source.
 */
test.use({ ...devices["Pixel 7"], defaultBrowserType: "chromium" });

test("the overview says tap, not hover, and a tap on a small chart opens its chart", async ({
  page,
}) => {
  await page.goto("/");
  expect(await page.evaluate(() => matchMedia("(hover: none)").matches)).toBe(true);
  await expect(page.locator(".hint-touch")).toBeVisible();
  await expect(page.locator(".hint-touch")).toContainText("Tap a chart to open it");
  await expect(page.locator(".hint-hover")).toBeHidden();

  await page.getByTestId("mini-chart-link-revenue").tap();
  await expect(page).toHaveURL(/\/metrics\/revenue(\?[^#]*)?#chart$/);
});

test("a tap on a bar of the metric chart shows its figure and source", async ({ page }) => {
  await page.goto("/metrics/revenue?brand=xiaomi#chart");
  const bars = page.locator("#chart .recharts-bar-rectangle");
  await expect(bars.last()).toBeVisible();
  await bars.last().tap();
  await expect(page.locator(".chart-tooltip")).toContainText("Q3 2025");
  await expect(page.locator(".chart-tooltip")).toContainText("RMB");
});

test("a mouse still gets the hover hint", async ({ browser }) => {
  const context = await browser.newContext({ ...devices["Desktop Chrome"] });
  const page = await context.newPage();
  await page.goto(`${test.info().project.use.baseURL}/`);
  await expect(page.locator(".hint-hover")).toBeVisible();
  await expect(page.locator(".hint-touch")).toBeHidden();
  await context.close();
});
