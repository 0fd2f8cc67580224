import AxeBuilder from "@axe-core/playwright";
import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import { apiSignIn } from "../../support/api-client";

/*
 * Light and dark, English and Chinese: every page in both themes and both languages has no
 * serious or critical axe-core violation (text contrast included), and the header's switch is
 * remembered, server-rendered and works without JavaScript.
 */

const THEMES = ["light", "dark"] as const;
/** The language through its cookie, as a reader who chose it in the switch has it. */
const LOCALES = [
  { locale: "en", htmlLang: "en" },
  { locale: "zh", htmlLang: "zh-Hans" },
] as const;

/** Pages anyone may read. */
const PUBLIC_PAGES = [
  "/",
  "/?brand=li-auto",
  "/metrics/revenue",
  "/metrics/smartphone_gross_margin",
  "/metrics/revenue?view=seasonal",
  "/metrics/revenue?view=annual",
  "/compare",
  "/claims",
  "/catalog",
  "/login",
];

/** Pages behind an editor's sign-in: the forms. */
const EDITOR_PAGES = [
  "/import",
  "/events/new?brand=xiaomi",
  "/quarters/new?brand=xiaomi",
  "/claims/new?brand=xiaomi",
];

async function seriousViolations(page: Page): Promise<string[]> {
  // Violations only: collecting every passing node doubles the work on a page of charts.
  const results = await new AxeBuilder({ page }).options({ resultTypes: ["violations"] }).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .flatMap((violation) =>
      violation.nodes.map(
        (node) => `${violation.id}: ${node.target.join(" ")} ${node.failureSummary ?? ""}`,
      ),
    );
}

/** Waits until the page's charts (if any) have drawn, so that axe sees their text too. */
async function settle(page: Page): Promise<void> {
  await expect(page.locator("main")).toBeVisible();
  const charts = page.locator(".recharts-wrapper");
  if ((await charts.count()) > 0) await expect(charts.first().locator("svg").first()).toBeVisible();
}

/**
 * The page in each theme and language, in one test: a test per combination would pay for a new
 * browser context four times over, and CI's time is tight. Each combination is a step of its own,
 * so a failure names it; the violations of all four are reported together.
 */
async function checkEveryLook(
  page: Page,
  context: BrowserContext,
  baseURL: string,
  path: string,
  ready: (page: Page) => Promise<void> = async () => {},
): Promise<void> {
  // Four pages' worth of work: the time one page is given, four times (not a longer wait).
  test.setTimeout(test.info().timeout * THEMES.length * LOCALES.length);
  const found: string[] = [];
  for (const theme of THEMES) {
    for (const { locale, htmlLang } of LOCALES) {
      await test.step(`${theme}, ${locale}`, async () => {
        await context.addCookies([
          { name: "pulse_theme", value: theme, url: baseURL },
          { name: "pulse_locale", value: locale, url: baseURL },
        ]);
        await page.goto(path);
        await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
        await expect(page.locator("html")).toHaveAttribute("lang", htmlLang);
        await ready(page);
        await settle(page);
        found.push(
          ...(await seriousViolations(page)).map((line) => `(${theme}, ${locale}) ${line}`),
        );
      });
    }
  }
  expect(found).toEqual([]);
}

/** One editor session for the form pages, made once (a sign-in costs a password hash). */
let editorCookie: Promise<string> | null = null;

async function signInEditor(context: BrowserContext, baseURL: string): Promise<void> {
  editorCookie ??= apiSignIn(baseURL, "E2E Theme Reader");
  const [name, ...value] = (await editorCookie).split(";")[0]?.split("=") ?? [];
  await context.addCookies([{ name: name ?? "", value: value.join("="), url: baseURL }]);
}

test.describe("both themes, both languages", () => {
  for (const path of PUBLIC_PAGES) {
    test(`${path} has no serious or critical axe violations`, async ({
      page,
      context,
      baseURL,
    }) => {
      await checkEveryLook(page, context, baseURL ?? "", path);
    });
  }

  for (const path of EDITOR_PAGES) {
    test(`${path} has no serious or critical axe violations (editor)`, async ({
      page,
      context,
      baseURL,
    }) => {
      await signInEditor(context, baseURL ?? "");
      // The header names the editor in either language: the form, not the sign-in page, is checked.
      await checkEveryLook(page, context, baseURL ?? "", path, (signedIn) =>
        expect(signedIn.getByText("E2E Theme Reader")).toBeVisible(),
      );
    });
  }
});

test.describe("the theme switch", () => {
  test("follows the system without a choice, and remembers one across a reload", async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: "dark" });
    // A page without charts: this is about the switch, not about rendering.
    await page.goto("/login");
    const html = page.locator("html");
    await expect(html).not.toHaveAttribute("data-theme", /./);
    const canvas = () =>
      page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const systemDark = await canvas();
    const switcher = page.getByTestId("theme-switch");
    await expect(switcher.getByRole("button", { name: "Auto" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );

    await switcher.getByRole("button", { name: "Light" }).click();
    await expect(page).toHaveURL(/\/login$/);
    await expect(html).toHaveAttribute("data-theme", "light");
    expect(await canvas()).not.toBe(systemDark);
    await page.reload();
    await expect(html).toHaveAttribute("data-theme", "light");
    await expect(switcher.getByRole("button", { name: "Light" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );

    await switcher.getByRole("button", { name: "Dark" }).click();
    await expect(html).toHaveAttribute("data-theme", "dark");
    expect(await canvas()).toBe(systemDark);

    await switcher.getByRole("button", { name: "Auto" }).click();
    await expect(html).not.toHaveAttribute("data-theme", /./);
    await page.emulateMedia({ colorScheme: "light" });
    await expect.poll(canvas).not.toBe(systemDark);
  });

  test("works without JavaScript, and the HTML arrives in the chosen theme", async ({
    browser,
    baseURL,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseURL}/compare`);
    await page.getByTestId("theme-switch").getByRole("button", { name: "Dark" }).click();
    await expect(page).toHaveURL(`${baseURL}/compare`);
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    // The server rendered it so: the first byte of the page already says dark (no flash).
    const response = await context.request.get(`${baseURL}/`);
    expect(await response.text()).toMatch(/<html[^>]*data-theme="dark"/);
    await context.close();
  });

  test("refuses GET and never redirects off the site", async ({ request }) => {
    expect((await request.get("/theme")).status()).toBe(405);
    const response = await request.post("/theme", {
      form: { theme: "dark" },
      headers: { referer: "https://evil.example/phish" },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(303);
    expect(response.headers().location).toBe("/");
    expect(response.headers()["set-cookie"]).toContain("pulse_theme=dark");
  });
});
