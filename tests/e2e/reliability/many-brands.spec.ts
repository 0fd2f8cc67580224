import { expect, test } from "@playwright/test";
import { BRAND_PICK_LIST_LIMIT } from "@/lib/limits";
import { createReliabilityDatabase, ownedPerTest, prepareDatabase, startPulse } from "./harness";

/*
 * A catalog larger than the brand switcher's pick list (issue 12: 200 options were rendered twice
 * into every page). The seed's two brands keep the list; this database has more brands than it
 * holds, so the switcher is a field for the short name with every brand one click away.
 */
test.setTimeout(180_000);

const owned = ownedPerTest();

test("beyond its pick list the brand switcher takes a short name, and links to every brand", async ({
  page,
}) => {
  const db = await createReliabilityDatabase("many-brands");
  owned.db = db;
  const extra = Array.from(
    { length: BRAND_PICK_LIST_LIMIT },
    (_, index) => `many-${String(index).padStart(2, "0")}`,
  );
  await prepareDatabase(db, extra);
  const server = await startPulse(db);
  owned.server = server;
  const brandCount = extra.length + 2;

  await page.goto(`${server.baseUrl}/metrics/revenue?brand=xiaomi`);
  const field = page.getByRole("textbox", { name: "Brand" });
  await expect(field).toHaveValue("xiaomi");
  // No option of the other brands is rendered into the page, neither as HTML nor as payload.
  await expect(page.locator("#brand-select option")).toHaveCount(0);
  expect(await page.content()).not.toContain("many-17");

  // The switcher keeps what it kept as a list: the metric page it was on.
  await field.fill("li-auto");
  await page.getByRole("button", { name: "Show" }).first().click();
  await expect(page).toHaveURL(/\/metrics\/revenue\?brand=li-auto/);
  await expect(page.getByRole("textbox", { name: "Brand" })).toHaveValue("li-auto");

  await page.getByRole("link", { name: `All ${brandCount} brands, by short name` }).click();
  await expect(page.getByRole("heading", { name: "Brands and metrics" })).toBeVisible();
  await expect(page.getByRole("link", { name: "MANY-17", exact: true })).toHaveAttribute(
    "href",
    "/?brand=many-17",
  );
});
