import { describe, expect, it } from "vitest";
import { describeConfirmation } from "@/lib/domain/confirmation-text";
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
});
