import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { longHeader } from "@/lib/csv/export-format";
import { formatValue } from "@/lib/domain/format";
import { decimalsOf } from "@/lib/domain/kpi";
import type { Qualifier } from "@/lib/domain/types";

const today = () => new Date().toISOString().slice(0, 10);

test.describe("CSV export", () => {
  test("the metric page's Download CSV saves what its table shows", async ({ page }) => {
    await page.goto("/metrics/revenue?from=2024Q1&to=2025Q3");
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download CSV" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(
      `pulse-xiaomi-revenue-2024Q1-2025Q3-long-${today()}.csv`,
    );

    const text = await readFile(await download.path(), "utf8");
    expect(text.split("\r\n")[0]).toBe(longHeader(false).join(","));
    const rows: Record<string, string>[] = parse(text, { columns: true });

    const table = page.getByTestId("table-revenue");
    const quarters = await table
      .locator("tbody tr:not(.gap-row)")
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-quarter")));
    expect(rows.map((row) => row.quarter).sort()).toEqual([...quarters].sort());
    for (const row of rows) {
      const tableRow = table.locator(`tr[data-quarter="${row.quarter}"]`);
      const value = row.value ?? "";
      const shown = formatValue(
        Number(value),
        row.unit ?? "",
        decimalsOf(value),
        row.qualifier as Qualifier,
      );
      await expect(tableRow.locator("td").first()).toContainText(shown);
      await expect(tableRow.getByRole("link", { name: row.source_title ?? "" })).toHaveAttribute(
        "href",
        row.source_url ?? "",
      );
      expect(row).toMatchObject({ brand: "xiaomi", metric: "revenue", unit: "RMB bn" });
    }
  });

  test("the overview's Download CSV holds every metric on the page", async ({ page }) => {
    await page.goto("/");
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download CSV" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(
      `pulse-xiaomi-all-metrics-all-quarters-long-${today()}.csv`,
    );
    const rows: Record<string, string>[] = parse(await readFile(await download.path(), "utf8"), {
      columns: true,
    });
    const cards = await page
      .locator("li.card")
      .evaluateAll((cards) =>
        cards.map((card) => card.getAttribute("data-testid")?.replace(/^card-/, "")),
      );
    expect([...new Set(rows.map((row) => row.metric))]).toEqual(cards);
  });

  test("a malformed parameter gets a 400 that names it", async ({ request }) => {
    const response = await request.get(
      "/api/export?brand=xiaomi&metrics=revenue&from=2025Q3&to=2023Q1",
    );
    expect(response.status()).toBe(400);
    expect(await response.text()).toContain("from: must not be after `to`");
  });
});
