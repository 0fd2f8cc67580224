import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CONFIRMATION_WORDS_EN, describeConfirmation } from "@/lib/domain/confirmation-text";
import { requiredConfirmations } from "@/lib/domain/confirmations";

const REVENUE = { label: "Total revenue", unit: "RMB bn" };

describe("a confirmation as one sentence", () => {
  const [restatement, extreme] = requiredConfirmations({
    quarter: "2025Q3",
    figures: [
      { metricKey: "revenue", kind: "flow", next: { value: 250, decimals: 0, qualifier: "exact" } },
    ],
    current: new Map([
      [
        "revenue",
        {
          value: 113.1,
          decimals: 1,
          qualifier: "exact",
          revision: 2,
          source: { title: "Q3 results", url: "https://example.com/q3", publishedOn: null },
          createdBy: "Ada",
          createdAt: "2025-11-18T09:00:00.000Z",
        },
      ],
    ]),
    yearAgo: new Map([["revenue", { value: 92.5, decimals: 1, qualifier: "exact" }]]),
  });

  it("names the stored figure, its source, who entered it and the revision a restatement makes", () => {
    expect(restatement && describeConfirmation(restatement, REVENUE)).toBe(
      'Total revenue, Q3 2025: restatement. The stored figure is RMB 113.1 bn from "Q3 results" (https://example.com/q3), entered by Ada on 2025-11-18. Saving RMB 250 bn makes it revision 3; the stored figure stays as history.',
    );
  });

  it("gives an extreme change with its year-ago base and the quarter compared", () => {
    expect(extreme && describeConfirmation(extreme, REVENUE)).toMatch(
      /^Total revenue, Q3 2025: \+170\.3% year over year, RMB 250 bn against RMB 92\.5 bn in Q3 2024\. That is an unusually large change/,
    );
  });

  const catalog = (locale: string) =>
    JSON.parse(
      readFileSync(path.join(process.cwd(), "messages", `${locale}.form-messages.json`), "utf8"),
    ).ConfirmationSentence;

  it("keeps the API's English default equal to the English catalog", () => {
    expect(catalog("en")).toEqual(CONFIRMATION_WORDS_EN);
  });

  it("says a restatement and an extreme change in Chinese, in 亿 and 年Q quarters", () => {
    const zh = catalog("zh");
    expect(
      restatement &&
        describeConfirmation(restatement, { label: "总收入", unit: "RMB bn" }, zh, "zh"),
    ).toBe(
      "总收入，2025年Q3：重述。已存数据为 1,131 亿元，来源：“Q3 results”（https://example.com/q3），由 Ada 于 2025-11-18 录入。保存 2,500 亿元 将生成第 3 版；原数据作为历史保留。",
    );
    expect(
      extreme && describeConfirmation(extreme, { label: "总收入", unit: "RMB bn" }, zh, "zh"),
    ).toBe(
      "总收入，2025年Q3：同比 +170.3%，2,500 亿元，对比2024年Q3的 925 亿元。变化幅度异常：请对照来源核对。",
    );
  });
});
