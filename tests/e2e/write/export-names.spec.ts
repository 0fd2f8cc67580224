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

test("every download a page offers has a file name of its own", async ({ page }) => {
  await page.goto("/metrics/revenue?brand=xiaomi&from=2024Q1&to=2025Q3");
  const links = page.getByTestId("export-links").getByRole("link");
  await expect(links).toHaveCount(5);
  const names: string[] = [];
  for (let index = 0; index < 5; index++) {
    const downloading = page.waitForEvent("download");
    await links.nth(index).click();
    names.push((await downloading).suggestedFilename());
  }
  expect(new Set(names).size).toBe(5);
  expect(names).toContain(`pulse-xiaomi-revenue-2024Q1-2025Q3-wide-quarters-across-${today()}.csv`);
});
