import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import {
  COMPARE_COLUMNS,
  compareFileName,
  compareHeader,
  compareRecords,
} from "@/lib/csv/compare-export";
import { localizedHeader } from "@/lib/csv/csv-headers";
import { stringifyRecords } from "@/lib/csv/csv-stream";
import { buildCompareSeries, compareTable } from "@/lib/domain/compare";
import { compareExportHref } from "@/lib/url-state";
import { metric, series } from "../support/series-fixtures";

const deliveries = metric("ev_deliveries", "flow", { label: "EV deliveries", unit: "vehicles" });

function brand(slug: string, name: string, values: Parameters<typeof series>[1]) {
  return { slug, name, series: [series(deliveries, values, 0)] };
}

function csvOf(
  mode: "absolute" | "yoy" | "index",
  notes = [] as { brand: string; metric: string; note: string }[],
) {
  const { series: compared } = buildCompareSeries(
    [
      brand("xiaomi", "Xiaomi", { "2024Q1": 100, "2024Q2": 200, "2025Q1": 300 }),
      brand("li-auto", "Li Auto", { "2024Q1": 80_000, "2025Q1": 92_000 }),
    ],
    ["ev_deliveries"],
  );
  const table = compareTable(compared, mode);
  const text = stringifyRecords([
    [...COMPARE_COLUMNS],
    ...compareRecords({ series: compared, table, notes }),
  ]);
  return parse(text, { columns: true }) as Record<string, string>[];
}

describe("the compare view as CSV", () => {
  it("writes one record per series and quarter with a figure: a gap has no record, never a zero", () => {
    const rows = csvOf("absolute");
    expect(rows.map((row) => [row.brand, row.quarter, row.value])).toEqual([
      ["xiaomi", "2024Q1", "100"],
      ["xiaomi", "2024Q2", "200"],
      ["xiaomi", "2025Q1", "300"],
      ["li-auto", "2024Q1", "80000"],
      ["li-auto", "2025Q1", "92000"],
    ]);
    expect(rows[0]).toMatchObject({
      metric: "ev_deliveries",
      series: "Xiaomi · EV deliveries",
      unit: "vehicles",
      qualifier: "exact",
      source_title: "Report 2024Q1",
      source_url: "https://example.com/2024Q1",
      index: "",
      index_base: "",
    });
  });

  it("gives each value its YoY against the same quarter a year earlier, empty without one", () => {
    const yoy = Object.fromEntries(
      csvOf("absolute").map((row) => [`${row.brand} ${row.quarter}`, row.yoy_pct]),
    );
    expect(yoy).toEqual({
      "xiaomi 2024Q1": "",
      "xiaomi 2024Q2": "",
      "xiaomi 2025Q1": "200",
      "li-auto 2024Q1": "",
      "li-auto 2025Q1": "15",
    });
  });

  it("writes the index and its base quarter in index mode", () => {
    const rows = csvOf("index");
    expect(rows.find((row) => row.brand === "li-auto" && row.quarter === "2025Q1")).toMatchObject({
      index: "115",
      index_base: "2024Q1",
    });
  });

  it("puts a brand's note on the metric on that brand's records, neutralised against formulas", () => {
    const rows = csvOf("absolute", [
      { brand: "li-auto", metric: "ev_deliveries", note: '=HYPERLINK("x") counts EREVs too' },
    ]);
    expect(
      rows.filter((row) => row.brand === "xiaomi").every((row) => row.brand_metric_note === ""),
    ).toBe(true);
    expect(rows.find((row) => row.brand === "li-auto")?.brand_metric_note).toBe(
      '\'=HYPERLINK("x") counts EREVs too',
    );
  });

  it("names the file apart from the figures' exports, and the Excel one apart from the plain one", () => {
    const base = {
      brands: ["xiaomi", "li-auto"],
      metrics: ["ev_deliveries"],
      from: null,
      to: null,
      on: "2026-12-01",
    };
    expect(compareFileName({ ...base, bom: false })).toBe(
      "pulse-compare-xiaomi-li-auto-ev_deliveries-all-quarters-2026-12-01.csv",
    );
    expect(compareFileName({ ...base, bom: true })).toBe(
      "pulse-compare-xiaomi-li-auto-ev_deliveries-all-quarters-2026-12-01-excel.csv",
    );
  });
});

describe("the compare export's language (lang=zh)", () => {
  it("keeps today's English header by default and names every column in Chinese with zh", () => {
    expect(compareHeader().join(",")).toBe(
      "brand,metric,series,unit,quarter,value,qualifier,yoy_pct,yoy_pp,index,index_base,source_title,source_url,source_date,derived_from,brand_metric_note",
    );
    const chinese = localizedHeader(compareHeader(), "zh");
    expect(chinese).toHaveLength(COMPARE_COLUMNS.length);
    expect(chinese.slice(0, 6)).toEqual(["品牌", "指标", "系列", "单位", "季度", "数值"]);
    expect(chinese.at(-1)).toBe("品牌指标备注");
    expect(chinese.filter((name) => /^[a-z_]+$/.test(name))).toEqual([]);
  });

  it("links a Chinese reader to the Chinese header and an English one to the same link as before", () => {
    const state = {
      brands: ["xiaomi", "li-auto"],
      metrics: ["ev_deliveries"],
      mode: null,
      base: null,
      from: null,
      to: null,
    };
    expect(compareExportHref(state)).toBe(
      "/api/compare/export?brands=xiaomi,li-auto&metrics=ev_deliveries",
    );
    expect(compareExportHref(state, { bom: true, lang: "en" })).toBe(
      "/api/compare/export?brands=xiaomi,li-auto&metrics=ev_deliveries&bom=1",
    );
    expect(compareExportHref(state, { bom: true, lang: "zh" })).toBe(
      "/api/compare/export?brands=xiaomi,li-auto&metrics=ev_deliveries&bom=1&lang=zh",
    );
  });
});
