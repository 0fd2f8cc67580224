import { expect, type Page, test } from "@playwright/test";
import { LONG_COLUMNS } from "@/lib/csv/export-format";
import { signIn } from "../support";

/*
 * A large import shows where it is: the upload's progress, then "checking" until the preview
 * loads, then "applying" after the confirmation, instead of a frozen button.
 * This spec owns Xiaomi's stores in 2005Q1 (no neighbouring quarter is stored, so no YoY).
 */

const HEADER = LONG_COLUMNS.join(",");

function row(quarter: string, value: string): string {
  return `xiaomi,retail_stores,Xiaomi Home stores,stores,${quarter},${value},exact,,,"Xiaomi ${quarter} store count, import progress spec",https://example.com/stores-${quarter},2026-05-20,false,,`;
}

function csv(name: string, rows: string[]) {
  return {
    name,
    mimeType: "text/csv",
    buffer: Buffer.from(`${HEADER}\r\n${rows.join("\r\n")}\r\n`, "utf8"),
  };
}

/** Every stage the page shows from now on, in order, however briefly: no timing involved. */
async function recordStages(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { stagesSeen: string[] }).stagesSeen = seen;
    const note = () => {
      for (const element of document.querySelectorAll("[data-stage]")) {
        const stage = element.getAttribute("data-stage") ?? "";
        if (seen.at(-1) !== stage) seen.push(stage);
      }
    };
    new MutationObserver(note).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
    });
  });
}

const stagesSeen = (page: Page) =>
  page.evaluate(() => (window as unknown as { stagesSeen: string[] }).stagesSeen);

test("a large file shows its upload progress, then checking, then its preview", async ({
  page,
}) => {
  await signIn(page, "Importer", "/import");
  await page.goto("/import");
  // Rows that the checks refuse (quarters past 2099): nothing can be confirmed, so the preview
  // never becomes data; the size is what this test is about.
  const rows = Array.from({ length: 3_000 }, (_, index) =>
    row(`${3000 + Math.floor(index / 4)}Q${(index % 4) + 1}`, "-1"),
  );
  const file = csv("progress-large.csv", rows);
  expect(file.buffer.length).toBeGreaterThan(400 * 1024);
  await page.getByLabel(/CSV file/).setInputFiles(file);
  await recordStages(page);
  await page.getByRole("button", { name: "Upload and preview" }).click();

  await expect(page).toHaveURL(/\/import\/\d+$/);
  await expect(
    page.getByRole("heading", { name: "Import preview: progress-large.csv" }),
  ).toBeVisible();
  const stages = await stagesSeen(page);
  expect(stages.slice(0, 2)).toEqual(["uploading", "checking"]);
});

test("a refused file comes back as the form's error, the form ready again", async ({ page }) => {
  await signIn(page, "Importer", "/import");
  await page.goto("/import");
  await page.getByLabel(/CSV file/).setInputFiles({
    name: "bad.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("a,b\r\n1,2\r\n"),
  });
  await page.getByRole("button", { name: "Upload and preview" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "cannot be imported" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Upload and preview" })).toBeEnabled();
  await expect(page).toHaveURL(/\/import$/);
});

test("confirming shows the import being applied, then what was written", async ({ page }) => {
  await signIn(page, "Importer", "/import");
  await page.goto("/import");
  await page.getByLabel(/CSV file/).setInputFiles(csv("progress-one.csv", [row("2005Q1", "12")]));
  await page.getByRole("button", { name: "Upload and preview" }).click();
  await expect(page).toHaveURL(/\/import\/\d+$/);
  await recordStages(page);
  await page.getByRole("button", { name: "Confirm import of 1 figure" }).click();
  await expect(page.getByTestId("import-status")).toContainText("1 figure written");
  expect(await stagesSeen(page)).toContain("applying");
});

test("without JavaScript the plain form still uploads to the preview", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, "Importer", "/import");
  await page.goto("/import");
  await page.getByLabel(/CSV file/).setInputFiles(csv("progress-nojs.csv", [row("3000Q1", "-1")]));
  await page.getByRole("button", { name: "Upload and preview" }).click();
  await expect(
    page.getByRole("heading", { name: "Import preview: progress-nojs.csv" }),
  ).toBeVisible();
  await context.close();
});
