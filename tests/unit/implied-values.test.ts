import { describe, expect, it } from "vitest";
import { impliedValues, impliedYearAgo, statedPointChange } from "@/lib/domain/implied-values";
import { point } from "../support/series-fixtures";

describe("values implied by a stated change", () => {
  it("reads a rise in points when the quote names the stored value", () => {
    expect(
      statedPointChange(
        "Smartphone gross profit margin rose 3.1 percentage points to 11.2 per cent",
        11.2,
      ),
    ).toBe(3.1);
    expect(
      statedPointChange(
        "Smartphone gross margin decreased by 0.68 percentage points year-over-year to 11.47% in Q2",
        11.47,
      ),
    ).toBe(-0.68);
    expect(
      statedPointChange(
        "The gross profit margin for smartphones improved by 3.6 percent points YoY to 14.8 percent.",
        14.8,
      ),
    ).toBe(3.6);
  });

  it("reads nothing when the quote is about another number, or says both directions", () => {
    expect(
      statedPointChange("Margin rose 3.1 percentage points to 11.2 per cent", 12.0),
    ).toBeNull();
    expect(statedPointChange("Rose 1 point to 10, then fell 2 points to 10", 10)).toBeNull();
    expect(statedPointChange("Smartphone GPM came in at 11.7%", 11.7)).toBeNull();
  });

  it("gives the year-ago value of a ratio from its quote", () => {
    const q1 = {
      ...point("2023Q1", 11.2),
      quote: "Smartphone gross profit margin rose 3.1 percentage points to 11.2 per cent",
    };
    expect(impliedYearAgo("ratio", q1)).toMatchObject({
      quarter: "2022Q1",
      value: 8.1,
      basis: "quote",
    });
  });

  it("reads a year-ago level a Chinese quote names", () => {
    const q1 = {
      ...point("2025Q1", 12.41, { decimals: 2 }),
      quote: "智能手机业务毛利率由上年同期14.80%下降至12.41%,主要因核心零部件价格上涨",
    };
    expect(impliedYearAgo("ratio", q1)?.value).toBe(14.8);
  });

  it("gives a flow's year-ago value from its stated YoY percent", () => {
    const q2 = { ...point("2024Q2", 42.2), statedYoyPct: 28.1 };
    expect(impliedYearAgo("flow", q2)).toMatchObject({ quarter: "2023Q2", value: 32.94 });
    expect(impliedYearAgo("flow", point("2024Q2", 42.2))).toBeNull();
  });

  it("keeps stored quarters as stored and implies only the missing ones", () => {
    const points = [
      { ...point("2023Q1", 11.2), quote: "rose 3.1 percentage points to 11.2 per cent" },
      { ...point("2024Q1", 14.8), quote: "improved by 3.6 percent points YoY to 14.8 percent" },
    ];
    expect(impliedValues("ratio", points).map((value) => [value.quarter, value.value])).toEqual([
      ["2022Q1", 8.1],
    ]);
  });
});
