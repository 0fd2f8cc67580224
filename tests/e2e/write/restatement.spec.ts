import { type Browser, expect, type Page, test } from "@playwright/test";
import { signIn } from "../support";

const today = () => new Date().toISOString().slice(0, 10);

async function noJsPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  return context.newPage();
}

/** The value cell's text of a quarter on the metric page, as a reader sees it. */
async function shownValue(page: Page, metricKey: string, quarter: string): Promise<string> {
  await page.goto(`/metrics/${metricKey}`);
  const cell = page.locator(`tr[data-quarter="${quarter}"] td`).first();
  return ((await cell.textContent()) ?? "").replace("restated", "").trim();
}

async function restate(
  page: Page,
  input: { metricKey: string; label: string; year: string; quarter: string; value: string },
  editor: string,
): Promise<void> {
  const code = `${input.year}Q${input.quarter}`;
  const before = await shownValue(page, input.metricKey, code);
  expect(before).not.toBe("");

  await page.goto(`/quarters/new?brand=xiaomi&quarter=${code}`);
  await expect(page.getByLabel("Fiscal year")).toHaveValue(input.year);
  await page.getByLabel(input.label, { exact: true }).fill(input.value);
  await page.getByLabel("Title (required)").fill(`Restatement source for ${input.label} (E2E)`);
  await page.getByLabel("Note (optional)").fill("Restated in the annual report");
  await page.getByRole("button", { name: /^Save/ }).click();

  // Nothing saved yet: the form names the stored figure and asks for an explicit confirmation.
  const panel = page.getByRole("alert").filter({ hasText: "Please confirm before saving" });
  await expect(panel).toContainText(
    `${input.label}, Q${input.quarter} ${input.year}: restatement.`,
  );
  await expect(panel).toContainText(`The stored figure is ${before}`);
  await expect(page.getByLabel(input.label, { exact: true })).toHaveValue(input.value);

  // Saving again without ticking the box is refused with a message next to it.
  await page.getByRole("button", { name: "Confirm and save" }).click();
  await expect(page.locator("#confirm-error")).toHaveText(
    "Tick this box to confirm, or change the figures.",
  );
  await expect(page).toHaveURL(/\/quarters\/new/);

  await page.getByLabel(/I have checked these figures/).check();
  await page.getByRole("button", { name: "Confirm and save" }).click();
  await expect(page).toHaveURL(new RegExp(`saved=${code}`));
  await expect(page.getByTestId("saved-notice")).toContainText(`${input.label}: ${input.value}`);
  await expect(page.getByTestId("saved-notice")).toContainText("(restated");

  await page.goto(`/metrics/${input.metricKey}`);
  const row = page.locator(`tr[data-quarter="${code}"]`);
  await expect(row).toContainText(input.value);
  await expect(row).toContainText("restated");
  await expect(row).toContainText(`restated on ${today()} by ${editor}, was ${before}`);
  await expect(row).toContainText("Reason: Restated in the annual report");
}

test.describe("restating and withdrawing figures", () => {
  test("with JavaScript: a restatement is confirmed explicitly and the old value stays as history", async ({
    page,
  }) => {
    await signIn(page, "E2E Analyst", "/");
    await restate(
      page,
      {
        metricKey: "mau_china",
        label: "Mainland China MAU",
        year: "2025",
        quarter: "1",
        value: "182.4",
      },
      "E2E Analyst",
    );
  });

  test("without JavaScript: the same confirmation round works as plain form posts", async ({
    browser,
  }) => {
    const page = await noJsPage(browser);
    await signIn(page, "No-JS Analyst", "/");
    await restate(
      page,
      {
        metricKey: "mijia_app_mau",
        label: "Mi Home (Mijia) app MAU",
        year: "2025",
        quarter: "2",
        value: "113.4",
      },
      "No-JS Analyst",
    );
    await page.context().close();
  });

  test("a tenfold YoY jump asks for confirmation; correcting the typo saves without it", async ({
    page,
  }) => {
    await signIn(page, "E2E Analyst", "/");
    await page.goto("/quarters/new?brand=xiaomi&quarter=2025Q4");
    const input = page.getByLabel("Smartphone shipments", { exact: true });
    await input.fill("429");
    // The hint previews the YoY against Q4 2024 as the analyst types.
    await expect(page.getByTestId("metric-row-smartphone_shipments")).toContainText(
      "more than tenfold",
    );
    await page.getByLabel("Title (required)").fill("Shipments source (E2E)");
    await page.getByRole("button", { name: /^Save/ }).click();
    const panel = page.getByRole("alert").filter({ hasText: "Please confirm before saving" });
    await expect(panel).toContainText("Smartphone shipments, Q4 2025");
    await expect(panel).toContainText("against 42.7 M units in Q4 2024");
    await expect(panel).toContainText("more than tenfold");

    await input.fill("42.9");
    await page.getByRole("button", { name: "Confirm and save" }).click();
    await expect(page.getByTestId("saved-notice")).toContainText(
      "Smartphone shipments: 42.9 M units (new)",
    );
  });

  test("withdrawing needs a reason and a confirmation, and leaves a gap that says what it was", async ({
    page,
  }) => {
    await signIn(page, "E2E Analyst", "/");
    const before = await shownValue(page, "iot_5plus_users", "2025Q2");
    await page.locator('tr[data-quarter="2025Q2"]').getByRole("link", { name: "Withdraw" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Withdraw Users with 5+ devices, Q2 2025",
    );
    await page.getByRole("button", { name: "Withdraw the figure" }).click();
    await expect(page.locator("#reason-error")).toHaveText("The reason is required.");
    await expect(page.locator("#confirm-error")).toContainText("must be ticked");

    await page.getByLabel("Reason (required)").fill("The source counted smartphones too");
    await page.getByLabel(/^Withdraw Users with 5\+ devices/).check();
    await page.getByRole("button", { name: "Withdraw the figure" }).click();
    await expect(page.getByTestId("withdrawn-notice")).toContainText("Withdrew the Q2 2025 figure");
    const row = page.locator('tr[data-quarter="2025Q2"]');
    await expect(row).toHaveAttribute("data-withdrawn", "true");
    await expect(row).toContainText(`withdrawn on ${today()} by E2E Analyst`);
    await expect(row).toContainText(`was ${before}`);
    await expect(row).toContainText("Reason: The source counted smartphones too");
  });
});
