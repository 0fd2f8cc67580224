import { describe, expect, it } from "vitest";
import {
  compareQuery,
  metricPageQuery,
  overviewQuery,
  parseCompareParams,
  parseMetricPageParams,
  parseOverviewParams,
} from "@/lib/url-state";

describe("the metric page's URL", () => {
  it("reads the annual view, the event toggle and the comparison periods", () => {
    expect(
      parseMetricPageParams({ view: "annual", events: "off", compare: "2y,1y", brand: "li-auto" }),
    ).toEqual({
      ok: true,
      value: {
        brand: "li-auto",
        view: "annual",
        from: null,
        to: null,
        events: false,
        compare: [1, 2],
      },
    });
  });

  it("defaults to events on and a one-year comparison, and leaves defaults out of links", () => {
    const parsed = parseMetricPageParams({});
    expect(parsed).toEqual({
      ok: true,
      value: { brand: "xiaomi", view: "bars", from: null, to: null, events: true, compare: [1] },
    });
    if (parsed.ok) expect(metricPageQuery(parsed.value)).toBe("");
  });

  it("writes a state back to the same URL it was read from", () => {
    const parsed = parseMetricPageParams({ events: "off", compare: "1y,2y", from: "2024Q1" });
    if (!parsed.ok) throw new Error("expected a valid state");
    expect(metricPageQuery(parsed.value)).toBe("?from=2024Q1&events=off&compare=1y,2y");
    expect(
      parseMetricPageParams(Object.fromEntries(new URLSearchParams(metricPageQuery(parsed.value)))),
    ).toEqual(parsed);
  });

  it("names a malformed toggle or period instead of guessing", () => {
    expect(parseMetricPageParams({ events: "no", compare: "3y" })).toEqual({
      ok: false,
      problems: [
        { param: "events", message: "must be on or off" },
        { param: "compare", message: "must be 1y, 2y or 1y,2y (years back to compare with)" },
      ],
    });
  });
});

describe("two malformed range ends together", () => {
  const QUARTER_PROBLEM = /must be a quarter written like 2025Q3/;

  it("names both on the metric page instead of throwing", () => {
    const parsed = parseMetricPageParams({ from: "x", to: "y" });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((problem) => problem.param)).toEqual(["from", "to"]);
    for (const problem of parsed.problems) expect(problem.message).toMatch(QUARTER_PROBLEM);
  });

  it("names both on the compare page, with the other parameters' problems", () => {
    const parsed = parseCompareParams({ from: "2025Q9", to: "1999Q1", mode: "pie" });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((problem) => problem.param).sort()).toEqual(["from", "mode", "to"]);
  });

  it("still orders a well-formed pair", () => {
    expect(parseMetricPageParams({ from: "2025Q3", to: "2024Q1" })).toEqual({
      ok: false,
      problems: [{ param: "from", message: "must not be after `to`" }],
    });
  });
});

describe("the overview's URL", () => {
  it("keeps the events toggle", () => {
    expect(parseOverviewParams({ events: "off" })).toEqual({
      ok: true,
      value: { brand: "xiaomi", events: false },
    });
    expect(overviewQuery({ brand: "li-auto", events: false })).toBe("?brand=li-auto&events=off");
    expect(overviewQuery({ brand: "xiaomi" })).toBe("");
  });

  it("reads trends=all, keeps it beside the events toggle, and refuses any other value", () => {
    const parsed = parseOverviewParams({ brand: "li-auto", trends: "all", events: "off" });
    expect(parsed).toEqual({
      ok: true,
      value: { brand: "li-auto", events: false, allTrends: true },
    });
    if (parsed.ok) expect(overviewQuery(parsed.value)).toBe("?brand=li-auto&events=off&trends=all");
    expect(parseOverviewParams({ trends: "some" })).toEqual({
      ok: false,
      problems: [{ param: "trends", message: "must be all (a trend chart for every metric)" }],
    });
    expect(parseOverviewParams({ trends: "" })).toEqual({
      ok: true,
      value: { brand: "xiaomi", events: true },
    });
  });
});

describe("the compare page's URL", () => {
  it("reads comma-separated lists, and the repeated parameters a plain form sends", () => {
    const expected = {
      ok: true,
      value: {
        brands: ["xiaomi", "li-auto"],
        metrics: ["ev_deliveries"],
        mode: "index",
        base: "2024Q2",
        from: null,
        to: null,
      },
    };
    expect(
      parseCompareParams({
        brands: "xiaomi,li-auto",
        metrics: "ev_deliveries",
        mode: "index",
        base: "2024Q2",
      }),
    ).toEqual(expected);
    expect(
      parseCompareParams({
        brands: ["xiaomi", "li-auto"],
        metrics: "ev_deliveries",
        mode: "index",
        base: "2024Q2",
      }),
    ).toEqual(expected);
  });

  it("writes a readable, reloadable link", () => {
    const state = {
      brands: ["xiaomi", "li-auto"],
      metrics: ["revenue", "revenue_per_mau"],
      mode: null,
      base: null,
      from: "2023Q1" as const,
      to: null,
    };
    const query = compareQuery(state);
    expect(query).toBe("?brands=xiaomi,li-auto&metrics=revenue,revenue_per_mau&from=2023Q1");
    expect(parseCompareParams(Object.fromEntries(new URLSearchParams(query)))).toEqual({
      ok: true,
      value: state,
    });
  });

  it("refuses a brand named twice, too many series and an unknown mode", () => {
    const parsed = parseCompareParams({
      brands: "xiaomi,xiaomi",
      metrics: "a,b,c,d,e",
      mode: "stacked",
    });
    expect(parsed.ok ? [] : parsed.problems.map((problem) => problem.param)).toEqual([
      "brands",
      "metrics",
      "mode",
    ]);
  });
});
