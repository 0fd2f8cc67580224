import { describe, expect, it } from "vitest";
import { classifyFigureChange, unchangedFigureMessage } from "@/lib/domain/figure-change";

const stored = { value: 113.1, decimals: 1, qualifier: "exact" as const, sourceId: 7 };

describe("classifyFigureChange", () => {
  it("is a new figure when nothing is stored, or the stored one was withdrawn", () => {
    expect(classifyFigureChange(null, { ...stored, sourceId: 1 })).toBe("new");
    expect(classifyFigureChange({ ...stored, value: null }, stored)).toBe("new");
  });

  it("is unchanged for the same value, decimals, qualifier and source", () => {
    expect(classifyFigureChange(stored, { ...stored })).toBe("unchanged");
  });

  it("is a source update when only the source differs", () => {
    expect(classifyFigureChange(stored, { ...stored, sourceId: 8 })).toBe("source_update");
    const quoted = { ...stored, quote: "revenue of RMB113.1 billion" };
    expect(classifyFigureChange(quoted, { ...quoted, quote: "RMB113.1bn" })).toBe("source_update");
    expect(classifyFigureChange(quoted, { ...stored })).toBe("unchanged");
  });

  it("is a restatement when the value, its stated decimals or the qualifier differ", () => {
    expect(classifyFigureChange(stored, { ...stored, value: 113.2 })).toBe("restatement");
    expect(classifyFigureChange(stored, { ...stored, value: 113.1, decimals: 2 })).toBe(
      "restatement",
    );
    expect(classifyFigureChange(stored, { ...stored, qualifier: "approximate" })).toBe(
      "restatement",
    );
  });
});

describe("unchangedFigureMessage", () => {
  it("names the metric and quarter and says that nothing would change", () => {
    expect(unchangedFigureMessage("Total revenue", "Q3 2025")).toMatch(
      /^Total revenue for Q3 2025 is already stored .* would change nothing/,
    );
  });
});
