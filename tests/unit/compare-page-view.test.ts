import { describe, expect, it } from "vitest";
import { buildCompareSeries, compareTable, decideMode } from "@/lib/domain/compare";
import type { BrandDTO, SeriesDTO } from "@/lib/domain/types";
import { type CompareState, parseCompareParams } from "@/lib/url-state";
import { compareModeCell, comparePageView } from "@/lib/view-models/compare-page";
import { metric, quarterly, series } from "../support/series-fixtures";

function brand(slug: string): BrandDTO {
  return { slug, name: slug, currency: "CNY", description: "", reportingLagDays: 60 };
}

const revenue = metric("revenue", "flow", { unit: "RMB bn", label: "Revenue" });
const deliveries = metric("ev_deliveries", "flow", { unit: "vehicles", label: "EV deliveries" });

function viewFor(query: Record<string, string>, seriesBySlug: Record<string, SeriesDTO[]>) {
  const parsed = parseCompareParams(query);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const state: CompareState = parsed.value;
  const allBrands = Object.keys(seriesBySlug).map(brand);
  const selected = state.brands.flatMap((slug) => allBrands.filter((entry) => entry.slug === slug));
  const loaded = selected.map((entry) => ({ ...entry, series: seriesBySlug[entry.slug] ?? [] }));
  const built = buildCompareSeries(loaded, state.metrics);
  const decision = decideMode(state.mode, built.series);
  const table = compareTable(built.series, decision.mode, state);
  return {
    state,
    view: { allBrands, selected, loaded, series: built.series, decision, table },
  };
}

describe("the compare page's view model", () => {
  const data = {
    xiaomi: [series(revenue, quarterly("2024Q1", [75.5, 88.9, 92.5, 109.0, 111.3]))],
    "li-auto": [series(revenue, { "2024Q3": 42.9, "2025Q1": 25.9 })],
    // A revenue series whose every figure was withdrawn: stored, but with no value to draw.
    nio: [series(deliveries, { "2025Q1": 42094 }), series(revenue, {})],
  };

  it("leads with the chosen brands, then the others, and picks quarters across every series", () => {
    const { state, view } = viewFor({ brands: "li-auto,xiaomi", metrics: "revenue" }, data);
    const page = comparePageView({
      state,
      view,
      offered: [revenue],
      locale: "en",
      today: new Date("2026-11-27T10:00:00Z"),
    });
    expect(page.brands.map((entry) => entry.slug)).toEqual(["li-auto", "xiaomi", "nio"]);
    expect(page.quarters[0]).toBe("2024Q1");
    expect(page.quarters.at(-1)).toBe("2025Q1");
    expect(page.quarters).toHaveLength(5);
    expect(page.pointsById.get("li-auto:revenue")?.get("2024Q2")).toBeUndefined();
    expect(page.pointsById.get("li-auto:revenue")?.get("2024Q3")?.value).toBe(42.9);
  });

  it("names the chart image by its brands, metric and range, with every source and the day", () => {
    const { state, view } = viewFor({ brands: "xiaomi,li-auto", metrics: "revenue" }, data);
    const page = comparePageView({
      state,
      view,
      offered: [revenue],
      locale: "en",
      today: new Date("2026-11-27T10:00:00Z"),
    });
    expect(page.imageMeta.date).toBe("2026-11-27");
    expect(page.imageMeta.fileBase).toContain("xiaomi");
    expect(page.imageMeta.fileBase).toContain("li-auto");
    expect(page.imageMeta.sources).toContain("Report 2024Q3");
    expect(page.imageMeta.sources).toContain("Report 2025Q1");
    expect(page.shareLink).not.toContain("lang=");
  });

  it("titles the chart and its image in the page's language", () => {
    const { state, view } = viewFor({ brands: "xiaomi,li-auto", metrics: "revenue" }, data);
    const today = new Date("2026-11-27T10:00:00Z");
    const en = comparePageView({ state, view, offered: [revenue], locale: "en", today });
    expect(en.chartHeading).toBe("xiaomi · Revenue vs li-auto · Revenue: absolute values");
    expect(en.imageMeta.range).toBe("absolute values, Q1 2024 to Q1 2025");
    const zh = comparePageView({ state, view, offered: [revenue], locale: "zh", today });
    expect(zh.chartHeading).toBe("xiaomi · Revenue 对比 li-auto · Revenue：绝对值");
    expect(zh.imageMeta.locale).toBe("zh");
    expect(compareModeCell(1.25, "yoy", { kind: "ratio" }, "zh")).toBe("+1.3 个百分点");
    expect(compareModeCell(1.25, "yoy", { kind: "ratio" })).toBe("+1.3 pp");
  });

  it("keeps the language in the shared link, and offers a metric the address asks for", () => {
    const { state, view } = viewFor({ brands: "nio", metrics: "ev_deliveries" }, data);
    const page = comparePageView({ state, view, offered: [], locale: "zh", today: new Date() });
    expect(page.shareLink).toMatch(/[?&]lang=zh$/);
    expect(page.metrics.map((entry) => entry.key)).toEqual(["ev_deliveries"]);
  });

  it("lists a series with no value as empty, never as zeros", () => {
    const { state, view } = viewFor({ brands: "xiaomi,nio", metrics: "revenue" }, data);
    const page = comparePageView({
      state,
      view,
      offered: [revenue],
      locale: "en",
      today: new Date(),
    });
    expect(page.empty.map((entry) => entry.id)).toEqual(["nio:revenue"]);
    expect(page.drawn.map((entry) => entry.id)).toEqual(["xiaomi:revenue"]);
  });
});
