import { expect, test } from "@playwright/test";
import { LONG_COLUMNS } from "@/lib/csv/export-format";
import { signIn } from "../support";

// This spec owns xiao_ai_mau from 2026Q1 on: no other spec writes that metric.
const HEADER = LONG_COLUMNS.join(",");

function file(name: string, ...lines: string[]) {
  return {
    name,
    mimeType: "text/csv",
    buffer: Buffer.from(`${HEADER}\r\n${lines.join("\r\n")}\r\n`, "utf8"),
  };
}

/** `quarterCell` is what the file's quarter column holds; "Q1 2026" is read as 2026Q1. */
function line(quarter: string, value: string, quarterCell = quarter): string {
  return `xiaomi,xiao_ai_mau,Xiao Ai assistant MAU,M users,${quarterCell},${value},exact,,,"Xiaomi ${quarter} results, assistant section",https://example.com/${quarter},2026-05-20,false,,`;
}

test.describe("CSV import", () => {
  test("a file with one bad row is previewed with the problem and cannot be confirmed", async ({
    page,
  }) => {
    await signIn(page, "Importer", "/import");
    await page.goto("/import");
    await page
      .getByLabel(/CSV file/)
      .setInputFiles(file("one-bad-row.csv", line("2026Q2", "158.4"), line("2026Q3", "-4")));
    await page.getByRole("button", { name: "Upload and preview" }).click();

    await expect(page).toHaveURL(/\/import\/\d+$/);
    await expect(
      page.getByRole("heading", { name: "Import preview: one-bad-row.csv" }),
    ).toBeVisible();
    const rejected = page.getByTestId("rejected-rows");
    const problem = rejected.locator("tbody tr");
    await expect(problem).toHaveCount(1);
    await expect(problem.locator("td").nth(0)).toHaveText("3");
    await expect(problem.locator("td").nth(1)).toHaveText("value");
    // The refused value is shown as the file has it.
    await expect(problem.locator("td").nth(2)).toHaveText('"-4"');
    await expect(problem.locator("td").nth(3)).toContainText("must not be negative");
    await expect(page.getByTestId("cannot-confirm")).toBeVisible();
    await expect(page.getByRole("button", { name: /Confirm import/ })).toHaveCount(0);

    await page.goto("/metrics/xiao_ai_mau");
    await expect(page.locator('tr[data-quarter="2026Q2"]')).toHaveCount(0);
  });

  test("a file that is not CSV UTF-8 is refused on the upload form", async ({ page }) => {
    await signIn(page, "Importer", "/import");
    await page.goto("/import");
    await page.getByLabel(/CSV file/).setInputFiles({
      name: "latin1.csv",
      mimeType: "text/csv",
      buffer: Buffer.concat([
        Buffer.from(`${HEADER}\r\nxiaomi,r`),
        Buffer.from([0xe9]),
        Buffer.from("\r\n"),
      ]),
    });
    await page.getByRole("button", { name: "Upload and preview" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "cannot be imported" })).toContainText(
      "not valid UTF-8 (line 2",
    );
    await expect(page).toHaveURL(/\/import$/);
  });

  test("a file over the size limit is refused with the limit named", async ({ page }) => {
    await signIn(page, "Importer", "/import");
    await page.goto("/import");
    const rows = Array.from({ length: 60_000 }, (_, i) => line(`2040Q${(i % 4) + 1}`, "1"));
    await page.getByLabel(/CSV file/).setInputFiles(file("too-big.csv", ...rows));
    await page.getByRole("button", { name: "Upload and preview" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "cannot be imported" })).toContainText(
      /The file is \d+\.\d MB; an import takes at most 5 MB/,
    );
    await expect(page).toHaveURL(/\/import$/);
  });

  test("a confirmed file's new quarter appears in the chart", async ({ page }) => {
    await page.goto("/metrics/xiao_ai_mau");
    const bars = page.getByTestId("metric-chart").locator(".recharts-bar-rectangle");
    // The chart draws after hydration (it measures its width first): count only once it has.
    await expect(bars.first()).toBeVisible();
    const before = await bars.count();

    await signIn(page, "Importer", "/import");
    await page.goto("/import");
    await page
      .getByLabel(/CSV file/)
      .setInputFiles(file("q1-2026.csv", line("2026Q1", "160.5", "Q1 2026")));
    await page.getByRole("button", { name: "Upload and preview" }).click();
    await expect(page.getByTestId("added-rows").locator("tbody tr")).toHaveCount(1);
    await expect(page.getByTestId("added-rows")).toContainText("160.5 M users");
    await page.getByRole("button", { name: "Confirm import of 1 figure" }).click();
    await expect(page.getByTestId("import-status")).toContainText("1 figure written");
    await expect(page.getByRole("button", { name: /Confirm import/ })).toHaveCount(0);
    // After confirming, the lists say what was done.
    await expect(page.getByRole("heading", { name: "Figures added" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Figures to add" })).toHaveCount(0);

    await page.goto("/metrics/xiao_ai_mau");
    await expect(page.getByRole("heading", { name: /to Q1 2026$/ })).toBeVisible();
    await expect(bars).toHaveCount(before + 1);
    // The axis keeps its last tick, so the new quarter is labelled on the chart itself.
    await expect(
      page.getByTestId("metric-chart").getByText("Q1 2026", { exact: true }),
    ).toBeVisible();
    const row = page.locator('tr[data-quarter="2026Q1"]');
    await expect(row).toContainText("160.5 M users");
    await expect(row.getByRole("link", { name: /Xiaomi 2026Q1 results/ })).toBeVisible();
  });

  test("upload, preview and confirmation work without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, "No-JS Importer", "/import");
    await page.goto("/import");
    await page.getByLabel(/CSV file/).setInputFiles(file("no-js.csv", line("2027Q1", "162")));
    await page.getByRole("button", { name: "Upload and preview" }).click();
    await expect(page).toHaveURL(/\/import\/\d+$/);
    await expect(page.getByTestId("added-rows")).toContainText("162 M users");
    await page.getByRole("button", { name: "Confirm import of 1 figure" }).click();
    await expect(page.getByTestId("import-status")).toContainText("1 figure written");
    await page.goto("/metrics/xiao_ai_mau");
    await expect(page.locator('tr[data-quarter="2027Q1"]')).toContainText("162 M users");
    await context.close();
  });
});
