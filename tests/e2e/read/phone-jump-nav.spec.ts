import { expect, test } from "@playwright/test";

/* On a phone the overview's "On this page" chips wrap onto lines instead of running off the edge. */
test.use({ viewport: { width: 390, height: 844 } });

test("every 'On this page' chip is within a 390 px wide screen", async ({ page }) => {
  await page.goto("/");
  const links = page.getByTestId("jump-nav").getByRole("link");
  await expect(links.last()).toBeVisible();
  const count = await links.count();
  expect(count).toBeGreaterThanOrEqual(4);
  for (let index = 0; index < count; index += 1) {
    const box = await links.nth(index).boundingBox();
    expect(box, `chip ${index + 1} is laid out`).not.toBeNull();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
  }
  const list = page.getByTestId("jump-nav").locator("ul");
  expect(await list.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
});
