import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  isProfitLike,
  parseUnit,
  valueRuleFor,
  valueRuleProblem,
} from "@/lib/domain/metric-bounds";
import { parseSeedFiles } from "@/lib/seed/seed-files";

describe("parseUnit", () => {
  it.each([
    ["RMB bn", { currency: "RMB", scale: "bn", noun: "" }],
    ["USD M", { currency: "USD", scale: "M", noun: "" }],
    ["M users", { currency: null, scale: "M", noun: "users" }],
    ["M units", { currency: null, scale: "M", noun: "units" }],
    ["stores", { currency: null, scale: null, noun: "stores" }],
    ["vehicles", { currency: null, scale: null, noun: "vehicles" }],
  ])("reads %s", (unit, expected) => {
    expect(parseUnit(unit)).toEqual(expected);
  });
});

describe("valueRuleFor", () => {
  const money = { key: "revenue", label: "Total revenue", unit: "RMB bn", kind: "flow" } as const;

  it("keeps money non-negative unless the metric is profit-like", () => {
    expect(valueRuleFor(money)).toMatchObject({ min: 0, max: 10_000, whole: false });
    expect(
      valueRuleFor({ ...money, key: "adjusted_net_profit", label: "Adjusted net profit" }),
    ).toMatchObject({ min: -10_000, max: 10_000 });
    expect(valueRuleFor({ ...money, unit: "RMB M" })).toMatchObject({ min: 0, max: 10_000_000 });
  });

  it("recognises profit-like metrics by key or label, not by a list of keys", () => {
    expect(isProfitLike({ key: "operating_income", label: "Operating income" })).toBe(true);
    expect(isProfitLike({ key: "x", label: "Net loss" })).toBe(true);
    expect(isProfitLike({ key: "free_cash_flow", label: "FCF" })).toBe(true);
    expect(isProfitLike({ key: "ebitda", label: "EBITDA" })).toBe(true);
    expect(isProfitLike({ key: "revenue", label: "Total revenue" })).toBe(false);
    expect(isProfitLike({ key: "ev_segment_revenue", label: "Smart EV revenue" })).toBe(false);
  });

  it("bounds a percentage between -100 and 100", () => {
    expect(
      valueRuleFor({ key: "margin", label: "Gross margin", unit: "%", kind: "ratio" }),
    ).toMatchObject({ min: -100, max: 100, whole: false });
  });

  it("keeps counts non-negative, people below ten billion, and unscaled counts whole", () => {
    expect(
      valueRuleFor({ key: "mau", label: "MAU", unit: "M users", kind: "stock" }),
    ).toMatchObject({
      min: 0,
      max: 10_000,
      whole: false,
    });
    expect(
      valueRuleFor({ key: "iot", label: "IoT devices", unit: "M devices", kind: "stock" }),
    ).toMatchObject({ min: 0, max: 100_000, whole: false });
    expect(
      valueRuleFor({ key: "stores", label: "Stores", unit: "stores", kind: "stock" }),
    ).toMatchObject({ min: 0, whole: true });
  });

  it("gives every metric of the seeded catalog a rule its seeded figures satisfy", () => {
    const directory = path.resolve(import.meta.dirname, "../../data");
    const read = (name: string) => readFileSync(path.join(directory, name), "utf8");
    const files = parseSeedFiles({
      brands: read("brands.csv"),
      metrics: read("metrics.csv"),
      observations: read("observations.csv"),
      events: read("events.csv"),
    });
    for (const row of files.observations) {
      const metric = files.metrics.find((entry) => entry.key === row.metric);
      if (!metric) throw new Error(`no metric ${row.metric}`);
      const rule = valueRuleFor({
        key: metric.key,
        label: metric.label,
        unit: metric.unit,
        kind: metric.kind,
      });
      expect(
        valueRuleProblem(rule, Number(row.value), metric.unit),
        `${row.metric} ${row.quarter}`,
      ).toBeNull();
    }
  });
});

describe("valueRuleProblem", () => {
  const stores = valueRuleFor({ key: "s", label: "Stores", unit: "stores", kind: "stock" });

  it("accepts the bounds themselves", () => {
    expect(valueRuleProblem(stores, 0, "stores")).toBeNull();
    expect(valueRuleProblem(stores, stores.max, "stores")).toBeNull();
  });

  it("names the broken rule", () => {
    expect(valueRuleProblem(stores, -1, "stores")).toMatch(/must not be negative/);
    expect(valueRuleProblem(stores, stores.max + 1, "stores")).toMatch(/must be at most/);
    expect(valueRuleProblem(stores, 1.5, "stores")).toBe("must be a whole number of stores");
  });
});
