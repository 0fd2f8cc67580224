import { describe, expect, it, vi } from "vitest";
import { QuarterCodeSchema } from "@/lib/domain/fields";
import {
  compareQuarters,
  currentQuarter,
  isQuarterCode,
  MAX_YEAR,
  MIN_YEAR,
  parseQuarter,
  type QuarterCode,
  quarterCode,
  quarterEndDate,
  quarterFromIndex,
  quarterIndex,
  quarterLabel,
  quarterOfDate,
  quarterRange,
  shiftQuarter,
} from "@/lib/domain/quarter";

describe("isQuarterCode", () => {
  it("accepts a four-digit year followed by Q1 to Q4", () => {
    expect(isQuarterCode("2025Q1")).toBe(true);
    expect(isQuarterCode("2025Q3")).toBe(true);
    expect(isQuarterCode("2025Q4")).toBe(true);
  });

  it("rejects quarter numbers outside 1-4", () => {
    expect(isQuarterCode("2025Q0")).toBe(false);
    expect(isQuarterCode("2025Q5")).toBe(false);
  });

  it("rejects other spellings of a quarter", () => {
    expect(isQuarterCode("2025-Q3")).toBe(false);
    expect(isQuarterCode("2025q3")).toBe(false);
    expect(isQuarterCode("Q3 2025")).toBe(false);
    expect(isQuarterCode("25Q3")).toBe(false);
    expect(isQuarterCode("2025Q3x")).toBe(false);
    expect(isQuarterCode("")).toBe(false);
  });

  it("does not trim surrounding whitespace itself", () => {
    expect(isQuarterCode(" 2025Q3 ")).toBe(false);
  });

  it("accepts the years 2000 to 2099 and rejects years outside them", () => {
    expect(MIN_YEAR).toBe(2000);
    expect(MAX_YEAR).toBe(2099);
    expect(isQuarterCode("2000Q1")).toBe(true);
    expect(isQuarterCode("2099Q4")).toBe(true);
    expect(isQuarterCode("1999Q4")).toBe(false);
    expect(isQuarterCode("2100Q1")).toBe(false);
  });
});

describe("QuarterCodeSchema", () => {
  it("parses a well-formed quarter code", () => {
    expect(QuarterCodeSchema.parse("2025Q3")).toBe("2025Q3");
  });

  it("trims surrounding whitespace before validating", () => {
    expect(QuarterCodeSchema.parse(" 2025Q3 ")).toBe("2025Q3");
    expect(QuarterCodeSchema.parse("\t2024Q1\n")).toBe("2024Q1");
  });

  it("rejects a fifth quarter", () => {
    expect(QuarterCodeSchema.safeParse("2025Q5").success).toBe(false);
  });

  it("rejects a dashed quarter", () => {
    expect(QuarterCodeSchema.safeParse("2025-Q3").success).toBe(false);
  });

  it("rejects a year before 2000", () => {
    expect(QuarterCodeSchema.safeParse("1999Q4").success).toBe(false);
  });

  it("rejects non-strings", () => {
    expect(QuarterCodeSchema.safeParse(2025).success).toBe(false);
    expect(QuarterCodeSchema.safeParse(null).success).toBe(false);
  });

  it("explains the expected format in its error message", () => {
    const result = QuarterCodeSchema.safeParse("Q3 2025");
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.issues[0]?.message).toBe(
      "must be a quarter written like 2025Q3 (year 2000-2099, quarter 1-4)",
    );
  });
});

describe("parseQuarter", () => {
  it("splits a code into year and quarter numbers", () => {
    expect(parseQuarter("2025Q3")).toEqual({ year: 2025, quarter: 3 });
    expect(parseQuarter("2000Q1")).toEqual({ year: 2000, quarter: 1 });
  });

  it("throws a RangeError for text that is not a quarter", () => {
    expect(() => parseQuarter("2025-Q3" as QuarterCode)).toThrow(RangeError);
    expect(() => parseQuarter("2025Q5" as QuarterCode)).toThrow("Not a quarter: 2025Q5");
  });
});

describe("quarterCode", () => {
  it("builds a code from year and quarter", () => {
    expect(quarterCode(2025, 3)).toBe("2025Q3");
    expect(quarterCode(2024, 1)).toBe("2024Q1");
  });

  it("throws for a quarter outside 1-4", () => {
    expect(() => quarterCode(2025, 0)).toThrow(RangeError);
    expect(() => quarterCode(2025, 5)).toThrow(RangeError);
  });

  it("throws for a non-integer year or quarter", () => {
    expect(() => quarterCode(2025, 2.5)).toThrow(RangeError);
    expect(() => quarterCode(2025.5, 2)).toThrow(RangeError);
    expect(() => quarterCode(Number.NaN, 1)).toThrow(RangeError);
  });
});

describe("quarterIndex and quarterFromIndex", () => {
  it("numbers quarters as year * 4 + (quarter - 1)", () => {
    expect(quarterIndex("2025Q1")).toBe(8100);
    expect(quarterIndex("2025Q3")).toBe(8102);
  });

  it("gives consecutive quarters across a year boundary consecutive indexes", () => {
    expect(quarterIndex("2024Q1") - quarterIndex("2023Q4")).toBe(1);
  });

  it("turns an index back into its quarter", () => {
    expect(quarterFromIndex(8100)).toBe("2025Q1");
    expect(quarterFromIndex(8102)).toBe("2025Q3");
    expect(quarterFromIndex(8099)).toBe("2024Q4");
  });

  it("round-trips every quarter of a few years", () => {
    for (const code of ["2023Q1", "2023Q2", "2023Q3", "2023Q4", "2024Q1"] as const) {
      expect(quarterFromIndex(quarterIndex(code))).toBe(code);
    }
  });
});

describe("shiftQuarter", () => {
  it("steps back from Q1 into Q4 of the previous year", () => {
    expect(shiftQuarter("2024Q1", -1)).toBe("2023Q4");
  });

  it("steps forward from Q4 into Q1 of the next year", () => {
    expect(shiftQuarter("2023Q4", 1)).toBe("2024Q1");
  });

  it("moves four quarters back to the same quarter a year earlier", () => {
    expect(shiftQuarter("2025Q1", -4)).toBe("2024Q1");
    expect(shiftQuarter("2025Q3", -4)).toBe("2024Q3");
  });

  it("moves several years at once", () => {
    expect(shiftQuarter("2025Q3", 6)).toBe("2027Q1");
    expect(shiftQuarter("2025Q3", -11)).toBe("2022Q4");
  });

  it("returns the same quarter for a zero shift", () => {
    expect(shiftQuarter("2025Q2", 0)).toBe("2025Q2");
  });
});

describe("quarterLabel", () => {
  it('reads "Q3 2025" for 2025Q3', () => {
    expect(quarterLabel("2025Q3")).toBe("Q3 2025");
  });

  it('reads "Q1 2000" for 2000Q1', () => {
    expect(quarterLabel("2000Q1")).toBe("Q1 2000");
  });
});

describe("quarterRange", () => {
  it("lists every quarter between the bounds, both included, across a year boundary", () => {
    expect(quarterRange("2024Q3", "2025Q2")).toEqual(["2024Q3", "2024Q4", "2025Q1", "2025Q2"]);
  });

  it("gives a single quarter when both bounds are the same", () => {
    expect(quarterRange("2025Q3", "2025Q3")).toEqual(["2025Q3"]);
  });

  it("is empty when from is after to", () => {
    expect(quarterRange("2025Q3", "2025Q2")).toEqual([]);
  });

  it("covers whole years with four quarters each", () => {
    expect(quarterRange("2022Q1", "2024Q4")).toHaveLength(12);
  });
});

describe("compareQuarters", () => {
  it("orders earlier quarters before later ones", () => {
    expect(compareQuarters("2024Q4", "2025Q1")).toBeLessThan(0);
    expect(compareQuarters("2025Q1", "2024Q4")).toBeGreaterThan(0);
    expect(compareQuarters("2025Q1", "2025Q1")).toBe(0);
  });

  it("sorts chronologically, not as text", () => {
    const codes: QuarterCode[] = ["2025Q1", "2023Q4", "2024Q2", "2024Q1"];
    expect([...codes].sort(compareQuarters)).toEqual(["2023Q4", "2024Q1", "2024Q2", "2025Q1"]);
  });
});

describe("quarterEndDate", () => {
  it("gives the last calendar day of each quarter", () => {
    expect(quarterEndDate("2025Q1")).toBe("2025-03-31");
    expect(quarterEndDate("2025Q2")).toBe("2025-06-30");
    expect(quarterEndDate("2025Q3")).toBe("2025-09-30");
    expect(quarterEndDate("2025Q4")).toBe("2025-12-31");
  });
});

describe("quarterOfDate", () => {
  it("maps a year-month to its quarter", () => {
    expect(quarterOfDate("2025-05")).toBe("2025Q2");
    expect(quarterOfDate("2025-01")).toBe("2025Q1");
    expect(quarterOfDate("2025-12")).toBe("2025Q4");
  });

  it("maps the first and last days of a quarter to that quarter", () => {
    expect(quarterOfDate("2025-01-01")).toBe("2025Q1");
    expect(quarterOfDate("2025-03-31")).toBe("2025Q1");
    expect(quarterOfDate("2025-04-01")).toBe("2025Q2");
    expect(quarterOfDate("2025-09-30")).toBe("2025Q3");
    expect(quarterOfDate("2025-10-01")).toBe("2025Q4");
    expect(quarterOfDate("2025-12-31")).toBe("2025Q4");
  });

  it("returns the quarter whose end date it is", () => {
    for (const code of ["2024Q1", "2024Q2", "2024Q3", "2024Q4"] as const) {
      expect(quarterOfDate(quarterEndDate(code))).toBe(code);
    }
  });

  it("throws for text that does not start with YYYY-MM", () => {
    expect(() => quarterOfDate("May 2025")).toThrow(RangeError);
    expect(() => quarterOfDate("2025/05/01")).toThrow("Not a date: 2025/05/01");
  });

  it("throws for a month outside 01-12", () => {
    expect(() => quarterOfDate("2025-13")).toThrow(RangeError);
    expect(() => quarterOfDate("2025-00")).toThrow(RangeError);
  });
});

describe("currentQuarter", () => {
  it("gives the quarter containing the given instant", () => {
    expect(currentQuarter(new Date(Date.UTC(2025, 4, 15)))).toBe("2025Q2");
    expect(currentQuarter(new Date(Date.UTC(2025, 11, 31)))).toBe("2025Q4");
  });

  it("uses UTC, not local time, at a quarter boundary", () => {
    expect(currentQuarter(new Date("2025-03-31T23:59:59Z"))).toBe("2025Q1");
    expect(currentQuarter(new Date("2025-04-01T00:00:00Z"))).toBe("2025Q2");
    expect(currentQuarter(new Date("2024-12-31T23:30:00Z"))).toBe("2024Q4");
  });

  it("defaults to the current time", () => {
    vi.useFakeTimers();
    try {
      vi.setSystemTime(new Date("2025-08-01T12:00:00Z"));
      expect(currentQuarter()).toBe("2025Q3");
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("quarter labels in Chinese", () => {
  it("writes 2025Q3 as 2025年Q3, as the Chinese financial press does", () => {
    expect(quarterLabel("2025Q3", "zh")).toBe("2025年Q3");
    expect(quarterLabel("2025Q3")).toBe("Q3 2025");
  });
});
