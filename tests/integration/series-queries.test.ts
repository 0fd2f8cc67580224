import { describe, expect, it } from "vitest";
import { chartRows, summarizeSeries } from "@/lib/domain/series-view";
import { getBrand, listBrands } from "@/lib/queries/brands";
import { listMetrics } from "@/lib/queries/metrics";
import { listBrandSeries } from "@/lib/queries/series";
import { setUpSeededTestDatabase } from "../support/seeded-test-db";

describe("the read queries behind the overview and metric pages", () => {
  setUpSeededTestDatabase();

  it("finds the seeded brands, sorted by name, and not an unknown one", async () => {
    // data/brands.csv holds Xiaomi and, for comparisons, Li Auto.
    expect((await listBrands()).map((brand) => brand.slug)).toEqual(["li-auto", "xiaomi"]);
    expect(await getBrand("xiaomi")).toMatchObject({
      name: "Xiaomi",
      currency: "CNY",
      reportingLagDays: 90,
    });
    expect(await getBrand("nope")).toBeNull();
  });

  it("keeps each brand's figures apart", async () => {
    const [liRevenue] = await listBrandSeries("li-auto", { metricKeys: ["revenue"] });
    expect(liRevenue?.points.find((point) => point.quarter === "2025Q3")?.value).toBe(27.4);
    const [xiaomiRevenue] = await listBrandSeries("xiaomi", { metricKeys: ["revenue"] });
    expect(xiaomiRevenue?.points.find((point) => point.quarter === "2025Q3")?.value).toBe(113.1);
    const [liMau] = await listBrandSeries("li-auto", { metricKeys: ["mau"] });
    expect(liMau?.points).toEqual([]);
  });

  it("returns one series per catalog metric, in catalog order", async () => {
    const series = await listBrandSeries("xiaomi");
    const catalog = await listMetrics();
    expect(series.map((entry) => entry.metric.key)).toEqual(catalog.map((metric) => metric.key));
    expect(catalog[0]?.key).toBe("revenue");
  });

  it("gives the revenue card Q3 2025 at RMB 113.1 bn, +22.3% YoY against Q3 2024", async () => {
    const [revenue] = await listBrandSeries("xiaomi", { metricKeys: ["revenue"] });
    if (!revenue) throw new Error("no revenue series");
    const summary = summarizeSeries(revenue);
    expect(summary.latest?.point).toMatchObject({ quarter: "2025Q3", value: 113.1 });
    expect(summary.latest?.point.source.url).toMatch(/^https:\/\/reportify\.ai\//);
    const yoy = summary.latest?.yoy;
    expect(yoy?.kind).toBe("relative");
    // 113.1 / 92.5065 - 1 = 0.22261...
    if (yoy?.kind === "relative") expect(yoy.pct).toBeCloseTo(22.2617, 3);
    // 2023Q2 fell against 2022Q2 (67.4 < 70.2); every quarter from 2023Q3 (70.9 > 70.5) grew.
    expect(summary.streak).toEqual({ direction: "growth", quarters: 9 });
  });

  it("keeps gaps as gaps in chart rows and never as zero", async () => {
    const [stores] = await listBrandSeries("xiaomi", { metricKeys: ["retail_stores"] });
    if (!stores) throw new Error("no stores series");
    const rows = chartRows(stores);
    expect(rows.map((row) => row.quarter)).toEqual([
      "2024Q2",
      "2024Q3",
      "2024Q4",
      "2025Q1",
      "2025Q2",
      "2025Q3",
    ]);
    expect(rows.map((row) => row.value)).toEqual([12000, 15000, null, null, null, 18000]);
    expect(rows.find((row) => row.quarter === "2025Q3")?.yoy).toBeCloseTo(20, 6);
    expect(rows.find((row) => row.quarter === "2024Q3")?.restated).toBe(true);
  });

  it("returns the superseded figure as history of the current one", async () => {
    const [stores] = await listBrandSeries("xiaomi", { metricKeys: ["retail_stores"] });
    const q3 = stores?.points.find((point) => point.quarter === "2024Q3");
    expect(q3?.value).toBe(15000);
    expect(q3?.history).toHaveLength(1);
    expect(q3?.history[0]).toMatchObject({ revision: 1, value: 14000, qualifier: "approximate" });
    expect(q3?.history[0]?.source?.title).toContain("Dao Insights");
  });

  it("measures a ratio metric's change in percentage points", async () => {
    const [margin] = await listBrandSeries("xiaomi", { metricKeys: ["smartphone_gross_margin"] });
    if (!margin) throw new Error("no margin series");
    const latest = summarizeSeries(margin).latest;
    expect(latest?.point.quarter).toBe("2025Q3");
    expect(latest?.yoy?.kind).toBe("points");
    // 11.1 - 11.7 = -0.6 pp
    if (latest?.yoy?.kind === "points") expect(latest.yoy.pp).toBeCloseTo(-0.6, 9);
  });

  it("returns an empty list of series for an unknown brand", async () => {
    const series = await listBrandSeries("nope");
    expect(series.every((entry) => entry.points.length === 0)).toBe(true);
  });
});
