import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { parse } from "csv-parse/sync";

const today = () => new Date().toISOString().slice(0, 10);

test("the metric page offers a wide file with a column per quarter, matching the long file", async ({
  page,
  request,
}) => {
  await page.goto("/metrics/revenue?from=2024Q1&to=2025Q3");
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "wide (a column per quarter)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(
    `pulse-xiaomi-revenue-2024Q1-2025Q3-wide-quarters-across-${today()}.csv`,
  );
  const text = await readFile(await download.path(), "utf8");
  const [row, ...others]: Record<string, string>[] = parse(text, { columns: true });
  expect(others).toEqual([]);
  expect(Object.keys(row ?? {})).toEqual([
    "brand",
    "metric",
    "metric_label",
    "unit",
    "2024Q1",
    "2024Q2",
    "2024Q3",
    "2024Q4",
    "2025Q1",
    "2025Q2",
    "2025Q3",
    "qualifiers",
  ]);
  const long: Record<string, string>[] = parse(
    await (
      await request.get("/api/export?brand=xiaomi&metrics=revenue&from=2024Q1&to=2025Q3")
    ).text(),
    { columns: true },
  );
  expect(long.length).toBeGreaterThan(0);
  // Each stored figure in its quarter's column; every other quarter an empty cell, never a zero.
  const quarters = Object.keys(row ?? {}).slice(4, -1);
  for (const quarter of quarters) {
    expect(row?.[quarter]).toBe(long.find((figure) => figure.quarter === quarter)?.value ?? "");
  }
});
