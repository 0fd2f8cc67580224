import { expect, test } from "@playwright/test";
import { CLAIM_COLUMNS } from "@/lib/csv/claims-export";
import { signIn } from "../support";

// This spec only reads Xiaomi's smartphone shipments 2025Q3 (43.3 M units); no spec restates it.
const HEADER = CLAIM_COLUMNS.join(",");

function file(name: string, ...lines: string[]) {
  return {
    name,
    mimeType: "text/csv",
    buffer: Buffer.from(`${HEADER}\r\n${lines.join("\r\n")}\r\n`, "utf8"),
  };
}

test.describe("claims imported from a CSV file", () => {
  test("a bad row is shown with its value; the corrected file is confirmed without JavaScript and judged on /claims", async ({
    browser,
  }) => {
    // Each run writes a claimant of its own, so a retry never meets the claim an earlier try stored.
    const claimant = `E2E import vlogger ${Date.now().toString(36)}`;
    const line = (stated: string) =>
      `xiaomi,influencer,${claimant},E2E phone review,https://example.com/review,2026-02-01,smartphone_shipments,2025Q3,level,,${stated},M units,about,,"about ${stated} million phones shipped",`;
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    // Signing in lands on the page it names.
    await signIn(page, "E2E Claims Importer", "/claims/import");
    await expect(page).toHaveURL(/\/claims\/import$/);

    await page.getByLabel("CSV file (claims)").setInputFiles(file("bad-claims.csv", line("5O")));
    await page.getByRole("button", { name: "Upload and preview" }).click();
    await expect(page).toHaveURL(/\/import\/\d+$/);
    await expect(
      page.getByRole("heading", { name: "Import preview of claims: bad-claims.csv" }),
    ).toBeVisible();
    const problem = page.getByTestId("rejected-rows").locator("tbody tr");
    await expect(problem).toHaveCount(1);
    await expect(problem.locator("td").nth(0)).toHaveText("2");
    await expect(problem.locator("td").nth(1)).toHaveText("stated_value");
    await expect(problem.locator("td").nth(2)).toHaveText('"5O"');
    await expect(page.getByTestId("cannot-confirm")).toBeVisible();
    await expect(page.getByRole("button", { name: /Confirm import/ })).toHaveCount(0);

    await page.getByRole("link", { name: "upload it again" }).click();
    await expect(page).toHaveURL(/\/claims\/import$/);
    await page.getByLabel("CSV file (claims)").setInputFiles(file("claims.csv", line("50")));
    await page.getByRole("button", { name: "Upload and preview" }).click();
    await expect(page.getByTestId("added-rows")).toContainText("about 50 M units");
    await page.getByRole("button", { name: "Confirm import of 1 claim" }).click();
    await expect(page.getByTestId("import-status")).toContainText("1 claim written");

    await page.goto("/claims?brand=xiaomi&who=influencer&metric=smartphone_shipments");
    const card = page.locator("li.claim").filter({ hasText: claimant });
    await expect(card.getByTestId("claim-verdict")).toHaveText("Overstated");
    await expect(card.getByTestId("claim-arithmetic")).toContainText("43.3");
    await context.close();
  });
});
