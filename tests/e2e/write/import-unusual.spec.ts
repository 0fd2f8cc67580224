import { type Browser, expect, type Page, test } from "@playwright/test";
import { longHeader } from "@/lib/csv/export-format";
import { signIn } from "../support";

// This spec owns iot_5plus_users in 2005 to 2008: no other spec writes those quarters.
async function noJsPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  return context.newPage();
}

function line(quarter: string, value: string): string {
  return `xiaomi,iot_5plus_users,,M users,${quarter},${value},exact,,,Xiaomi ${quarter} results,https://example.com/${quarter},,false,,,,,,`;
}

async function storedQuarters(page: Page, from: string, to: string): Promise<string[]> {
  const response = await page.request.get(
    `/api/export?brand=xiaomi&metrics=iot_5plus_users&from=${from}&to=${to}`,
  );
  const lines = (await response.text()).split("\r\n").slice(1, -1);
  return lines.map((text) => text.split(",")[4] ?? "");
}

test("an import with an extreme YoY is refused until the unusual change is confirmed, without JavaScript", async ({
  browser,
}) => {
  const page = await noJsPage(browser);
  await signIn(page, "Importer", "/import");
  await page.goto("/import");
  // 2008Q1 against 2007Q1 in the same file: +150%, beyond the quarter form's 60%.
  await page.getByLabel(/CSV file/).setInputFiles({
    name: "unusual.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(
      `${longHeader(false).join(",")}\r\n${line("2007Q1", "10.0")}\r\n${line("2008Q1", "25.0")}\r\n`,
    ),
  });
  await page.getByRole("button", { name: "Upload and preview" }).click();
  await expect(page).toHaveURL(/\/import\/\d+$/);

  const unusual = page.getByTestId("unusual-rows");
  await expect(unusual.getByRole("heading", { name: "Unusual changes to check" })).toBeVisible();
  await expect(unusual.getByTestId("unusual-row")).toHaveCount(1);
  await expect(unusual.getByTestId("unusual-row")).toContainText("Q1 2008");
  await expect(unusual.getByTestId("unusual-yoy")).toHaveText("+150.0%");

  // Without the box: refused with a message, nothing written.
  await page.getByRole("button", { name: /Confirm import of 2 figures/ }).click();
  await expect(page.getByTestId("import-result")).toContainText(
    "Nothing was written: the import has unusual changes",
  );
  await expect(page.getByRole("heading", { name: "Import preview: unusual.csv" })).toBeVisible();
  expect(await storedQuarters(page, "2007Q1", "2008Q4")).toEqual([]);

  // With it: applied, and the lists say what was done.
  await page.getByLabel("I have checked this unusual change against its source").check();
  await page.getByRole("button", { name: /Confirm import of 2 figures/ }).click();
  await expect(page.getByTestId("import-status")).toContainText("2 figures written");
  await expect(page.getByRole("heading", { name: "Figures added" })).toBeVisible();
  expect(await storedQuarters(page, "2007Q1", "2008Q4")).toEqual(["2007Q1", "2008Q1"]);
  await page.context().close();
});

test("the API refuses the confirmation without unusualChangesChecked, and names the count", async ({
  page,
}) => {
  await signIn(page, "Importer", "/import");
  const csv = `${longHeader(false).join(",")}\r\n${line("2005Q1", "10.0")}\r\n${line("2006Q1", "1.0")}\r\n`;
  const created = await page.request.post("/api/imports?name=unusual-api.csv", {
    headers: { "Content-Type": "text/csv", Origin: new URL(page.url()).origin },
    data: csv,
  });
  expect(created.status()).toBe(201);
  const preview = await created.json();
  expect(preview.unusual).toEqual([
    expect.objectContaining({ row: 3, quarter: "2006Q1", yoy: -90, yoyUnit: "%", unitSlip: true }),
  ]);
  expect(preview.confirm.body).toEqual({
    planChecksum: preview.planChecksum,
    unusualChangesChecked: true,
  });
  const refused = await page.request.post(`/api/imports/${preview.id}/confirm`, {
    headers: { Origin: new URL(page.url()).origin },
    data: { planChecksum: preview.planChecksum },
  });
  expect(refused.status()).toBe(409);
  expect(await refused.json()).toMatchObject({ code: "confirmation_required", unusual: 1 });
  expect(await storedQuarters(page, "2005Q1", "2006Q4")).toEqual([]);
  const applied = await page.request.post(`/api/imports/${preview.id}/confirm`, {
    headers: { Origin: new URL(page.url()).origin },
    data: preview.confirm.body,
  });
  expect(applied.status()).toBe(200);
  expect(await storedQuarters(page, "2005Q1", "2006Q4")).toEqual(["2005Q1", "2006Q1"]);
});
