import { readFile } from "node:fs/promises";
import { type Download, expect, type Page, test } from "@playwright/test";
import { E2E_CLOCK } from "../../../playwright.config";

/*
 * Charts to take away: "Download PNG" and "Download SVG" give the chart as drawn, in the theme it
 * is shown in, with its title, unit, range, sources and date; the PNG at twice the pixel size.
 */

const PAGE = "/metrics/revenue?brand=xiaomi&from=2023Q1&to=2025Q3";
const TODAY = E2E_CLOCK.slice(0, 10);

async function saved(page: Page, name: "Download PNG" | "Download SVG", keyboard = false) {
  const button = page.getByRole("button", { name });
  const downloading = page.waitForEvent("download");
  if (keyboard) {
    await button.focus();
    await page.keyboard.press("Enter");
  } else {
    await button.click();
  }
  const download: Download = await downloading;
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: await readFile(path) };
}

function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function svgSize(svg: string): { width: number; height: number } {
  const match = svg.match(
    /<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]* width="(\d+)" height="(\d+)"/,
  );
  expect(match, "the document's own <svg> has a width and a height").not.toBeNull();
  return { width: Number(match?.[1]), height: Number(match?.[2]) };
}

for (const theme of ["light", "dark"] as const) {
  test(`the revenue chart downloads as SVG and a 2x PNG in the ${theme} theme`, async ({
    page,
    context,
    baseURL,
  }) => {
    await context.addCookies([{ name: "pulse_theme", value: theme, url: baseURL as string }]);
    await page.goto(PAGE);
    const chart = page.locator('[data-testid="metric-chart"] .recharts-wrapper > svg');
    await expect(chart).toBeVisible();
    await expect(page.getByRole("button", { name: "Download SVG" })).toBeEnabled();
    const box = await chart.boundingBox();
    expect(box).not.toBeNull();

    const svg = await saved(page, "Download SVG");
    expect(svg.name).toBe("xiaomi-revenue-2023Q1-2025Q3.svg");
    const text = svg.bytes.toString("utf8");
    expect(text).toContain(">Xiaomi: Total revenue (RMB bn)</text>");
    expect(text).toContain(`Values and YoY growth, Q1 2023 to Q3 2025. Made ${TODAY}.`);
    expect(text).toMatch(/>Source: Pulse, [^<]+</);
    // Standalone: no custom property of the page's stylesheet is left to resolve.
    expect(text).not.toContain("var(--");
    const paper = await page.evaluate(() =>
      getComputedStyle(document.documentElement).getPropertyValue("--paper").trim(),
    );
    expect(text).toContain(`<rect width="100%" height="100%" fill="${paper}"/>`);
    const size = svgSize(text);
    expect(size.width).toBe(Math.round(box?.width ?? 0) + 32);

    const png = await saved(page, "Download PNG", true);
    expect(png.name).toBe("xiaomi-revenue-2023Q1-2025Q3.png");
    expect(pngSize(png.bytes)).toEqual({ width: size.width * 2, height: size.height * 2 });
  });
}

test("the two themes give differently painted files", async ({ page, context, baseURL }) => {
  const backgrounds: string[] = [];
  for (const theme of ["light", "dark"]) {
    await context.addCookies([{ name: "pulse_theme", value: theme, url: baseURL as string }]);
    await page.goto(PAGE);
    await expect(page.getByRole("button", { name: "Download SVG" })).toBeEnabled();
    const text = (await saved(page, "Download SVG")).bytes.toString("utf8");
    backgrounds.push(text.match(/<rect width="100%" height="100%" fill="([^"]+)"/)?.[1] ?? "");
  }
  expect(backgrounds[0]).not.toBe("");
  expect(backgrounds[0]).not.toBe(backgrounds[1]);
});

test("the compare chart downloads with every brand in its name", async ({ page }) => {
  await page.goto("/compare?brands=xiaomi,li-auto&metrics=revenue&mode=yoy");
  await expect(page.getByRole("button", { name: "Download SVG" })).toBeEnabled();
  const svg = await saved(page, "Download SVG");
  expect(svg.name).toMatch(/^xiaomi-li-auto-revenue-\d{4}Q[1-4]-\d{4}Q[1-4]\.svg$/);
  expect(svg.bytes.toString("utf8")).toMatch(/>Source: Pulse, [^<]+</);
});

test("without JavaScript there are no download buttons that could not work", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(PAGE);
  await expect(page.getByRole("heading", { name: /Values and YoY growth/ })).toBeVisible();
  await expect(page.getByRole("button", { name: /Download (PNG|SVG)/ })).toHaveCount(0);
  await context.close();
});

test("the fiscal-year and seasonal views download too, named by their range", async ({ page }) => {
  await page.goto("/metrics/revenue?brand=xiaomi&view=annual");
  await expect(page.getByRole("button", { name: "Download SVG" })).toBeEnabled();
  const annual = await saved(page, "Download SVG");
  expect(annual.name).toMatch(/^xiaomi-revenue-FY\d{4}-FY\d{4}\.svg$/);
  expect(annual.bytes.toString("utf8")).toContain("Fiscal years, FY ");

  await page.goto("/metrics/revenue?brand=xiaomi&view=seasonal&from=2023Q1&to=2025Q3");
  await expect(page.getByRole("button", { name: "Download SVG" })).toBeEnabled();
  const seasonal = await saved(page, "Download SVG");
  expect(seasonal.name).toBe("xiaomi-revenue-2023Q1-2025Q3.svg");
  // The seasonal chart's legend names each year; the file keeps it.
  expect(seasonal.bytes.toString("utf8")).toMatch(/>2024<\/text>/);
});
