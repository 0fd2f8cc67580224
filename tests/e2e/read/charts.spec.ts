import { expect, test } from "@playwright/test";

test.describe("charts that do not mislead", () => {
  test("the margin is a line on an axis marked as not starting at zero, and its change axis draws zero", async ({
    page,
  }) => {
    await page.goto("/metrics/smartphone_gross_margin");
    const chart = page.getByTestId("metric-chart");
    // A ratio is drawn as a line, not as bars from zero that would flatten 12.4% -> 11.1%.
    await expect(chart.locator(".recharts-line").first()).toBeVisible();
    await expect(chart.locator(".recharts-bar-rectangle")).toHaveCount(0);
    const baseline = chart.getByTestId("baseline-mark");
    await expect(baseline).toHaveCount(1);
    await expect(baseline).toContainText(/^Axis starts at \d+(\.\d+)?%, not zero$/);
    // Every YoY change of the margin is negative; the axis still reaches zero and draws it.
    await expect(chart.getByTestId("zero-line")).toHaveCount(1);
    await expect(chart.locator(".recharts-yAxis-tick-labels").last()).toContainText("0pp");
    // The chart is named by a sentence, not by the digits of its ticks.
    await expect(chart.getByRole("figure")).toHaveAccessibleName(
      /^Smartphone gross margin in %, Q1 2023 to Q3 2025, as a line with the change in percentage points as a line\./,
    );
  });

  test("the margin's axis labels do not overlap", async ({ page }) => {
    await page.goto("/metrics/smartphone_gross_margin");
    const ticks = page
      .getByTestId("metric-chart")
      .locator(".recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value");
    // The chart draws in the browser after it measures its box: wait for the ticks before
    // reading where they are (reading at once saw none on a fast CI machine).
    await expect.poll(() => ticks.count()).toBeGreaterThan(4);
    const boxes = await ticks.evaluateAll((nodes) =>
      nodes.map((node) => {
        const box = node.getBoundingClientRect();
        return { left: box.left, right: box.right, top: box.top, bottom: box.bottom };
      }),
    );
    expect(boxes.length).toBeGreaterThan(4);
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const overlap =
          a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
        expect(overlap).toBe(false);
      }
    }
  });

  test("a flow keeps bars from zero, and its change axis shows zero too", async ({ page }) => {
    await page.goto("/metrics/revenue");
    const chart = page.getByTestId("metric-chart");
    await expect(chart.locator(".recharts-bar-rectangle").first()).toBeVisible();
    await expect(chart.getByTestId("baseline-mark")).toHaveCount(0);
    await expect(chart.getByTestId("zero-line")).toHaveCount(1);
  });

  test("the overview's small margin chart marks its cut axis and draws the zero line", async ({
    page,
  }) => {
    await page.goto("/");
    const panel = page.getByTestId("chart-smartphone_gross_margin");
    await expect(panel.getByTestId("baseline-mark")).toContainText(/axis starts at .*%, not 0/);
    await expect(panel.getByTestId("zero-line")).toHaveCount(1);
    await expect(panel.locator('[data-mark="bar"]')).toHaveCount(0);
  });

  test("an approximate figure is drawn hollow on compare, and the key says what that means", async ({
    page,
  }) => {
    await page.goto("/compare?brands=xiaomi,li-auto&metrics=ev_deliveries&mode=absolute");
    const chart = page.getByTestId("compare-chart");
    // Xiaomi's Q4 2024 deliveries are "about 70,000" in the source.
    await expect(
      chart.locator('circle[data-approximate="true"][data-quarter="2024Q4"]'),
    ).toHaveCount(1);
    await expect(chart.locator('circle[data-approximate="true"]')).toHaveCount(1);
    await expect(chart.getByTestId("approximate-key")).toContainText("an approximate figure");
  });

  test("on the metric page an approximate bar is outlined and explained", async ({ page }) => {
    await page.goto("/metrics/ev_deliveries");
    const chart = page.getByTestId("metric-chart");
    await expect(chart.locator('[data-approximate="true"]')).toHaveCount(1);
    await expect(chart.getByTestId("approximate-key")).toBeVisible();
  });

  test("a keyboard reaches the metric page's data table in a few Tabs", async ({ page }) => {
    await page.goto("/metrics/smartphone_gross_margin");
    let tabs = 0;
    while (tabs < 14) {
      await page.keyboard.press("Tab");
      tabs++;
      const name = await page.evaluate(() => document.activeElement?.textContent?.trim());
      if (name === "Skip to the data table") break;
    }
    // Before it: "Skip to content", the logo, the site navigation, the theme switch's three
    // buttons and the language switch. The analyst's complaint was the first link to the data at
    // Tab 42.
    expect(tabs).toBeLessThanOrEqual(12);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#data$/);
    await expect(page.getByRole("heading", { name: "Data", exact: true })).toBeInViewport();
  });
});
