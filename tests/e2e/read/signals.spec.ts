import { expect, test } from "@playwright/test";

test.describe("signals", () => {
  test("the overview's signals panel lists the shipments streak with its numbers", async ({
    page,
  }) => {
    await page.goto("/");
    // Streaks are routine: folded under the findings that moved, one click away.
    await page.getByTestId("routine-findings").locator("> summary").click();
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

  test("the overview starts with what changed in the latest quarter, findings ranked by their move", async ({
    page,
  }) => {
    await page.goto("/");
    const latest = page.getByTestId("latest-quarter");
    await expect(latest.getByRole("heading")).toHaveText("What changed in Q3 2025");
    // EV revenue moved most (+199.0% YoY), then deliveries (+173.4%): value, unit and source.
    await expect(latest.locator("li").first()).toContainText(
      "Smart EV & new initiatives revenue: RMB 29.0 bn, +199.0% YoY",
    );
    await expect(latest.locator("li").nth(1)).toContainText(
      "Smart EV deliveries: 108,796 vehicles, +173.4% YoY",
    );
    await expect(latest.locator("li").first().getByRole("link").nth(1)).toHaveAttribute(
      "href",
      /^https?:/,
    );
    // The news list has no routine finding; those are folded, closed.
    const signals = page.getByTestId("signals");
    await expect(signals.locator('li[data-rule="yoy_streak"]:visible')).toHaveCount(0);
    await expect(page.getByTestId("routine-findings")).not.toHaveAttribute("open", "");
    // The jump nav reaches each section.
    await page.getByTestId("jump-nav").getByRole("link", { name: "Events" }).click();
    await expect(page).toHaveURL(/#events$/);
  });

  test("a high or low is said against the stored quarters, and never contradicts a stored quote", async ({
    page,
  }) => {
    await page.goto("/metrics/smartphone_shipments");
    await expect(page.getByTestId("signal-record:smartphone_shipments")).toContainText(
      "Smartphone shipments in Q3 2025, 43.3 M units: the highest in the 15 stored quarters (since Q1 2022)",
    );
    // 11.1% is the lowest stored margin, but Q1 2023's quote "rose 3.1 points to 11.2" implies
    // 8.1% in Q1 2022: no finding calls it a low.
    await page.goto("/metrics/smartphone_gross_margin");
    await expect(page.getByTestId("signal-stale_data")).toBeVisible();
    await expect(page.getByTestId("signal-record:smartphone_gross_margin")).toHaveCount(0);
  });
});
