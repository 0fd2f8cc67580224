import { expect, test } from "@playwright/test";
import { apiRequest, apiSignIn } from "../../support/api-client";
import { EDITOR_PASSWORD, signIn } from "../support";

/*
 * A figure pasted from a press release with a thousands comma ("1,050") is read, and the reading
 * is said back, in the form as it is typed and in the server's answer; an ambiguous comma is
 * still refused. This spec owns Xiaomi's retail_stores in 2000: no quarter before 2000 exists, so no other spec's figure can make its YoY unusual (the hostile API spec writes 2001, the accounts spec 2003).
 */

const BASE = `http://127.0.0.1:${process.env.E2E_PORT}`;

test("the form reads 1,050 as 1050, says so while typing, and saves 1050", async ({ page }) => {
  await signIn(page, "E2E Analyst", "/quarters/new?brand=xiaomi&quarter=2000Q1");
  await page.goto("/quarters/new?brand=xiaomi&quarter=2000Q1");
  const input = page.getByLabel("Xiaomi Home stores", { exact: true });
  const row = page.getByTestId("metric-row-retail_stores");

  await input.fill("1,05");
  await expect(row.getByTestId("value-reading")).toHaveCount(0);
  await input.fill("1,050");
  await expect(row.getByTestId("value-reading")).toHaveText("Read as 1050.");

  await page.getByLabel("Title (required)").fill("Stores press release (E2E)");
  await page.getByRole("button", { name: /^Save/ }).click();
  await expect(page.getByTestId("saved-notice")).toContainText("Xiaomi Home stores: 1,050");
});

test("an ambiguous comma is refused with the reason, and nothing is saved", async ({ page }) => {
  await signIn(page, "E2E Analyst", "/quarters/new?brand=xiaomi&quarter=2000Q2");
  await page.goto("/quarters/new?brand=xiaomi&quarter=2000Q2");
  await page.getByLabel("Xiaomi Home stores", { exact: true }).fill("1.050,5");
  await page.getByLabel("Title (required)").fill("Stores press release (E2E)");
  await page.getByRole("button", { name: /^Save/ }).click();
  await expect(page.locator("#value_retail_stores-error")).toContainText(
    "'.' for thousands and ',' for decimals",
  );
  await expect(page).toHaveURL(/\/quarters\/new/);
});

test("the API answers with what a grouped value was read as", async () => {
  const cookie = await apiSignIn(BASE, "API Reader", EDITOR_PASSWORD, {
    "x-forwarded-for": "192.0.2.78",
  });
  const answer = await apiRequest(BASE, "/api/quarters", {
    cookie,
    json: {
      brand: "xiaomi",
      year: 2000,
      quarter: "Q3",
      values: { retail_stores: "2,100" },
      source: { title: "Stores press release (E2E API)" },
    },
  });
  expect(answer.status).toBe(201);
  expect(answer.body).toMatchObject({
    figures: [{ metric: "retail_stores", revision: 1, change: "new", readAs: "2100" }],
  });
});
