import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import { ensureAccount } from "../../support/api-client";
import { BASE_URL, EDITOR_PASSWORD, signIn } from "../support";

/** Fills a valid figure for a quarter that is a gap, then loses the session and submits. */
async function forgedSubmission(
  page: Page,
  context: BrowserContext,
  quarter: { year: string; number: string },
): Promise<void> {
  await signIn(page, "E2E Analyst", "/");
  await page.goto("/quarters/new?brand=xiaomi");
  await page.getByLabel("Fiscal year").fill(quarter.year);
  await page.getByLabel("Quarter", { exact: true }).selectOption(quarter.number);
  await page.getByLabel("Xiaomi Home stores", { exact: true }).fill("16000");
  await page.getByLabel("Title (required)").fill("Forged post (E2E)");
  await context.clearCookies();
  await page.getByRole("button", { name: /^Save/ }).click();
  await expect(page).toHaveURL(/\/login\?next=%2Fquarters%2Fnew/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
}

async function expectStillAGap(page: Page, quarter: string): Promise<void> {
  await signIn(page, "E2E Analyst", "/");
  await page.goto("/metrics/retail_stores");
  const row = page.locator(`tr[data-quarter="${quarter}"]`);
  await expect(row).toHaveClass(/gap-row/);
  await expect(row).toContainText("No figure found in a source");
}

test.describe("who may write", () => {
  test("signed out, the form is not shown: sign-in first, then back to the form", async ({
    page,
  }) => {
    const response = await page.goto("/quarters/new?brand=xiaomi");
    expect(response?.status()).toBeLessThan(400);
    await expect(page).toHaveURL(/\/login\?next=%2Fquarters%2Fnew%3Fbrand%3Dxiaomi/);
    await expect(page.getByLabel("Total revenue", { exact: true })).toHaveCount(0);
    const email = await ensureAccount(BASE_URL, "Returning Analyst");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(EDITOR_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/quarters\/new\?brand=xiaomi/);
    await expect(page.getByLabel("Total revenue", { exact: true })).toBeVisible();
  });

  test("signed out, the withdraw page is not shown either", async ({ page }) => {
    await page.goto("/metrics/revenue/withdraw?brand=xiaomi&quarter=2025Q3");
    await expect(page).toHaveURL(/\/login\?next=%2Fmetrics%2Frevenue%2Fwithdraw/);
  });

  test("signed out, the metric page offers no restate or withdraw links", async ({ page }) => {
    await page.goto("/metrics/revenue");
    await expect(page.getByRole("link", { name: "Withdraw" })).toHaveCount(0);
    await expect(page.getByRole("columnheader", { name: "Edit" })).toHaveCount(0);
  });

  test("with JavaScript: a post without a session is sent to sign-in and writes nothing", async ({
    page,
    context,
  }) => {
    await forgedSubmission(page, context, { year: "2024", number: "4" });
    await expectStillAGap(page, "2024Q4");
  });

  test("without JavaScript: a post without a session is sent to sign-in and writes nothing", async ({
    browser,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await forgedSubmission(page, context, { year: "2025", number: "1" });
    await expectStillAGap(page, "2025Q1");
    await context.close();
  });

  test("a withdrawal posted without a session is refused and withdraws nothing", async ({
    page,
    context,
  }) => {
    await signIn(page, "E2E Analyst", "/");
    await page.goto("/metrics/ev_segment_revenue/withdraw?brand=xiaomi&quarter=2025Q1");
    await page.getByLabel("Reason (required)").fill("Forged");
    await page.getByLabel(/^Withdraw Smart EV/).check();
    await context.clearCookies();
    await page.getByRole("button", { name: "Withdraw the figure" }).click();
    await expect(page).toHaveURL(/\/login\?next=%2Fmetrics%2Fev_segment_revenue%2Fwithdraw/);
    await page.goto("/metrics/ev_segment_revenue");
    await expect(page.locator('tr[data-quarter="2025Q1"]')).not.toHaveClass(/gap-row/);
  });
});
