import { type Browser, expect, type Page, test } from "@playwright/test";
import { signIn } from "../support";

async function noJsPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  return context.newPage();
}

/** Fills every kind of mistake at once and checks each message lands next to its field. */
async function submitWithErrorsAndCheckMessages(page: Page): Promise<void> {
  await page.goto("/quarters/new?brand=xiaomi");
  await page.getByLabel("Fiscal year").fill("1999");
  await page.getByLabel("Total revenue", { exact: true }).fill("1,05");
  await page.getByLabel("Smartphone shipments", { exact: true }).fill("1e309");
  await page.getByLabel("Xiaomi Home stores", { exact: true }).fill("-5");
  await page.getByLabel("Smartphone gross margin", { exact: true }).fill("150");
  await page.getByLabel("Title (required)").fill("   ");
  await page.getByLabel(/Web address/).fill("javascript:alert(1)");
  await page.getByLabel(/Publication date/).fill("2026-02-30");
  await page.getByRole("button", { name: /^Save/ }).click();

  const expected: [field: string, label: string | RegExp, message: string][] = [
    ["year", "Fiscal year", "Fiscal year must be 2000 or later."],
    [
      "value_revenue",
      "Total revenue",
      "Total revenue is ambiguous: a thousands comma is followed by exactly three digits (1,050), not 2; for decimals use a point (1.05).",
    ],
    [
      "value_smartphone_shipments",
      "Smartphone shipments",
      "Smartphone shipments must be written out in full, without an exponent (1.2e9 is not accepted).",
    ],
    [
      "value_retail_stores",
      "Xiaomi Home stores",
      "Xiaomi Home stores must not be negative (a stores figure cannot be below 0).",
    ],
    [
      "value_smartphone_gross_margin",
      "Smartphone gross margin",
      "Smartphone gross margin must be at most 100 (%).",
    ],
    ["sourceTitle", "Title (required)", "Source title is required."],
    ["sourceUrl", /Web address/, "Source URL must be a full http:// or https:// address."],
    ["sourcePublishedOn", /Publication date/, "Publication date is not a real calendar date."],
  ];
  const summary = page.getByRole("alert").filter({ hasText: "Nothing was saved" });
  await expect(summary).toContainText(
    `Nothing was saved: ${expected.length} fields need correcting.`,
  );
  for (const [field, label, message] of expected) {
    const input = page.getByLabel(label, { exact: typeof label === "string" });
    await expect(page.locator(`#${field}-error`)).toHaveText(message);
    await expect(input).toHaveAttribute("aria-invalid", "true");
    await expect(input).toHaveAttribute("aria-describedby", new RegExp(`${field}-error`));
    await expect(summary.getByRole("link", { name: message })).toHaveAttribute("href", `#${field}`);
  }
  // What was typed is kept.
  await expect(page.getByLabel("Fiscal year")).toHaveValue("1999");
  await expect(page.getByLabel("Total revenue", { exact: true })).toHaveValue("1,05");
  await expect(page.getByLabel("Smartphone shipments", { exact: true })).toHaveValue("1e309");
  await expect(page.getByLabel(/Web address/)).toHaveValue("javascript:alert(1)");
}

/** One remaining error (a future quarter) with a valid figure: still nothing is written. */
async function submitOneErrorAndCheckNothingSaved(
  page: Page,
  metricKey: string,
  label: string,
  quarterNumber: string,
  year: string,
): Promise<void> {
  await page.goto("/quarters/new?brand=xiaomi");
  await page.getByLabel("Fiscal year").fill(year);
  await page.getByLabel("Quarter", { exact: true }).selectOption(quarterNumber);
  await page.getByLabel(label, { exact: true }).fill("14.2");
  await page.getByLabel("Title (required)").fill("A source");
  await page.getByLabel(/Publication date/).fill("2999-01-01");
  await page.getByRole("button", { name: /^Save/ }).click();
  await expect(page.locator("#sourcePublishedOn-error")).toContainText(
    "Publication date must not be after today",
  );
  await expect(page.getByLabel(label, { exact: true })).toHaveValue("14.2");
  await page.goto(`/metrics/${metricKey}`);
  await expect(page.locator(`tr[data-quarter="${year}Q${quarterNumber}"]`)).toHaveClass(/gap-row/);
}

test.describe("the quarter form's errors", () => {
  test("with JavaScript: every invalid field gets its own message, typed values stay, nothing is saved", async ({
    page,
  }) => {
    await signIn(page, "E2E Analyst", "/");
    await submitWithErrorsAndCheckMessages(page);
    await submitOneErrorAndCheckNothingSaved(
      page,
      "iot_5plus_users",
      "Users with 5+ devices",
      "4",
      "2023",
    );
  });

  test("without JavaScript: the same messages come from the server, nothing is saved", async ({
    browser,
  }) => {
    const page = await noJsPage(browser);
    await signIn(page, "No-JS Analyst", "/");
    await submitWithErrorsAndCheckMessages(page);
    await submitOneErrorAndCheckNothingSaved(
      page,
      "iot_5plus_users",
      "Users with 5+ devices",
      "3",
      "2023",
    );
    await page.context().close();
  });

  test("an empty submission asks for at least one figure and a source title", async ({ page }) => {
    await signIn(page, "E2E Analyst", "/");
    await page.goto("/quarters/new?brand=xiaomi");
    await page.getByRole("button", { name: /^Save/ }).click();
    await expect(page.locator("#values-error")).toHaveText(
      "At least one metric value is required.",
    );
    await expect(page.locator("#sourceTitle-error")).toHaveText("Source title is required.");
  });

  test("in Chinese, the errors are Chinese", async ({ page }) => {
    await signIn(page, "E2E Analyst", "/");
    await page.goto("/quarters/new?brand=xiaomi&lang=zh");
    await expect(page.getByTestId("metric-row-revenue").locator(".affix")).toHaveText("十亿元");
    await page.getByLabel("财年").fill("1999");
    await page.getByRole("button", { name: /^保存/ }).click();
    await expect(page.locator("#year-error")).toHaveText("财年不能早于 2000 年。");
    await expect(page.locator("#values-error")).toHaveText("至少一项指标数值不能为空。");
    await expect(page.locator("#sourceTitle-error")).toHaveText("来源标题不能为空。");
  });
});
