import { expect, test } from "@playwright/test";
import { signIn } from "../support";

test.describe("adding a quarter", () => {
  test("an editor adds Q4 2025 revenue with a source and sees it on the card and in the chart's data", async ({
    page,
  }) => {
    await page.goto("/");
    const chart = page.getByTestId("chart-revenue");
    await expect(chart.locator('[data-mark="bar"]').first()).toBeVisible();
    const barsBefore = await chart.locator('[data-mark="bar"]').count();
    // Other write specs may have added later quarters: read the latest one from the page.
    const lede = (await page.locator(".lede").first().textContent()) ?? "";
    const latest = /latest reported quarter Q([1-4]) (\d{4})/.exec(lede);
    expect(latest).not.toBeNull();
    const [latestQuarter, latestYear] = [Number(latest?.[1]), Number(latest?.[2])];
    const offered =
      latestQuarter === 4
        ? { year: String(latestYear + 1), quarter: "1" }
        : { year: String(latestYear), quarter: String(latestQuarter + 1) };

    await signIn(page, "E2E Analyst", "/");
    await page.getByRole("main").getByRole("link", { name: "Add a quarter" }).click();
    await expect(page).toHaveURL(/\/quarters\/new\?brand=xiaomi/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Add a quarter for Xiaomi");
    // The quarter after the latest stored one is offered.
    await expect(page.getByLabel("Fiscal year")).toHaveValue(offered.year);
    await expect(page.getByLabel("Quarter", { exact: true })).toHaveValue(offered.quarter);
    await page.getByLabel("Fiscal year").fill("2025");
    await page.getByLabel("Quarter", { exact: true }).selectOption("4");
    // Unit and scale are shown next to the input.
    const revenueRow = page.getByTestId("metric-row-revenue");
    await expect(revenueRow).toContainText("RMB");
    await expect(revenueRow).toContainText("bn");
    await expect(revenueRow).toContainText("billions of RMB");

    await page.getByLabel("Total revenue", { exact: true }).fill("120.5");
    await page.getByLabel("Title (required)").fill("Xiaomi Q4 2025 results announcement (E2E)");
    await page.getByLabel(/Web address/).fill("https://example.com/xiaomi-q4-2025");
    await page.getByLabel(/Publication date/).fill("2026-03-24");
    // Hold the post back until the pending state has been seen while it is under way.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route("**/quarters/new**", async (route) => {
      if (route.request().method() === "POST") await held;
      await route.continue();
    });
    await page.getByRole("button", { name: "Save Q4 2025" }).click();
    await expect(page.getByRole("button", { name: "Saving…" })).toBeDisabled();
    release();

    await expect(page).toHaveURL(/\/\?brand=xiaomi&saved=2025Q4&at=\d+/);
    const notice = page.getByTestId("saved-notice");
    await expect(notice).toContainText("Saved Q4 2025 for Xiaomi: 1 figure");
    await expect(notice).toContainText("Total revenue: RMB 120.5 bn (new)");

    const card = page.getByTestId("card-revenue");
    await expect(card.getByTestId("card-value")).toHaveText("RMB 120.5 bn");
    await expect(card.getByTestId("card-quarter")).toHaveText("Q4 2025");
    await expect(
      card.getByRole("link", { name: /Xiaomi Q4 2025 results announcement/ }),
    ).toHaveAttribute("href", "https://example.com/xiaomi-q4-2025");

    await expect(chart.locator('[data-mark="bar"]')).toHaveCount(barsBefore + 1);
    // The overview links each chart to its metric page's data table.
    await chart.getByRole("link", { name: /Data table/ }).click();
    const row = page.locator('tr[data-quarter="2025Q4"]');
    await expect(row).toContainText("RMB 120.5 bn");
    await expect(row).toContainText("Xiaomi Q4 2025 results announcement (E2E)");
  });
});
