import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";

/*
 * English and Simplified Chinese (issue 11): the first visit follows Accept-Language, the header's
 * switch is remembered across a reload, a shared link with ?lang= keeps its language in a fresh
 * browser, <html lang> follows, and the Chinese overview and metric page pass axe.
 */

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).options({ resultTypes: ["violations"] }).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .flatMap((violation) =>
      violation.nodes.map(
        (node) => `${violation.id}: ${node.target.join(" ")} ${node.failureSummary ?? ""}`,
      ),
    );
}

test("a first visit from a Chinese browser is in Chinese, with 亿 amounts", async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ locale: "zh-CN" });
  const page = await context.newPage();
  await page.goto(`${baseURL}/`);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");
  await expect(page.getByRole("heading", { level: 2, name: "最新数据" })).toBeVisible();
  const revenue = page.getByTestId("card-revenue");
  await expect(revenue.getByRole("link", { name: "总收入" })).toBeVisible();
  await expect(revenue.getByTestId("card-value")).toHaveText(/^[\d,.]+ 亿元$/);
  await expect(page.locator(".page-head .lede")).toContainText("小米集团（港交所：1810）");
  await context.close();
});

test("an English browser gets English", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ locale: "en-GB" });
  const page = await context.newPage();
  await page.goto(`${baseURL}/`);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 2, name: "Latest figures" })).toBeVisible();
  await expect(page.getByTestId("card-revenue").getByTestId("card-value")).toHaveText(
    /^RMB [\d,.]+ bn$/,
  );
  await context.close();
});

test("the switch changes the language, puts it in the URL, and survives a reload", async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  await page.goto(`${baseURL}/metrics/revenue?view=annual`);
  const switcher = page.getByTestId("locale-switch");
  await expect(switcher.getByRole("button", { name: "English" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await switcher.getByRole("button", { name: "中文" }).click();
  // Back on the same page, its view kept, with the language in the address to share.
  await expect(page).toHaveURL(`${baseURL}/metrics/revenue?view=annual&lang=zh`);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");
  await expect(switcher.getByRole("button", { name: "中文" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  // Remembered: a page without lang in its URL is Chinese too, after a reload as well.
  await page.goto(`${baseURL}/`);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");
  await page.reload();
  await expect(page.getByRole("heading", { level: 2, name: "最新数据" })).toBeVisible();

  await page.getByTestId("locale-switch").getByRole("button", { name: "English" }).click();
  await expect(page).toHaveURL(`${baseURL}/?lang=en`);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await context.close();
});

test("a shared link with ?lang=zh opens in Chinese in a fresh English browser, and stays so", async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  await page.goto(`${baseURL}/?brand=xiaomi&lang=zh`);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");
  await expect(page.getByRole("heading", { level: 2, name: "最新数据" })).toBeVisible();
  // The signals say their findings in Chinese, and the page's feed is the Chinese one.
  await expect(page.locator(".signal__title").first()).toHaveText(/\d{4}年Q[1-4]/);
  await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute(
    "href",
    /\.atom\?lang=zh$/,
  );
  // The page's own links do not carry lang: the next page is Chinese because the link's
  // language was remembered, not because the address says it.
  await page.getByTestId("card-revenue").getByRole("link", { name: "总收入" }).click();
  await expect(page).toHaveURL(/\/metrics\/revenue(\?|$)/);
  expect(new URL(page.url()).searchParams.has("lang")).toBe(false);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");
  await expect(page.getByRole("heading", { level: 1, name: /总收入/ })).toBeVisible();
  // A full load too, without the client router's state.
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");
  await context.close();
});

test("the feed follows ?lang=zh in its words, never in its ids", async ({ request }) => {
  const ids = (xml: string) => [...xml.matchAll(/<id>([^<]*)<\/id>/g)].map((match) => match[1]);
  const english = await (await request.get("/feeds/xiaomi.atom")).text();
  const chinese = await (await request.get("/feeds/xiaomi.atom?lang=zh")).text();
  expect(english).toContain("on Pulse: what changed");
  expect(chinese).toContain("Pulse：最新变动");
  expect(ids(chinese)).toEqual(ids(english));
});

test("a bad lang is named with a 400, not a 500", async ({ request }) => {
  const overview = await request.get("/?lang=fr");
  expect(overview.status()).toBe(400);
  expect(await overview.text()).toContain("lang");
  const login = await request.get("/login?lang=fr");
  expect(login.status()).toBe(400);
  expect(await login.text()).toContain("lang must be en or zh");
});

test("the switch refuses GET and never redirects off the site", async ({ request }) => {
  expect((await request.get("/locale")).status()).toBe(405);
  const response = await request.post("/locale", {
    form: { locale: "zh" },
    headers: { referer: "https://evil.example/phish" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(303);
  expect(response.headers().location).toBe("/?lang=zh");
  expect(response.headers()["set-cookie"]).toContain("pulse_locale=zh");
});

for (const path of ["/?lang=zh", "/metrics/revenue?lang=zh"]) {
  test(`${path} has no serious or critical axe violations in Chinese`, async ({ page }) => {
    await page.goto(path);
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");
    await expect(page.locator("main")).toBeVisible();
    // The overview's small charts are plain markup; the metric page's chart draws with Recharts.
    const charts = page.locator(".recharts-wrapper");
    if ((await charts.count()) > 0)
      await expect(charts.first().locator("svg").first()).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test("the metric chart in Chinese labels its quarters and events in Chinese", async ({ page }) => {
  await page.goto("/metrics/revenue?lang=zh");
  const su7 = page
    .getByTestId("metric-chart")
    .locator('[data-testid="event-marker"][data-quarter="2024年Q1"]');
  await expect(su7).toHaveAccessibleName(/^2024年Q1共 1 个事件：2024年3月28日，发布：SU7 launch。/);
  await su7.focus();
  await expect(page.getByTestId("event-detail")).toContainText("2024年Q1");
});

test("the compare page in Chinese keeps the language in its share link and its form", async ({
  browser,
  baseURL,
}) => {
  // A fresh English browser: only the link says Chinese.
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  await page.goto(`${baseURL}/compare?brands=xiaomi&metrics=revenue&lang=zh`);
  await expect(page.getByRole("heading", { level: 1, name: "对比" })).toBeVisible();
  await expect(page.getByLabel("此视图的链接")).toHaveValue(/&lang=zh$/);
  await expect(page.getByRole("radio", { name: /^自动（/ })).toBeChecked();
  await expect(
    page.getByTestId("compare-table").locator(".compare-cell__value").first(),
  ).toHaveText(/亿元$/);
  // The chart's heading, the table's quarters and caption are Chinese, one quarter style.
  await expect(page.getByTestId("compare-chart").getByRole("heading")).toContainText("：绝对值");
  await expect(page.getByTestId("compare-table").locator("tbody th").first()).toHaveText(
    /^\d{4}年Q[1-4]$/,
  );
  await expect(page.getByTestId("compare-table").locator("caption")).toContainText("最新的在前");
  await page.getByRole("button", { name: "对比", exact: true }).click();
  await expect(page).toHaveURL(/[?&]lang=zh(&|$)/);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");
  await context.close();
});
