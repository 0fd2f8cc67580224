import { type Browser, expect, type Page, test } from "@playwright/test";
import { signIn } from "../support";

// This spec owns xiao_ai_mau 2025Q2: it adds a claim about it and restates the figure.
async function noJsPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  return context.newPage();
}

test.describe("the claims ledger, written through the forms", () => {
  test("a claim added without JavaScript is judged with its arithmetic, and re-judged when its figure is restated", async ({
    browser,
    page,
  }) => {
    // Two sign-ins, two forms and a restatement: more than the default budget on a busy machine.
    test.setTimeout(120_000);
    const noJs = await noJsPage(browser);
    await signIn(noJs, "E2E Claims Editor", "/claims/new?brand=xiaomi");
    await noJs.goto("/claims/new?brand=xiaomi");

    // A bad stated number is refused on its field, and nothing is saved.
    await noJs.getByLabel("Claimant's name").fill("E2E Influencer");
    await noJs.getByLabel("Who made it").selectOption("influencer");
    await noJs.getByLabel("Source title").fill("E2E video on the assistant");
    await noJs.getByLabel("Quote").fill("Xiao Ai now has about 150 million monthly users");
    await noJs.getByLabel("Metric", { exact: true }).selectOption("xiao_ai_mau");
    await noJs.getByLabel("Quarter").fill("2025Q2");
    await noJs.getByLabel("Kind of claim").selectOption("level");
    await noJs.getByLabel("Compared with").selectOption("");
    await noJs.getByLabel("Stated number").fill("1,50");
    await noJs.getByLabel("Stated unit").fill("M users");
    await noJs.getByLabel("Hedge").selectOption("about");
    await noJs.getByRole("button", { name: "Add claim" }).click();
    await expect(noJs.locator("#statedValue-error")).toContainText("must not contain commas");
    await expect(noJs.getByLabel("Quote")).toHaveValue(
      "Xiao Ai now has about 150 million monthly users",
    );

    await noJs.getByLabel("Stated number").fill("150");
    await noJs.getByRole("button", { name: "Add claim" }).click();
    await expect(noJs).toHaveURL(/\/claims\?brand=xiaomi/);
    const card = noJs.locator("li.claim").filter({ hasText: "E2E Influencer" });
    await expect(card.getByTestId("claim-verdict")).toHaveText("Holds");
    await expect(card.getByTestId("claim-arithmetic")).toContainText("xiao_ai_mau Q2 2025: 153.2");
    await expect(card.getByTestId("claim-arithmetic")).toContainText("153.2 = 153.2 M users");
    await expect(card.getByTestId("claim-arithmetic")).toContainText(
      "142.5 M users to 157.5 M users",
    );

    // Restate the figure the claim used, through the quarter form (with JavaScript).
    await signIn(page, "E2E Analyst", "/quarters/new?brand=xiaomi&quarter=2025Q2");
    await page.goto("/quarters/new?brand=xiaomi&quarter=2025Q2");
    await page.getByLabel("Xiao Ai assistant MAU", { exact: true }).fill("170.0");
    await page.getByLabel("Title (required)").fill("E2E restatement of the assistant MAU");
    await page.getByRole("button", { name: /^Save/ }).click();
    await page.getByLabel(/I have checked these figures/).check();
    await page.getByRole("button", { name: "Confirm and save" }).click();
    await expect(page).toHaveURL(/saved=2025Q2/);

    await page.goto("/claims?brand=xiaomi&metric=xiao_ai_mau");
    const after = page.locator("li.claim").filter({ hasText: "E2E Influencer" });
    await expect(after.getByTestId("claim-verdict")).toHaveText("Understated");
    await expect(after).toContainText("by 11.8% (0.88× what the figures give)");
    await expect(after.getByTestId("claim-arithmetic")).toContainText("xiao_ai_mau Q2 2025: 170.0");
    await after.getByText("Earlier verdicts (1)").click();
    await expect(after.getByTestId("claim-history")).toContainText("Holds");
    await expect(after.getByTestId("claim-history")).toContainText("claim recorded");
    // The current verdict says what re-judged it: the restated figure.
    await expect(after).toContainText("(figure written: xiaomi/xiao_ai_mau/2025Q2)");

    // The metric page shows the claim beside its figures.
    await page.goto("/metrics/xiao_ai_mau?brand=xiaomi");
    await expect(page.getByTestId("metric-claims")).toContainText("E2E Influencer");
  });
});
