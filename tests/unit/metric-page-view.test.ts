import { describe, expect, it } from "vitest";
import { quarterOfDate } from "@/lib/domain/quarter";
import type { BrandDTO, EventDTO } from "@/lib/domain/types";
import type { MetricPageState } from "@/lib/url-state";
import { metricPageControls, metricPageView } from "@/lib/view-models/metric-page";
import { metric, quarterly, series } from "../support/series-fixtures";

const brand: BrandDTO = {
  slug: "xiaomi",
  name: "Xiaomi",
  currency: "CNY",
  description: "",
  reportingLagDays: 90,
};
const deliveries = series(
  metric("ev_deliveries", "flow"),
  quarterly("2024Q2", [27, 40, 69, 75, 81, 109]),
);
const mau = series(metric("mau", "stock"), quarterly("2024Q2", [675, 685, 702, 713, 731, 742]));

function event(date: string, title: string, metricKeys: string[] | null): EventDTO {
  return {
    uid: `uid-${title}`,
    brandSlug: "xiaomi",
    date,
    quarter: quarterOfDate(date),
    kind: "crisis",
    title,
    description: `${title}.`,
    quote: null,
    metricKeys,
    source: { title: "Source", url: null, publishedOn: null },
    revision: 1,
    createdAt: "2026-01-01T00:00:00.000Z",
    createdBy: "seed",
  };
}

const events = [
  event("2025-03-29", "Crash", ["ev_deliveries"]),
  event("2025-06-26", "Everything", null),
  event("2026-01-05", "Later", null),
];

function view(state: Partial<MetricPageState>, forSeries = deliveries) {
  return metricPageView({
    state: { brand: "xiaomi", view: "bars", from: null, to: null, ...state },
    brand,
    allSeries: [deliveries, mau],
    series: forSeries,
    events,
    now: new Date("2025-12-01T00:00:00Z"),
    metricHref: (key) => `/metrics/${key}`,
  });
}

describe("metric page view model", () => {
  it("cuts a wide requested range to the quarters that have data", () => {
    const result = view({ from: "2020Q1", to: "2030Q4" });
    expect(result.span).toEqual({ from: "2024Q2", to: "2025Q3" });
    expect(result.chart.map((row) => row.quarter)).toEqual([
      "2024Q2",
      "2024Q3",
      "2024Q4",
      "2025Q1",
      "2025Q2",
      "2025Q3",
    ]);
  });

  it("draws only the events that concern the metric", () => {
    expect(view({}).markers.map((marker) => marker.label)).toEqual(["Q1 2025", "Q2 2025"]);
    expect(view({}, mau).markers.map((marker) => marker.label)).toEqual(["Q2 2025"]);
  });

  it("lists events after the chart's last quarter beside it, not on it", () => {
    expect(view({}).placed?.after.map((entry) => entry.title)).toEqual(["Later"]);
  });

  it("draws no markers when events are switched off or on the seasonal view", () => {
    expect(view({ events: false }).markers).toEqual([]);
    expect(view({ view: "seasonal" }).markers).toEqual([]);
  });

  it("places events on fiscal years in the annual view", () => {
    const result = view({ view: "annual" });
    expect(result.eventSpan?.firstLabel).toMatch(/2024/);
    expect(result.markers.every((marker) => marker.label.startsWith("FY"))).toBe(true);
  });
});

function controls(state: Partial<MetricPageState>, brandSlugs = ["apple", "xiaomi", "nio"]) {
  const full: MetricPageState = { brand: "xiaomi", view: "bars", from: null, to: null, ...state };
  return metricPageControls({
    state: full,
    metricKey: "ev_deliveries",
    brandSlug: "xiaomi",
    brandSlugs,
    view: view(state),
  });
}

describe("metric page controls", () => {
  it("keeps the range and view in every view link and marks the current one", () => {
    const result = controls({ from: "2024Q3", view: "annual" });
    expect(result.views.map((link) => [link.href, link.current])).toEqual([
      ["/metrics/ev_deliveries?from=2024Q3", false],
      ["/metrics/ev_deliveries?view=seasonal&from=2024Q3", false],
      ["/metrics/ev_deliveries?view=annual&from=2024Q3", true],
    ]);
  });

  it("offers no change lines and no marker toggle on the seasonal view", () => {
    const result = controls({ view: "seasonal" });
    expect(result.periods).toEqual([]);
    expect(result.eventsToggle).toBeNull();
  });

  it("marks the chosen change lines and links the toggle to the opposite state", () => {
    const result = controls({ compare: [1, 2], events: false });
    expect(result.periods.filter((link) => link.current).map((link) => link.label)).toEqual([
      "vs 1 and 2 years ago",
    ]);
    expect(result.eventsToggle).toEqual({
      label: "Show event markers",
      href: "/metrics/ev_deliveries?compare=1y,2y",
    });
  });

  it("compares this brand first, with no compare link for a single brand", () => {
    expect(controls({}).compareHref).toBe("/compare?brands=xiaomi,apple,nio&metrics=ev_deliveries");
    expect(controls({}, ["xiaomi"]).compareHref).toBeNull();
  });

  it("keeps the other parameters as hidden fields when a form changes brand or range", () => {
    const result = controls({ view: "annual", from: "2024Q3", to: "2025Q2", events: false });
    expect(result.brandHidden).toEqual({ view: "annual", events: "off" });
    expect(result.rangeHidden).toEqual({ view: "annual", events: "off" });
    expect(controls({ brand: "nio", from: "2024Q3" }).rangeHidden).toEqual({ brand: "nio" });
  });
});
