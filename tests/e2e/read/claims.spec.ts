import { expect, test } from "@playwright/test";

test.describe("the claims ledger", () => {
  test("shows the “nearly 700%” EV deliveries claim as overstated, with its arithmetic", async ({
    page,
  }) => {
    await page.goto("/claims?brand=xiaomi");
    const claim = page
      .locator("li.claim")
      .filter({ hasText: "year-on-year growth of nearly 700%" })
      .filter({ hasText: "change YOY" });
    await expect(claim).toHaveCount(1);
    await expect(claim.getByTestId("claim-verdict")).toHaveText("Overstated");
    await expect(claim).toContainText("by 526.6 pp (4.04× what the figures give)");
    await expect(claim.getByTestId("claim-arithmetic")).toContainText(
      "(108796 ÷ 39790 − 1) × 100 = 173.4%",
    );
    await expect(
      claim.getByTestId("claim-arithmetic").getByRole("link", { name: /ev_deliveries Q3 2024/ }),
    ).toHaveAttribute("href", "/metrics/ev_deliveries?brand=xiaomi");
  });

  test("speaks Chinese with ?lang=zh: headings, filters, claim words and verdicts", async ({
    page,
  }) => {
    await page.goto("/claims?brand=xiaomi&lang=zh");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^关于.+的说法$/);
    const filters = page.getByRole("form", { name: "筛选说法" });
    await expect(filters.getByLabel("结论")).toContainText("夸大");
    const claim = page
      .locator("li.claim")
      .filter({ hasText: "year-on-year growth of nearly 700%" })
      .filter({ hasText: "变化 同比" });
    await expect(claim).toHaveCount(1);
    await expect(claim.getByTestId("claim-verdict")).toHaveText("夸大");
    // The quote stays as published; the quarter of a figure used is said the Chinese way.
    await expect(claim.getByTestId("claim-arithmetic")).toContainText("所用数据：");
    await expect(claim.getByTestId("claim-arithmetic")).not.toContainText("Q3 2024");
    await expect(page.getByText("结论如何得出")).toBeVisible();
    // Why a claim cannot be checked is said in Chinese too, not in the stored English.
    await expect(page.getByText("的累计数需要月度数据，Pulse 未存储")).toBeVisible();
  });

  test("filters by verdict in the URL, and answers a bad filter with 400 and a message", async ({
    page,
  }) => {
    await page.goto("/claims?brand=xiaomi&verdict=overstated&who=press");
    const verdicts = page.getByTestId("claim-verdict");
    await expect(verdicts.first()).toHaveText("Overstated");
    for (const text of await verdicts.allTextContents()) expect(text).toBe("Overstated");

    const response = await page.goto("/claims?brand=xiaomi&verdict=maybe");
    expect(response?.status()).toBe(400);
    await expect(page.getByRole("alert", { name: "This link has a problem" })).toContainText(
      "verdict must be one of",
    );
  });

  test("the overview counts claims per verdict, never a score", async ({ page }) => {
    await page.goto("/?brand=xiaomi");
    const counts = page.getByTestId("claim-counts");
    await expect(counts).toContainText("Overstated");
    await expect(counts).toContainText("Cannot be checked");
  });

  test("exports the claims as CSV with their verdicts", async ({ request }) => {
    const response = await request.get("/api/claims/export?brand=xiaomi&verdict=overstated");
    expect(response.status()).toBe(200);
    const text = await response.text();
    expect(text.split("\r\n")[0]).toContain("brand,claimant_kind,claimant");
    expect(text).toContain("526.5745");
    expect((await request.get("/api/claims/export?brand=nobody")).status()).toBe(400);
  });
});
