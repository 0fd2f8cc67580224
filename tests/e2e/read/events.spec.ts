import { expect, test } from "@playwright/test";

test.describe("events on the charts", () => {
  test("event markers appear on the revenue chart and show the source on focus", async ({
    page,
  }) => {
    await page.goto("/metrics/revenue");
    const chart = page.getByTestId("metric-chart");
    const markers = chart.locator('[data-testid="event-marker"][role="button"]');
    // data/events.csv ties two events up to Q3 2025 to revenue: the SU7 and YU7 launches.
    await expect(markers).toHaveCount(2);
    const su7 = chart.locator('[data-testid="event-marker"][data-quarter="Q1 2024"]');
    // The marker's accessible name carries the date, title, line and source.
    await expect(su7).toHaveAccessibleName(
      /28 Mar 2024, launch: SU7 launch\..*Source: Xiaomi sets/,
    );
    await su7.focus();
    const detail = page.getByTestId("event-detail");
    await expect(detail).toContainText("Event in Q1 2024");
    await expect(detail).toContainText("28 Mar 2024");
    await expect(detail).toContainText("SU7 launch");
    await expect(detail).toContainText("launches in three versions from RMB 215,900");
    await expect(
      detail.getByRole("link", { name: /Xiaomi sets 2024 car delivery target of 120,000/ }),
    ).toHaveAttribute("href", /^https:\/\/cnevpost\.com\//);
  });

  test("hovering a marker shows its events too", async ({ page }) => {
    await page.goto("/metrics/ev_deliveries");
    await page
      .getByTestId("metric-chart")
      .locator('[data-testid="event-marker"][data-quarter="Q3 2025"] circle')
      .hover();
    await expect(page.getByTestId("event-detail")).toContainText("SU7 recall (116,887 cars)");
    await expect(page.getByTestId("event-detail")).toContainText("Shenzhen Daily");
  });

  test("events after the chart's last quarter are named beside it, not dropped", async ({
    page,
  }) => {
    await page.goto("/metrics/revenue");
    const later = page.getByTestId("later-events");
    await expect(later).toContainText("After the chart's last quarter (Q3 2025)");
    await expect(later).toContainText("5 Jan 2026");
    await expect(later).toContainText("Influencer backlash");
    await expect(later.getByRole("link", { name: /Storyboard18/ })).toBeVisible();
  });

  test("markers can be switched off by a link, and the choice survives a reload", async ({
    page,
  }) => {
    await page.goto("/metrics/revenue");
    await page.getByRole("link", { name: "Hide event markers" }).click();
    await expect(page).toHaveURL(/events=off/);
    await expect(
      page.getByTestId("metric-chart").locator(".recharts-bar-rectangle").first(),
    ).toBeVisible();
    await expect(page.locator('[data-testid="event-marker"]')).toHaveCount(0);
    await page.reload();
    await expect(page.locator('[data-testid="event-marker"]')).toHaveCount(0);
    await page.getByRole("link", { name: "Show event markers" }).click();
    await expect(page.locator('[data-testid="event-marker"][role="button"]')).toHaveCount(2);
  });

  test("the overview's timeline lists every event with its date as precise as its source", async ({
    page,
  }) => {
    await page.goto("/");
    const timeline = page.getByTestId("timeline");
    await expect(timeline.locator("li")).toHaveCount(14);
    const chip = timeline.locator("li", { hasText: "XRING O1 chip" });
    await expect(chip.locator("time")).toHaveText("May 2025");
    const backlash = timeline.locator("li", { hasText: "Influencer backlash" });
    await expect(backlash.locator("time")).toHaveText("5 Jan 2026");
    await expect(backlash.getByRole("link", { name: /Storyboard18/ })).toHaveAttribute(
      "href",
      /storyboard18\.com/,
    );
    // The overview's small charts mark events too.
    await expect(
      page.getByTestId("chart-revenue").locator('[data-testid="event-marker"]').first(),
    ).toBeAttached();
  });

  test("a chart shows only its metric's events: the Chengdu SU7 crash is on EV deliveries, not on MAU", async ({
    page,
  }) => {
    await page.goto("/metrics/ev_deliveries");
    // The chart's data ends in Q3 2025, so the October crash is listed beside it.
    await expect(page.getByTestId("later-events")).toContainText(
      "Fatal SU7 crash and fire in Chengdu",
    );
    const tongling = page.locator('[data-testid="event-marker"][data-quarter="Q1 2025"]');
    await expect(tongling).toHaveAccessibleName(/Fatal SU7 crash near Tongling/);

    await page.goto("/metrics/mau");
    await expect(page.locator("body")).not.toContainText("Fatal SU7 crash and fire in Chengdu");
    await expect(page.locator("body")).not.toContainText("Fatal SU7 crash near Tongling");
    // An event for every metric (the influencer backlash) is still named on MAU's page.
    await expect(page.getByTestId("later-events")).toContainText("Influencer backlash");

    // The overview's small MAU chart has no crash marker either; EV deliveries' has.
    await page.goto("/");
    // The small charts are drawn once the page hydrates; the titles are read only then.
    for (const key of ["mau", "ev_deliveries"])
      await expect(page.getByTestId(`chart-${key}`).getByTestId("mini-chart")).toBeVisible();
    const titles = (key: string) =>
      page
        .getByTestId(`chart-${key}`)
        .locator('[data-testid="event-marker"] > title')
        .allTextContents();
    expect((await titles("mau")).join("\n")).not.toContain("crash");
    expect((await titles("ev_deliveries")).join("\n")).toContain("Fatal SU7 crash near Tongling");
  });
});
