import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { COMPARE_COLUMNS } from "@/lib/csv/compare-export";
import { formatNumber, formatValue } from "@/lib/domain/format";
import { decimalsOf } from "@/lib/domain/kpi";
import type { Qualifier } from "@/lib/domain/types";

const today = () => new Date().toISOString().slice(0, 10);

async function download(page: import("@playwright/test").Page, name: RegExp | string) {
  const downloading = page.waitForEvent("download");
  await page.getByTestId("compare-export-links").getByRole("link", { name }).click();
  const file = await downloading;
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), "utf8") };
}

test.describe("compare CSV", () => {
  test("Download CSV holds exactly the figures, sources and notes the view shows", async ({
    page,
  }) => {
    await page.goto("/compare?brands=xiaomi,li-auto&metrics=ev_deliveries");
    const { name, text } = await download(page, "Download CSV");
    expect(name).toBe(`pulse-compare-xiaomi-li-auto-ev_deliveries-all-quarters-${today()}.csv`);
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    const rows: Record<string, string>[] = parse(text, { columns: true });
    expect(Object.keys(rows[0] ?? {})).toEqual([...COMPARE_COLUMNS]);

    // Every filled cell of the page's table has its record, and no record lacks a cell.
    const table = page.getByTestId("compare-table");
    const headers = await table.locator("thead th").allTextContents();
    const filled = table.locator("tbody td:not(.muted)");
    expect(rows.length).toBe(await filled.count());
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) {
      const column = headers.findIndex((header) => header.startsWith(row.series ?? "?"));
      expect(column, `${row.series} is a column of the table`).toBeGreaterThan(0);
      const cell = table.locator(`tr[data-quarter="${row.quarter}"] > :nth-child(${column + 1})`);
      const value = row.value ?? "";
      await expect(cell.locator(".compare-cell__value")).toHaveText(
        formatValue(Number(value), row.unit ?? "", decimalsOf(value), row.qualifier as Qualifier),
      );
      await expect(cell.getByRole("link", { name: row.source_title ?? "" })).toHaveAttribute(
        "href",
        row.source_url ?? "",
      );
    }
    // The brands' notes on the metric, as the page lists them.
    const notes = await page.getByTestId("brand-metric-note").allTextContents();
    const liAutoNote = rows.find((row) => row.brand === "li-auto")?.brand_metric_note ?? "";
    expect(liAutoNote).not.toBe("");
    expect(notes.some((note) => note.includes(liAutoNote))).toBe(true);
  });

  test("the YoY in the file is the YoY the view shows, and the Excel file is named apart", async ({
    page,
  }) => {
    await page.goto("/compare?brands=xiaomi,li-auto&metrics=ev_deliveries&mode=yoy");
    const { text } = await download(page, "Download CSV");
    const rows: Record<string, string>[] = parse(text, { columns: true });
    const table = page.getByTestId("compare-table");
    const headers = await table.locator("thead th").allTextContents();
    const withYoy = rows.filter((row) => row.yoy_pct !== "");
    expect(withYoy.length).toBeGreaterThan(3);
    for (const row of withYoy) {
      const column = headers.findIndex((header) => header.startsWith(row.series ?? "?"));
      const yoy = Number(row.yoy_pct);
      const shown = `${yoy > 0 ? "+" : yoy < 0 ? "-" : ""}${formatNumber(Math.abs(yoy), 1)}%`;
      await expect(
        table.locator(
          `tr[data-quarter="${row.quarter}"] > :nth-child(${column + 1}) .compare-cell__mode`,
        ),
      ).toHaveText(shown);
    }

    const excel = await download(page, /for Excel/);
    expect(excel.name).toBe(
      `pulse-compare-xiaomi-li-auto-ev_deliveries-all-quarters-${today()}-excel.csv`,
    );
    expect(excel.text.charCodeAt(0)).toBe(0xfeff);
  });

  test("a bad parameter is a 400 that names it, before any CSV", async ({ request }) => {
    const bom = await request.get("/api/compare/export?brands=xiaomi&metrics=revenue&bom=yes");
    expect(bom.status()).toBe(400);
    expect(await bom.text()).toContain("bom: must be 1 (yes) or 0 (no)");
    const brand = await request.get("/api/compare/export?brands=nobody&metrics=revenue");
    expect(brand.status()).toBe(400);
    expect(await brand.text()).toContain('brands: has no brand "nobody"');
  });
});
