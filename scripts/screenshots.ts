/**
 * `npx tsx scripts/screenshots.ts [baseURL] [path...]`: full-page PNGs of the given pages at
 * desktop and phone widths into screenshots/, to look at what users see. With
 * PULSE_ADMIN_EMAIL and PULSE_ADMIN_PASSWORD set, it signs in first, so editor-only pages can be looked at too.
 */
import { mkdirSync } from "node:fs";
import { chromium } from "@playwright/test";

const [baseUrl = "http://127.0.0.1:3000", ...paths] = process.argv.slice(2);
const pages =
  paths.length > 0 ? paths : ["/", "/metrics/revenue", "/metrics/revenue?view=seasonal"];
const viewports = [
  { name: "desktop", width: 1366, height: 900 },
  { name: "phone", width: 390, height: 844 },
];

mkdirSync("screenshots", { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--no-sandbox",
  ],
});
for (const viewport of viewports) {
  const context = await browser.newContext({
    viewport: { width: viewport.width, height: viewport.height },
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  const email = process.env.PULSE_ADMIN_EMAIL;
  const password = process.env.PULSE_ADMIN_PASSWORD;
  if (email && password) {
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("Signed in as").waitFor();
  }
  for (const path of pages) {
    await page.goto(`${baseUrl}${path}`, { waitUntil: "networkidle" });
    const name = path.replace(/[^a-z0-9]+/gi, "_").replace(/^_|_$/g, "") || "overview";
    const file = `screenshots/${name}-${viewport.name}.png`;
    await page.screenshot({ path: file, fullPage: true });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    console.log(file, overflow > 0 ? `OVERFLOWS the viewport by ${overflow}px` : "");
  }
  await context.close();
}
await browser.close();
