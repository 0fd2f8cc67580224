import { type Browser, expect, type Page, test } from "@playwright/test";
import { signIn } from "../support";

/**
 * This spec owns Xiaomi's revenue in Q2 2025 and adjusted net profit in Q3 2024: it restates
 * them (the seeded values are 116.0 and 6.3).
 */
const today = () => new Date().toISOString().slice(0, 10);

async function noJsPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  return context.newPage();
}

test.describe("restating one figure on its own page", () => {
  test("opens prefilled from the metric page; an unchanged save is refused; a source change is a source update", async ({
    page,
  }) => {
    await signIn(page, "E2E Analyst", "/metrics/revenue?brand=xiaomi");
    await page.goto("/metrics/revenue?brand=xiaomi");
    await page.locator('tr[data-quarter="2025Q2"]').getByRole("link", { name: "Restate" }).click();

    await expect(page).toHaveURL(/\/metrics\/revenue\/restate\?brand=xiaomi&quarter=2025Q2/);
    await expect(page).toHaveTitle(/Restate Total revenue, Q2 2025, Xiaomi/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Restate Total revenue, Q2 2025, Xiaomi",
    );
    await expect(page.getByLabel("Total revenue (RMB bn)")).toHaveValue("116.0");
    await expect(page.getByLabel("How the source states it")).toHaveValue("exact");
    await expect(page.getByLabel("Title (required)")).toHaveValue(/^Xiaomi Q2 2025 Revenue Hits/);
    await expect(page.getByLabel("Web address (when it has one)")).toHaveValue(
      "https://www.webwire.com/ViewPressRel.asp?aId=342661",
    );
    await expect(page.getByLabel("Quote from the source (optional)")).toHaveValue(
      /revenue rose 30.5% year-over-year to RMB116.0 billion/,
    );
    await expect(page.getByText("the quarter after the latest")).toHaveCount(0);

    // Saving what is stored changes nothing: refused, with the reason, on the same page.
    await page.getByLabel(/^Restate Total revenue, Q2 2025/).check();
    await page.getByRole("button", { name: "Save the restatement" }).click();
    await expect(page.getByTestId("restate-message")).toContainText(
      "Total revenue for Q2 2025 is already stored with this value, qualifier and source",
    );
    await expect(page).toHaveURL(/\/restate\?/);

    // Adding the publication date alone: a source update, not a restatement of the value.
    await page.getByLabel("Publication date (when known)").fill("2025-08-19");
    await page.getByLabel(/^Restate Total revenue, Q2 2025/).check();
    await page.getByRole("button", { name: "Save the restatement" }).click();
    await expect(page).toHaveURL(/saved=2025Q2/);

    await page.goto("/metrics/revenue?brand=xiaomi");
    const row = page.locator('tr[data-quarter="2025Q2"]');
    await expect(row).toContainText(`source updated on ${today()} by E2E Analyst, value unchanged`);

    // The date is stored with the source and comes back prefilled.
    await row.getByRole("link", { name: "Restate" }).click();
    await expect(page.getByLabel("Publication date (when known)")).toHaveValue("2025-08-19");
    await expect(page.getByLabel("Total revenue (RMB bn)")).toHaveValue("116.0");
  });

  test("without JavaScript: a typo fix is one change, one tick and one click", async ({
    browser,
  }) => {
    const page = await noJsPage(browser);
    await signIn(page, "No-JS Analyst", "/");
    await page.goto("/metrics/adjusted_net_profit/restate?brand=xiaomi&quarter=2024Q3");
    const value = page.getByLabel("Adjusted net profit (RMB bn)");
    const before = await value.inputValue();
    expect(before).not.toBe("");
    await value.fill("6.4");
    await page.getByLabel(/^Restate Adjusted net profit, Q3 2024/).check();
    await page.getByRole("button", { name: "Save the restatement" }).click();
    await expect(page).toHaveURL(/saved=2024Q3/);
    await page.goto("/metrics/adjusted_net_profit?brand=xiaomi");
    const row = page.locator('tr[data-quarter="2024Q3"]');
    await expect(row).toContainText("6.4");
    await expect(row).toContainText(`restated on ${today()} by No-JS Analyst`);
    await page.context().close();
  });
});
