import { expect, test } from "@playwright/test";

test.describe("signals", () => {
  test("the overview's signals panel lists the shipments streak with its numbers", async ({
    page,
  }) => {
    await page.goto("/");
    const streak = page.getByTestId("signal-yoy_streak:smartphone_shipments");
    // Shipments grew against the same quarter a year earlier from Q3 2023 (41.8 > 40.2 M) to
    // Q3 2025 (43.3 > 43.1 M): nine quarters (data/observations.csv).
    await expect(streak).toContainText(
      "Smartphone shipments grew YoY for 9 consecutive quarters (Q3 2023 to Q3 2025)",
    );
    await expect(
      streak.locator("div", { hasText: "Consecutive quarters" }).locator("dd"),
    ).toHaveText("9");
    await expect(streak).toContainText("41.8 M units, +4.0% YoY");
    await expect(streak).toContainText("43.3 M units, +0.5% YoY");
    await streak.getByText("Rule: YoY streak").click();
    await expect(streak).toContainText("at least 4 consecutive quarters");
    await streak.getByRole("link").click();
    await expect(page).toHaveURL(/\/metrics\/smartphone_shipments(\?.*)?#chart$/);
    await expect(page.getByTestId("metric-chart")).toBeVisible();
  });

  test("stale data is flagged against the brand's reporting rhythm", async ({ page }) => {
    await page.goto("/");
    const stale = page.getByTestId("signal-stale_data");
    await expect(stale).toContainText("latest stored quarter is Q3 2025");
    await expect(stale).toContainText("90 days after quarter end");
  });

  test("a metric page lists the signals about that metric only, plus brand-wide ones", async ({
    page,
  }) => {
    await page.goto("/metrics/smartphone_shipments");
    const panel = page.getByTestId("signals");
    await expect(panel.getByTestId("signal-yoy_streak:smartphone_shipments")).toBeVisible();
    await expect(panel.getByTestId("signal-stale_data")).toBeVisible();
    await expect(panel.getByTestId("signal-yoy_streak:revenue")).toHaveCount(0);
  });
});
