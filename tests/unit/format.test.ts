import { describe, expect, it } from "vitest";
import {
  changeTone,
  changeUnit,
  formatAxisNumber,
  formatChangeAbsolute,
  formatChangeHeadline,
  formatChartChange,
  formatNumber,
  formatValue,
  QUALIFIER_MARKS,
  QUALIFIER_WORDS,
  qualifierWord,
  roundTo,
  splitUnit,
  unitLabel,
} from "@/lib/domain/format";
import type { Change } from "@/lib/domain/kpi";
import type { Qualifier } from "@/lib/domain/types";

function relative(pct: number | null, abs = 0, approximate = false): Change {
  return { kind: "relative", pct, abs, approximate };
}

function points(pp: number, approximate = false): Change {
  return { kind: "points", pp, approximate };
}

describe("splitUnit", () => {
  it("puts a three-letter currency before the number and the scale after it", () => {
    expect(splitUnit("RMB bn")).toEqual({ prefix: "RMB ", suffix: " bn" });
    expect(splitUnit("USD m")).toEqual({ prefix: "USD ", suffix: " m" });
  });

  it("puts a percent sign straight after the number", () => {
    expect(splitUnit("%")).toEqual({ prefix: "", suffix: "%" });
  });

  it("puts any other unit after the number, separated by a space", () => {
    expect(splitUnit("M users")).toEqual({ prefix: "", suffix: " M users" });
    expect(splitUnit("stores")).toEqual({ prefix: "", suffix: " stores" });
  });

  it("adds nothing for an empty unit", () => {
    expect(splitUnit("")).toEqual({ prefix: "", suffix: "" });
  });
});

describe("qualifier marks and words", () => {
  it("marks approximate with ≈ and at-least with >, exact with nothing", () => {
    expect(QUALIFIER_MARKS).toEqual({ exact: "", approximate: "≈ ", at_least: "> " });
  });

  it("spells the qualifiers out", () => {
    expect(QUALIFIER_WORDS).toEqual({
      exact: "exact",
      approximate: "approximately",
      at_least: "more than",
    });
  });
});

describe("formatNumber", () => {
  it("groups thousands with commas and pads to the given decimals", () => {
    expect(formatNumber(1234567.8, 2)).toBe("1,234,567.80");
    expect(formatNumber(6, 1)).toBe("6.0");
  });

  it("rounds to the given decimals", () => {
    expect(formatNumber(1035.5, 0)).toBe("1,036");
    expect(formatNumber(22.26168, 1)).toBe("22.3");
  });

  it("treats negative decimals as zero", () => {
    expect(formatNumber(12.7, -1)).toBe("13");
  });
});

describe("formatValue", () => {
  it('writes a currency amount as "RMB 113.1 bn"', () => {
    expect(formatValue(113.1, "RMB bn", 1)).toBe("RMB 113.1 bn");
  });

  it('writes a count with a unit as "741.7 M users"', () => {
    expect(formatValue(741.7, "M users", 1)).toBe("741.7 M users");
  });

  it('writes an approximate value as "≈ 15,000 stores"', () => {
    expect(formatValue(15000, "stores", 0, "approximate")).toBe("≈ 15,000 stores");
  });

  it('writes an at-least value as "> 12,000 stores"', () => {
    expect(formatValue(12000, "stores", 0, "at_least")).toBe("> 12,000 stores");
  });

  it('writes a percentage as "11.1%"', () => {
    expect(formatValue(11.1, "%", 1)).toBe("11.1%");
    expect(formatValue(11.1, "%", 1, "approximate")).toBe("≈ 11.1%");
  });

  it("keeps the digits the source states, padding with zeros", () => {
    expect(formatValue(6, "%", 1)).toBe("6.0%");
    expect(formatValue(92.5065, "RMB bn", 4)).toBe("RMB 92.5065 bn");
  });

  it("puts the minus sign before the currency", () => {
    expect(formatValue(-2.5, "RMB bn", 1)).toBe("-RMB 2.5 bn");
    expect(formatValue(-3.2, "%", 1)).toBe("-3.2%");
    expect(formatValue(-1500, "stores", 0)).toBe("-1,500 stores");
  });

  it("writes a bare number when there is no unit", () => {
    expect(formatValue(1234, "", 0)).toBe("1,234");
  });

  it("writes zero without a sign", () => {
    expect(formatValue(0, "RMB bn", 1)).toBe("RMB 0.0 bn");
    expect(formatValue(-0, "%", 1)).toBe("0.0%");
  });

  it("writes a negative value that rounds to zero without a minus sign", () => {
    expect(formatValue(-0.04, "%", 1)).toBe("0.0%");
    expect(formatValue(-0.4, "RMB bn", 0)).toBe("RMB 0 bn");
  });
});

describe("formatChangeHeadline", () => {
  it('writes a growth of 22.26% as "+22.3%"', () => {
    expect(formatChangeHeadline(relative(22.261679, 20.5935))).toBe("+22.3%");
  });

  it('writes a decline as "-5.0%"', () => {
    expect(formatChangeHeadline(relative(-5.04, -3))).toBe("-5.0%");
    expect(formatChangeHeadline(relative(-150, -15))).toBe("-150.0%");
  });

  it('writes a ratio change in points as "-0.6 pp"', () => {
    expect(formatChangeHeadline(points(-0.6))).toBe("-0.6 pp");
    expect(formatChangeHeadline(points(2))).toBe("+2.0 pp");
  });

  it('writes "n.m." when the percentage is withheld', () => {
    expect(formatChangeHeadline(relative(null, 5))).toBe("n.m.");
    expect(formatChangeHeadline(relative(null, 5, true))).toBe("n.m.");
  });

  it('prefixes an approximate change with "≈ "', () => {
    expect(formatChangeHeadline(relative(25, 3000, true))).toBe("≈ +25.0%");
    expect(formatChangeHeadline(points(-0.6, true))).toBe("≈ -0.6 pp");
  });

  it("writes no change without a sign", () => {
    expect(formatChangeHeadline(relative(0))).toBe("0.0%");
    expect(formatChangeHeadline(points(0))).toBe("0.0 pp");
  });

  it("writes a change that rounds to zero without a sign", () => {
    expect(formatChangeHeadline(relative(0.04, 1))).toBe("0.0%");
    expect(formatChangeHeadline(relative(-0.04, -1))).toBe("0.0%");
    expect(formatChangeHeadline(points(-0.049))).toBe("0.0 pp");
  });

  it("signs a change that rounds away from zero the same way either side", () => {
    expect(formatChangeHeadline(relative(0.05, 1))).toBe("+0.1%");
    expect(formatChangeHeadline(relative(-0.05, -1))).toBe("-0.1%");
  });
});

describe("formatChangeAbsolute", () => {
  it('writes the absolute part of a revenue change as "+RMB 20.6 bn"', () => {
    // 113.1 - 92.5065 = 20.5935
    expect(formatChangeAbsolute(relative(22.26, 20.5935), "RMB bn", 1)).toBe("+RMB 20.6 bn");
  });

  it("writes a fall with a leading minus", () => {
    expect(formatChangeAbsolute(relative(-5, -3.2), "M users", 1)).toBe("-3.2 M users");
    expect(formatChangeAbsolute(relative(-20, -20), "RMB bn", 1)).toBe("-RMB 20.0 bn");
  });

  it("gives the absolute change even when the percentage is withheld", () => {
    expect(formatChangeAbsolute(relative(null, 15), "RMB bn", 1)).toBe("+RMB 15.0 bn");
  });

  it("groups thousands in the metric's unit", () => {
    expect(formatChangeAbsolute(relative(25, 3000), "stores", 0)).toBe("+3,000 stores");
  });

  it("writes a ratio's points change in the metric's unit", () => {
    expect(formatChangeAbsolute(points(-0.6), "%", 1)).toBe("-0.6%");
  });

  it("writes no change, or one that rounds to zero, without a sign", () => {
    expect(formatChangeAbsolute(relative(0, 0), "RMB bn", 1)).toBe("RMB 0.0 bn");
    expect(formatChangeAbsolute(relative(-0.01, -0.04), "RMB bn", 1)).toBe("RMB 0.0 bn");
    expect(formatChangeAbsolute(relative(0.01, 0.4), "stores", 0)).toBe("0 stores");
  });

  it("rounds halves away from zero the same way for rises and falls", () => {
    expect(formatChangeAbsolute(relative(1, 3.25), "M users", 1)).toBe("+3.3 M users");
    expect(formatChangeAbsolute(relative(-1, -3.25), "M users", 1)).toBe("-3.3 M users");
  });
});

describe("changeTone", () => {
  it("is good for a rise when higher is better", () => {
    expect(changeTone(5, true)).toBe("good");
  });

  it("is bad for a fall when higher is better", () => {
    expect(changeTone(-5, true)).toBe("bad");
  });

  it("is bad for a rise when lower is better", () => {
    expect(changeTone(5, false)).toBe("bad");
  });

  it("is good for a fall when lower is better", () => {
    expect(changeTone(-0.6, false)).toBe("good");
  });

  it("is neutral without a magnitude", () => {
    expect(changeTone(null, true)).toBe("neutral");
    expect(changeTone(null, false)).toBe("neutral");
  });

  it("is neutral for a change that shows as 0.0", () => {
    expect(changeTone(0, true)).toBe("neutral");
    expect(changeTone(0.04, true)).toBe("neutral");
    expect(changeTone(-0.04, false)).toBe("neutral");
  });

  it("takes a side as soon as the change shows as 0.1", () => {
    expect(changeTone(0.05, true)).toBe("good");
    expect(changeTone(-0.05, true)).toBe("bad");
  });
});

describe("formatAxisNumber", () => {
  it("writes hundreds and thousands as whole numbers with commas", () => {
    expect(formatAxisNumber(1035.5)).toBe("1,036");
    expect(formatAxisNumber(100)).toBe("100");
    expect(formatAxisNumber(9999)).toBe("9,999");
  });

  it("writes ten thousand and more in thousands", () => {
    expect(formatAxisNumber(108796)).toBe("109k");
    expect(formatAxisNumber(10000)).toBe("10k");
    expect(formatAxisNumber(-108796)).toBe("-109k");
  });

  it("writes a million and more in millions with one decimal", () => {
    expect(formatAxisNumber(2_500_000)).toBe("2.5M");
    expect(formatAxisNumber(1_000_000)).toBe("1M");
    expect(formatAxisNumber(12_340_000)).toBe("12.3M");
  });

  it("switches unit where the smaller one would round up to the next", () => {
    expect(formatAxisNumber(999_499)).toBe("999k");
    expect(formatAxisNumber(999_999)).toBe("1M");
    expect(formatAxisNumber(9_999.6)).toBe("10k");
  });

  it("writes tens with at most one decimal", () => {
    expect(formatAxisNumber(12.34)).toBe("12.3");
    expect(formatAxisNumber(12)).toBe("12");
    expect(formatAxisNumber(-45.5)).toBe("-45.5");
  });

  it("writes small numbers with at most two decimals, dropping trailing zeros", () => {
    expect(formatAxisNumber(1.5)).toBe("1.5");
    expect(formatAxisNumber(3)).toBe("3");
    expect(formatAxisNumber(0.25)).toBe("0.25");
    expect(formatAxisNumber(0.126)).toBe("0.13");
    expect(formatAxisNumber(-0.5)).toBe("-0.5");
  });

  it('writes zero as "0", never "-0"', () => {
    expect(formatAxisNumber(0)).toBe("0");
    expect(formatAxisNumber(-0)).toBe("0");
    expect(formatAxisNumber(-0.001)).toBe("0");
  });
});

describe("roundTo", () => {
  it("rounds to the given decimals", () => {
    expect(roundTo(22.261679, 1)).toBe(22.3);
    expect(roundTo(1234.5678, 2)).toBe(1234.57);
    expect(roundTo(108.796, 0)).toBe(109);
  });

  it("never returns -0", () => {
    expect(Object.is(roundTo(-0.04, 1), 0)).toBe(true);
    expect(Object.is(roundTo(-0.4, 0), 0)).toBe(true);
    expect(Object.is(roundTo(-0, 2), 0)).toBe(true);
  });

  it("rounds halves away from zero on both sides", () => {
    expect(roundTo(2.5, 0)).toBe(3);
    expect(roundTo(-2.5, 0)).toBe(-3);
    expect(roundTo(0.05, 1)).toBe(0.1);
    expect(roundTo(-0.05, 1)).toBe(-0.1);
  });

  it("keeps negative values negative", () => {
    expect(roundTo(-22.261679, 1)).toBe(-22.3);
  });
});

describe("chart change labels", () => {
  it("labels ratio changes in percentage points and others in percent, one decimal, signed", () => {
    expect(formatChartChange(22.2617, "flow")).toBe("+22.3%");
    expect(formatChartChange(-0.6, "ratio")).toBe("-0.6 pp");
    expect(formatChartChange(0, "stock")).toBe("0.0%");
    expect(changeUnit("ratio")).toBe("pp");
    expect(changeUnit("stock")).toBe("%");
  });
});

describe("Chinese amounts (亿 and 万)", () => {
  const zh = (value: number, unit: string, decimals: number, qualifier: Qualifier = "exact") =>
    formatValue(value, unit, decimals, qualifier, "zh");

  it("counts money in 亿元 and people in 亿, as Chinese reports do", () => {
    expect(zh(113.1, "RMB bn", 1)).toBe("1,131 亿元");
    expect(zh(741.7, "M users", 1)).toBe("7.42 亿用户");
    expect(zh(43.3, "M units", 1)).toBe("4,330 万台");
    expect(zh(108796, "vehicles", 0)).toBe("10.88 万辆");
    // English keeps its own form.
    expect(formatValue(113.1, "RMB bn", 1, "exact", "en")).toBe("RMB 113.1 bn");
  });

  it("moves to 万 at 10,000 and to 亿 at 10,000 万, after rounding", () => {
    expect(zh(9999, "vehicles", 0)).toBe("9,999 辆");
    expect(zh(10000, "vehicles", 0)).toBe("1 万辆");
    expect(zh(99_999_999, "vehicles", 0)).toBe("1 亿辆");
    expect(zh(99_994_999, "vehicles", 0)).toBe("9,999.5 万辆");
    expect(zh(100_000_000, "vehicles", 0)).toBe("1 亿辆");
    expect(zh(0.9999, "M users", 4)).toBe("99.99 万用户");
    expect(zh(0.009999, "M users", 6)).toBe("9,999 用户");
  });

  it("keeps the source's stated decimals, at most two of 亿 or 万, and drops empty zeros", () => {
    // 18,000 stated whole: its zeros carry no precision.
    expect(zh(18000, "stores", 0)).toBe("1.8 万家门店");
    expect(zh(700.0, "M users", 1)).toBe("7 亿用户");
    // 0.45 bn stated to the hundredth: 4.5 亿 keeps that digit.
    expect(zh(0.45, "RMB bn", 2)).toBe("4.5 亿元");
    expect(zh(1035.5, "M devices", 1)).toBe("10.36 亿台设备");
  });

  it("puts the sign before the number and the qualifier before the sign", () => {
    expect(zh(-0.5, "RMB bn", 1)).toBe("-5 亿元");
    expect(zh(-12.34, "RMB bn", 2, "approximate")).toBe("≈ -123.4 亿元");
    expect(zh(10.8, "RMB bn", 1, "at_least")).toBe("> 108 亿元");
    expect(zh(18000, "stores", 0, "approximate")).toBe("≈ 1.8 万家门店");
  });

  it("leaves percentages alone", () => {
    expect(zh(22.3, "%", 1)).toBe("22.3%");
    expect(zh(-0.04, "%", 1)).toBe("0.0%");
  });

  it("writes points as 个百分点 and a meaningless percentage as 无意义", () => {
    expect(formatChangeHeadline(points(-0.6), "zh")).toBe("-0.6 个百分点");
    expect(formatChangeHeadline(points(1.25, true), "zh")).toBe("≈ +1.3 个百分点");
    expect(formatChangeHeadline(relative(22.26, 20.6), "zh")).toBe("+22.3%");
    expect(formatChangeHeadline(relative(null), "zh")).toBe("无意义");
    expect(formatChartChange(-0.6, "ratio", "zh")).toBe("-0.6 个百分点");
    expect(formatChartChange(5, "flow", "zh")).toBe("+5.0%");
  });

  it("states an absolute change in 亿 too", () => {
    expect(formatChangeAbsolute(relative(22.3, 20.6), "RMB bn", 1, "zh")).toBe("+206 亿元");
    expect(formatChangeAbsolute(relative(-3, -2.5), "RMB bn", 1, "zh")).toBe("-25 亿元");
  });

  it("names a unit in its stored scale for headings and axes", () => {
    expect(unitLabel("RMB bn", "zh")).toBe("十亿元");
    expect(unitLabel("M users", "zh")).toBe("百万用户");
    expect(unitLabel("vehicles", "zh")).toBe("辆");
    expect(unitLabel("%", "zh")).toBe("%");
    expect(unitLabel("RMB bn", "en")).toBe("RMB bn");
  });

  it("says the derived metrics' per-user rates in Chinese, in values and labels", () => {
    expect(formatValue(153.2, "RMB/user", 1, "exact", "zh")).toBe("153.2 元/用户");
    expect(formatValue(1.4, "devices/user", 2, "exact", "zh")).toBe("1.40 台/用户");
    expect(unitLabel("RMB/user", "zh")).toBe("元/用户");
    expect(unitLabel("devices/user", "en")).toBe("devices/user");
    expect(formatValue(153.2, "RMB/user", 1)).toBe("153.2 RMB/user");
  });

  it("spells the qualifiers out in Chinese", () => {
    expect(qualifierWord("approximate", "zh")).toBe("约");
    expect(qualifierWord("at_least", "zh")).toBe("超过");
    expect(qualifierWord("at_least")).toBe("more than");
  });
});
