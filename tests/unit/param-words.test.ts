import { describe, expect, it } from "vitest";
import { parseAuditFilter } from "@/lib/domain/audit-filter";
import { parseExportParams } from "@/lib/export-params";
import { paramProblemText } from "@/lib/param-words";
import { type ParamProblem, parseCompareParams, parseMetricPageParams } from "@/lib/url-state";

function problemsOf(parsed: { ok: true } | { ok: false; problems: ParamProblem[] }) {
  return parsed.ok ? [] : parsed.problems;
}

// Problems the parsers really produce: the catalog's English templates must keep matching them.
const problems: ParamProblem[] = [
  ...problemsOf(
    parseMetricPageParams({
      view: "pie",
      events: "maybe",
      compare: "3y",
      lang: "fr",
      brand: "Not A Slug",
      from: "2025Q9",
      rows: "20",
    }),
  ),
  ...problemsOf(parseMetricPageParams({ from: "2025Q4", to: "2025Q1" })),
  ...problemsOf(parseMetricPageParams({ view: ["bars", "annual"] })),
  ...problemsOf(parseCompareParams({ brands: "xiaomi,xiaomi", metrics: "a,b,c,d,e", mode: "x" })),
  ...problemsOf(parseExportParams({ colour: "red" })),
  ...problemsOf(parseExportParams({ bom: "2", history: "1", format: "wide" })),
  ...problemsOf(parseAuditFilter({ from: "31/10/2025", brand: "Xiaomi!", action: "Create" })),
];

describe("query-string problems in the reader's language", () => {
  it("says every problem the parsers produce in Chinese, and leaves English as it is", () => {
    expect(problems.length).toBeGreaterThanOrEqual(14);
    for (const { message } of problems) {
      expect(paramProblemText(message, "en")).toBe(message);
      const chinese = paramProblemText(message, "zh");
      expect(chinese, message).not.toBe(message);
      expect(chinese, message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("carries the values over", () => {
    expect(paramProblemText("must be one of bars, seasonal, annual", "zh")).toBe(
      "须为以下之一：bars, seasonal, annual",
    );
    expect(paramProblemText("must name at most 4 metrics", "zh")).toBe("最多指定 4 个指标");
    expect(paramProblemText("must be a date like 2025-10-31", "zh")).toBe(
      "须为 2025-10-31 这样的日期",
    );
  });

  it("shows a sentence the catalog does not know as it is", () => {
    expect(paramProblemText("is something new", "zh")).toBe("is something new");
  });
});
