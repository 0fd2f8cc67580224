import { describe, expect, it } from "vitest";
import { fill } from "@/i18n/fill";
import en from "@/messages/en.charts-signals.json";
import zh from "@/messages/zh.charts-signals.json";

describe("chart text", () => {
  it("fills every placeholder it is given and leaves unknown ones visible", () => {
    expect(fill(en.TrendChart.eventsIn, { label: "Q3 2024" })).toBe("Events in Q3 2024");
    expect(fill(zh.TrendChart.axisStarts, { value: "60%" })).toBe("纵轴起点为 60%，非零");
    expect(fill("{a} and {b}", { a: 1 })).toBe("1 and {b}");
  });

  it("hands the client charts only simple placeholders, which fill can handle", () => {
    // Plurals and selects need next-intl, which only the server components have.
    for (const catalog of [en, zh]) {
      for (const namespace of ["TrendChart", "MiniTrendChart", "SeasonalChart", "CompareChart"]) {
        const text = JSON.stringify(catalog[namespace as keyof typeof catalog]);
        expect(text, namespace).not.toMatch(/\{\w+,/);
      }
    }
  });
});
