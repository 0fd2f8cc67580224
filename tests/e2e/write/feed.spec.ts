import { expect, test } from "@playwright/test";
import { parseFeed } from "@rowanmanning/feed-parser";
import { signIn } from "../support";

test.describe("the brand feed", () => {
  test("lists a quarter added through the form, linked from the overview", async ({
    page,
    baseURL,
  }) => {
    await page.goto("/");
    const alternate = page.locator('link[rel="alternate"][type="application/atom+xml"]');
    await expect(alternate).toHaveAttribute("href", "/feeds/xiaomi.atom");

    await signIn(page, "E2E Feed Analyst", "/quarters/new?brand=xiaomi&quarter=2002Q2");
    // An old quarter no other spec uses, so that the charts other specs read keep their range;
    // signing in lands on its form.
    await page.getByLabel("Xiao Ai assistant MAU", { exact: true }).fill("88.8");
    await page.getByLabel("Title (required)").fill("Feed check <E2E> & sources");
    await page.getByRole("button", { name: "Save Q2 2002" }).click();
    await expect(page.getByTestId("saved-notice")).toContainText("Saved Q2 2002 for Xiaomi");

    const response = await page.request.get("/feeds/xiaomi.atom");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
    const feed = parseFeed(await response.text());
    const entry = feed.items.find((item) =>
      item.title?.startsWith("Xiao Ai assistant MAU, Q2 2002"),
    );
    expect(entry?.title).toBe("Xiao Ai assistant MAU, Q2 2002: 88.8 M users");
    expect(entry?.description).toContain("(source: Feed check <E2E> & sources)");
    expect(entry?.authors.map((author) => author.name)).toEqual(["E2E Feed Analyst"]);
    expect(entry?.url).toBe(`${baseURL}/metrics/xiao_ai_mau?brand=xiaomi`);
    // Newest first: above it, only what the save caused (signals, claim verdicts Pulse computes).
    const index = feed.items.findIndex((item) => item.id === entry?.id);
    for (const item of feed.items.slice(0, index)) {
      expect(item.id).toMatch(/^urn:pulse:(signal|claim-verdict):/);
    }

    // The entry's link opens the metric page with the figure.
    await page.goto(entry?.url ?? "");
    await expect(page.locator('tr[data-quarter="2002Q2"]').first()).toContainText("88.8");
  });

  test("answers an unknown brand with a 404 that names the feeds, a malformed path with a 400", async ({
    request,
  }) => {
    const response = await request.get("/feeds/nokia.atom?x=1");
    expect(response.status()).toBe(404);
    expect(await response.text()).toContain('There is no brand "nokia".');
    // A path Next cannot percent-decode is refused by the proxy, not a bare 500.
    const malformed = await request.get("/feeds/%E0.atom");
    expect(malformed.status()).toBe(400);
    expect(await malformed.text()).toContain("malformed percent-encoding");
  });
});
