import { describe, expect, it } from "vitest";
import {
  metricPageQuery,
  overviewQuery,
  parseMetricPageParams,
  parseOverviewParams,
} from "@/lib/url-state";

describe("overview query string", () => {
  it("defaults to the Xiaomi brand", () => {
    expect(parseOverviewParams({})).toEqual({ ok: true, value: { brand: "xiaomi", events: true } });
  });

  it("rejects a brand that is not a slug, naming the parameter", () => {
    const parsed = parseOverviewParams({ brand: "<script>" });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems[0]?.param).toBe("brand");
  });

  it("rejects a repeated parameter instead of picking one", () => {
    const parsed = parseOverviewParams({ brand: ["xiaomi", "other"] });
    expect(parsed).toEqual({
      ok: false,
      problems: [{ param: "brand", message: "appears more than once; give it once" }],
    });
  });

  it("leaves the default brand out of the URL it builds", () => {
    expect(overviewQuery({ brand: "xiaomi" })).toBe("");
    expect(overviewQuery({ brand: "li-auto" })).toBe("?brand=li-auto");
  });
});

describe("metric page query string", () => {
  it("reads brand, view and range", () => {
    expect(
      parseMetricPageParams({ brand: "xiaomi", view: "seasonal", from: "2023Q1", to: "2025Q3" }),
    ).toEqual({
      ok: true,
      value: {
        brand: "xiaomi",
        view: "seasonal",
        from: "2023Q1",
        to: "2025Q3",
        events: true,
        compare: [1],
      },
    });
  });

  it("treats an empty parameter as not given", () => {
    expect(parseMetricPageParams({ from: "", to: "" })).toEqual({
      ok: true,
      value: { brand: "xiaomi", view: "bars", from: null, to: null, events: true, compare: [1] },
    });
  });

  it.each([
    ["from", "2025-Q1"],
    ["from", "2025Q5"],
    ["to", "1999Q4"],
    ["view", "pie"],
    ["rows", "20"],
  ])("rejects %s=%s with a message naming the parameter", (param, value) => {
    const parsed = parseMetricPageParams({ [param]: value });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems.map((problem) => problem.param)).toEqual([param]);
  });

  it("reads rows=all (every quarter in the data table) and writes it back", () => {
    const parsed = parseMetricPageParams({ brand: "bench-003", rows: "all" });
    expect(parsed.ok && parsed.value.allRows).toBe(true);
    if (parsed.ok) expect(metricPageQuery(parsed.value)).toBe("?brand=bench-003&rows=all");
  });

  it("rejects a range whose start is after its end", () => {
    const parsed = parseMetricPageParams({ from: "2025Q3", to: "2024Q1" });
    expect(parsed).toEqual({
      ok: false,
      problems: [{ param: "from", message: "must not be after `to`" }],
    });
  });

  it("builds a URL that parses back to the same state", () => {
    const state = {
      brand: "li-auto",
      view: "seasonal" as const,
      from: "2023Q1" as const,
      to: null,
      events: true,
      compare: [1 as const],
    };
    const query = metricPageQuery(state);
    expect(query).toBe("?brand=li-auto&view=seasonal&from=2023Q1");
    const params = Object.fromEntries(new URLSearchParams(query));
    expect(parseMetricPageParams(params)).toEqual({ ok: true, value: state });
  });
});
