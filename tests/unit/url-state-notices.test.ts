import { describe, expect, it } from "vitest";
import {
  parseQuarterFormParams,
  parseSavedNotice,
  parseWithdrawnNotice,
  quarterFormHref,
  savedNoticeHref,
} from "@/lib/url-state";

describe("the saved-quarter notice in the overview URL", () => {
  it("round-trips through the link the form redirects to", () => {
    const href = savedNoticeHref("xiaomi", "2025Q4", 1_764_300_000_123);
    const params = Object.fromEntries(new URL(href, "http://x").searchParams);
    expect(params.brand).toBe("xiaomi");
    expect(parseSavedNotice(params)).toEqual({ quarter: "2025Q4", savedAt: 1_764_300_000_123 });
  });

  it("is ignored, not an error page, when malformed or repeated", () => {
    expect(parseSavedNotice({ saved: "2025-Q4", at: "1" })).toBeNull();
    expect(parseSavedNotice({ saved: "2025Q4", at: "soon" })).toBeNull();
    expect(parseSavedNotice({ saved: ["2025Q4", "2025Q3"], at: "1" })).toBeNull();
    expect(parseSavedNotice({})).toBeNull();
    expect(parseWithdrawnNotice({ withdrawn: "<script>" })).toBeNull();
    expect(parseWithdrawnNotice({ withdrawn: "2024Q4" })).toBe("2024Q4");
  });
});

describe("the quarter form's URL", () => {
  it("defaults the brand and takes an optional quarter to prefill", () => {
    expect(parseQuarterFormParams({})).toEqual({
      ok: true,
      value: { brand: "xiaomi", quarter: null },
    });
    expect(parseQuarterFormParams({ brand: "xiaomi", quarter: "2025Q3" })).toEqual({
      ok: true,
      value: { brand: "xiaomi", quarter: "2025Q3" },
    });
    expect(quarterFormHref("xiaomi", "2025Q3")).toBe("/quarters/new?brand=xiaomi&quarter=2025Q3");
  });

  it("names a malformed quarter instead of guessing", () => {
    const parsed = parseQuarterFormParams({ quarter: "Q3-2025" });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems.map((problem) => problem.param)).toEqual(["quarter"]);
  });
});
