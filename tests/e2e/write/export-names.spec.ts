import { expect, test } from "@playwright/test";

const today = () => new Date().toISOString().slice(0, 10);

test("the plain and the Excel downloads of one view get different file names", async ({ page }) => {
  await page.goto("/metrics/revenue?brand=xiaomi&from=2024Q1&to=2025Q3");
  const names: string[] = [];
  for (const link of [
    page.getByRole("link", { name: "Download CSV" }),
    page.getByRole("link", { name: /for Excel/ }),
  ]) {
    const downloading = page.waitForEvent("download");
    await link.click();
    names.push((await downloading).suggestedFilename());
  }
  expect(names).toEqual([
    `pulse-xiaomi-revenue-2024Q1-2025Q3-long-${today()}.csv`,
    `pulse-xiaomi-revenue-2024Q1-2025Q3-long-${today()}-excel.csv`,
  ]);
});
