import { describe, expect, it } from "vitest";
import { CLAIM_PHRASES, CLAIM_TEXT } from "@/i18n/claim-words";
import {
  type ClaimFigure,
  type ClaimToJudge,
  claimComparisonText,
  claimTriggerText,
  formatClaimNumber,
  formatStatedClaim,
  formatVerdictDifference,
  HEDGE_TOLERANCES,
  HEDGES,
  hedgeRule,
  judgeClaim,
  sayClaimPhrase,
  sayOptionalClaimPhrase,
  verdictLabel,
} from "@/lib/domain/claims";
import { decimalDifference, roundPercent } from "@/lib/domain/decimal-math";
import { decimalsOf } from "@/lib/domain/kpi";
import type { QuarterCode } from "@/lib/domain/quarter";

let nextId = 1;
function fig(metricKey: string, quarter: QuarterCode, literal: string): ClaimFigure {
  return {
    id: nextId++,
    revision: 1,
    metricKey,
    quarter,
    value: Number(literal),
    decimals: decimalsOf(literal),
    qualifier: "exact",
  };
}

function claim(overrides: Partial<ClaimToJudge> & { stated: string }): ClaimToJudge {
  const { stated, ...rest } = overrides;
  return {
    kind: "level",
    metricKey: "m",
    metricKind: "flow",
    quarter: "2025Q3",
    comparison: null,
    statedValue: Number(stated),
    statedDecimals: decimalsOf(stated),
    statedUnit: "units",
    hedge: "exact",
    relativeMetricKey: null,
    ...rest,
  };
}

const evDeliveries = [fig("ev", "2024Q3", "39790"), fig("ev", "2025Q3", "108796")];
const mau = [fig("mau", "2024Q3", "685.8"), fig("mau", "2025Q3", "741.7")];
const shares = [fig("seg", "2025Q3", "29.0"), fig("rev", "2025Q3", "113.1")];
const stores = [fig("stores", "2024Q3", "14000")];

describe("the tolerance table", () => {
  it("widens every hedge by the rounding of the stated digits", () => {
    for (const hedge of HEDGES) {
      const tight = HEDGE_TOLERANCES[hedge].window(100, 0);
      const wide = HEDGE_TOLERANCES[hedge].window(100, 0.5);
      expect(wide.low).toBeLessThanOrEqual(tight.low);
      expect(wide.high).toBeGreaterThanOrEqual(tight.high);
      expect(HEDGE_TOLERANCES[hedge].rule.length).toBeGreaterThan(10);
    }
  });
  it("lets nearly run from 90% of the stated number up to it, also for a fall", () => {
    expect(HEDGE_TOLERANCES.nearly.window(700, 0)).toEqual({ low: 630, high: 700 });
    expect(HEDGE_TOLERANCES.nearly.window(-20, 0)).toEqual({ low: -20, high: -18 });
  });
  it("uses the rounding for about when it is larger than 5%", () => {
    expect(HEDGE_TOLERANCES.about.window(3, 0.5)).toEqual({ low: 2.5, high: 3.5 });
  });
});

describe("claim kinds × hedges × rounding edges", () => {
  const cases: {
    name: string;
    claim: ClaimToJudge;
    figures: ClaimFigure[];
    verdict: string;
    computed?: number | null;
    difference?: number | null;
    ratio?: number | null;
  }[] = [
    {
      name: '"nearly 700%" YoY vs 108,796 / 39,790 (+173.4%) is overstated by 526.6 pp',
      claim: claim({
        kind: "change",
        metricKey: "ev",
        comparison: "yoy",
        stated: "700",
        statedUnit: "%",
        hedge: "nearly",
      }),
      figures: evDeliveries,
      verdict: "overstated",
      computed: 173.4255,
      difference: 526.5745,
      ratio: 4.0363,
    },
    {
      name: '"+8.2%" vs 741.7 / 685.8 (+8.1511%) holds within the rounding of 8.2',
      claim: claim({
        kind: "change",
        metricKey: "mau",
        comparison: "yoy",
        stated: "8.2",
        statedUnit: "%",
      }),
      figures: mau,
      verdict: "holds",
      computed: 8.1511,
    },
    {
      name: '"+8.3%" vs the same figures is overstated (8.25 is above every value the inputs allow)',
      claim: claim({
        kind: "change",
        metricKey: "mau",
        comparison: "yoy",
        stated: "8.3",
        statedUnit: "%",
      }),
      figures: mau,
      verdict: "overstated",
    },
    {
      name: '"over 25%" share vs 29.0 / 113.1 (25.6%) holds',
      claim: claim({
        kind: "share",
        metricKey: "seg",
        relativeMetricKey: "rev",
        stated: "25",
        statedUnit: "%",
        hedge: "over",
      }),
      figures: shares,
      verdict: "holds",
      computed: 25.641,
    },
    {
      name: '"under 25%" share vs 25.6% is understated',
      claim: claim({
        kind: "share",
        metricKey: "seg",
        relativeMetricKey: "rev",
        stated: "25",
        statedUnit: "%",
        hedge: "under",
      }),
      figures: shares,
      verdict: "understated",
    },
    {
      name: '"about 15,000" vs 14,000 is overstated by 7.1%',
      claim: claim({ quarter: "2024Q3", metricKey: "stores", stated: "15000", hedge: "about" }),
      figures: stores,
      verdict: "overstated",
      computed: 14000,
      difference: 7.1429,
      ratio: 1.0714,
    },
    {
      name: '"about 14,500" vs 14,000 holds (within 5%)',
      claim: claim({ quarter: "2024Q3", metricKey: "stores", stated: "14500", hedge: "about" }),
      figures: stores,
      verdict: "holds",
    },
    {
      name: '"exactly 14,002" vs 14,000 is overstated (each side known to ±0.5 only)',
      claim: claim({ quarter: "2024Q3", metricKey: "stores", stated: "14002" }),
      figures: stores,
      verdict: "overstated",
    },
    {
      name: '"over 741.7" vs 741.7 holds (not below it)',
      claim: claim({ metricKey: "mau", stated: "741.7", hedge: "over" }),
      figures: mau,
      verdict: "holds",
    },
    {
      name: '"under 700" vs 741.7 is understated',
      claim: claim({ metricKey: "mau", stated: "700", hedge: "under" }),
      figures: mau,
      verdict: "understated",
    },
    {
      name: '"nearly 750" vs 741.7 holds (between 675 and 750)',
      claim: claim({ metricKey: "mau", stated: "750", hedge: "nearly" }),
      figures: mau,
      verdict: "holds",
    },
    {
      name: '"nearly 3×" vs 108,796 / 39,790 (2.73×) holds',
      claim: claim({
        kind: "multiple",
        metricKey: "ev",
        comparison: "yoy",
        stated: "3",
        statedUnit: "×",
        hedge: "nearly",
      }),
      figures: evDeliveries,
      verdict: "holds",
      computed: 2.7343,
    },
    {
      name: '"nearly 8×" vs 2.73× is overstated',
      claim: claim({
        kind: "multiple",
        metricKey: "ev",
        comparison: "yoy",
        stated: "8",
        statedUnit: "×",
        hedge: "nearly",
      }),
      figures: evDeliveries,
      verdict: "overstated",
    },
    {
      name: "a change in pp of a ratio metric is an exact decimal difference (11.1 − 11.7 = −0.6)",
      claim: claim({
        kind: "change",
        metricKey: "gm",
        metricKind: "ratio",
        comparison: "yoy",
        stated: "-0.6",
        statedUnit: "pp",
      }),
      figures: [fig("gm", "2024Q3", "11.7"), fig("gm", "2025Q3", "11.1")],
      verdict: "holds",
      computed: -0.6,
    },
    {
      name: "a QoQ change compares with the quarter before",
      claim: claim({
        kind: "change",
        metricKey: "q",
        comparison: "qoq",
        stated: "10",
        statedUnit: "%",
      }),
      figures: [fig("q", "2025Q2", "100"), fig("q", "2025Q3", "110")],
      verdict: "holds",
      computed: 10,
    },
    {
      name: "a change whose year-ago figure is missing cannot be checked",
      claim: claim({
        kind: "change",
        metricKey: "q",
        comparison: "yoy",
        stated: "10",
        statedUnit: "%",
      }),
      figures: [fig("q", "2025Q3", "110")],
      verdict: "unverifiable",
    },
    {
      name: "a total over 13 months cannot be checked (needs monthly data)",
      claim: claim({
        kind: "cumulative",
        quarter: null,
        metricKey: "ev",
        stated: "280000",
        hedge: "about",
      }),
      figures: evDeliveries,
      verdict: "unverifiable",
    },
  ];
  for (const entry of cases) {
    it(entry.name, () => {
      const result = judgeClaim(entry.claim, entry.figures);
      expect(result.verdict).toBe(entry.verdict);
      if (entry.computed !== undefined) expect(result.arithmetic.computed).toBe(entry.computed);
      if (entry.difference !== undefined) expect(result.difference).toBe(entry.difference);
      if (entry.ratio !== undefined) expect(result.ratio).toBe(entry.ratio);
      if (result.verdict === "unverifiable") expect(result.reason).toBeTruthy();
      else expect(result.figureIds.length).toBeGreaterThan(0);
    });
  }
});

describe("streaks", () => {
  // YoY growth in every quarter from 2023Q3 to 2025Q3 (9 quarters), none in 2023Q2.
  const values: [QuarterCode, string][] = [
    ["2022Q2", "39.1"],
    ["2022Q3", "40.2"],
    ["2022Q4", "32.7"],
    ["2023Q1", "30.4"],
    ["2023Q2", "32.9"],
    ["2023Q3", "41.8"],
    ["2023Q4", "40.5"],
    ["2024Q1", "40.6"],
    ["2024Q2", "42.2"],
    ["2024Q3", "43.1"],
    ["2024Q4", "42.7"],
    ["2025Q1", "41.8"],
    ["2025Q2", "42.4"],
    ["2025Q3", "43.3"],
  ];
  const shipments = values.map(([q, v]) => fig("ship", q, v));
  const streak = (stated: string, hedge: ClaimToJudge["hedge"] = "exact") =>
    claim({
      kind: "streak",
      metricKey: "ship",
      comparison: "yoy",
      stated,
      statedUnit: "quarters",
      hedge,
    });

  it("holds for 9 quarters of YoY growth when the 10th back had none", () => {
    const result = judgeClaim(streak("9"), shipments);
    expect(result.verdict).toBe("holds");
    expect(result.arithmetic.computed).toBe(9);
    const last = result.arithmetic.steps.at(-1);
    if (!last) throw new Error("a streak has steps");
    expect(sayClaimPhrase(last, "en", CLAIM_PHRASES)).toBe(
      "2023Q2: 32.9 vs 39.1 (2022Q2) no growth",
    );
    expect(sayClaimPhrase(last, "zh", CLAIM_PHRASES)).toBe(
      "2023年Q2：32.9，2022年Q2为 39.1，同比未增长",
    );
  });
  it("is overstated by 1 quarter when 10 are claimed", () => {
    const result = judgeClaim(streak("10"), shipments);
    expect(result.verdict).toBe("overstated");
    expect(result.difference).toBe(1);
    expect(result.differenceUnit).toBe("quarters");
  });
  it("is understated when 8 are claimed exactly", () => {
    expect(judgeClaim(streak("8"), shipments).verdict).toBe("understated");
    expect(judgeClaim(streak("8", "over"), shipments).verdict).toBe("holds");
  });
  it("cannot be checked when a quarter it needs is a gap", () => {
    const withGap = shipments.filter((f) => f.quarter !== "2024Q2");
    const result = judgeClaim(streak("9"), withGap);
    expect(result.verdict).toBe("unverifiable");
    // 9 YoY changes back from 2025Q3 compare 2023Q3..2025Q3 with 2022Q3..2024Q3.
    expect(sayOptionalClaimPhrase(result.reason, "en", CLAIM_PHRASES)).toBe(
      "a streak of 9 needs every quarter from 2022Q3 to 2025Q3; missing: 2024Q2",
    );
    expect(sayOptionalClaimPhrase(result.reason, "zh", CLAIM_PHRASES)).toBe(
      "连续 9 个季度的说法需要 2022年Q3 至 2025年Q3 的每个季度；缺少：2024年Q2",
    );
  });
});

describe("records", () => {
  const record = (stated: string) =>
    claim({ kind: "record", metricKey: "iot", stated, statedUnit: "M devices", hedge: "over" });
  it("holds when the quarter is the first stored one above the level", () => {
    const figures = [
      fig("iot", "2025Q1", "950"),
      fig("iot", "2025Q2", "989"),
      fig("iot", "2025Q3", "1035.5"),
    ];
    const result = judgeClaim(record("1000"), figures);
    expect(result.verdict).toBe("holds");
    expect(result.figureIds).toHaveLength(3);
  });
  it("is overstated when an earlier quarter was already above", () => {
    const figures = [
      fig("iot", "2025Q1", "1001"),
      fig("iot", "2025Q2", "989"),
      fig("iot", "2025Q3", "1035.5"),
    ];
    const result = judgeClaim(record("1000"), figures);
    expect(result.verdict).toBe("overstated");
    expect(sayOptionalClaimPhrase(result.reason, "en", CLAIM_PHRASES)).toBe(
      "not the first: 2025Q1 was already at that level",
    );
    expect(sayOptionalClaimPhrase(result.reason, "zh", CLAIM_PHRASES)).toBe(
      "并非首次：2025年Q1已达到该水平",
    );
  });
  it("cannot be checked across a gap", () => {
    const figures = [
      fig("iot", "2024Q4", "904.6"),
      fig("iot", "2025Q2", "989"),
      fig("iot", "2025Q3", "1035.5"),
    ];
    expect(judgeClaim(record("1000"), figures).verdict).toBe("unverifiable");
  });
});

describe("decimal arithmetic", () => {
  it("gives exact decimal differences and percentages at 4 decimals", () => {
    expect(decimalDifference(11.1, 1, 11.7, 1)).toBe(-0.6);
    expect(roundPercent(47.40794701986756)).toBe(47.4079);
  });
});

describe("wording", () => {
  it("reads the stated claim and the difference at 1 decimal", () => {
    const c = claim({
      kind: "change",
      metricKey: "ev",
      comparison: "yoy",
      stated: "700",
      statedUnit: "%",
      hedge: "nearly",
    });
    expect(formatStatedClaim(c, CLAIM_TEXT.en)).toBe("nearly +700%");
    expect(formatVerdictDifference(judgeClaim(c, evDeliveries), CLAIM_TEXT.en)).toBe(
      "by 526.6 pp (4.04× what the figures give)",
    );
  });

  it("says them in Chinese: hedge, points, quarters and the multiple; English unchanged", () => {
    const c = claim({
      kind: "change",
      metricKey: "ev",
      comparison: "yoy",
      stated: "700",
      statedUnit: "%",
      hedge: "nearly",
    });
    expect(formatStatedClaim(c, CLAIM_TEXT.zh)).toBe("近+700%");
    expect(formatVerdictDifference(judgeClaim(c, evDeliveries), CLAIM_TEXT.zh)).toBe(
      "相差 526.6 个百分点（为数据所给值的 4.04×）",
    );
    expect(
      formatVerdictDifference(
        { difference: -1, differenceUnit: "quarters", ratio: null },
        CLAIM_TEXT.zh,
      ),
    ).toBe("相差 1 个季度");
    expect(formatClaimNumber(3.25, "pp", 2, CLAIM_TEXT.zh)).toBe("3.25 个百分点");
    expect(formatClaimNumber(9, "quarters", undefined, CLAIM_TEXT.en)).toBe("9 quarters");
    expect(hedgeRule("about", CLAIM_TEXT.zh)).toBe(
      "在所述数字的 ±5% 以内，若舍入范围更大则按舍入范围",
    );
    for (const hedge of HEDGES) {
      expect(hedgeRule(hedge, CLAIM_TEXT.en)).toBe(HEDGE_TOLERANCES[hedge].rule);
    }
    expect(verdictLabel("unverifiable", CLAIM_TEXT.en)).toBe("Cannot be checked");
    expect(verdictLabel("unverifiable", CLAIM_TEXT.zh)).toBe("无法核实");
  });

  it("says a metric's unit in Chinese in its stored scale, every judged digit kept", () => {
    const over = claim({ metricKey: "mau", stated: "741.7", statedUnit: "M users", hedge: "over" });
    expect(formatStatedClaim(over, CLAIM_TEXT.en)).toBe("over 741.7 M users");
    expect(formatStatedClaim(over, CLAIM_TEXT.zh)).toBe("超过741.7 百万用户");
    // The lower end a hedge allows keeps its four digits: 7.4165 亿 would read as 7.42 亿.
    expect(formatClaimNumber(741.65, "M users", 2, CLAIM_TEXT.zh)).toBe("741.65 百万用户");
    expect(formatClaimNumber(113.05, "RMB bn", 2, CLAIM_TEXT.zh)).toBe("113.05 十亿元");
    expect(formatClaimNumber(113.05, "RMB bn", 2, CLAIM_TEXT.en)).toBe("113.05 RMB bn");
  });

  it("says what caused a judgement and a change's comparison in Chinese; English as stored", () => {
    for (const [stored, zh] of [
      ["claim recorded", "说法已记录"],
      ["claim revised (revision 3)", "说法已修订（第 3 版）"],
      ["figure written: xiaomi/revenue/2025Q3", "数据写入：xiaomi/revenue/2025Q3"],
      ["12 figures written", "写入 12 个数据"],
      ["something else entirely", "something else entirely"],
    ] as const) {
      expect(claimTriggerText(stored, CLAIM_TEXT.en)).toBe(stored);
      expect(claimTriggerText(stored, CLAIM_TEXT.zh)).toBe(zh);
    }
    expect(claimComparisonText("yoy", CLAIM_TEXT.en)).toBe(" YOY");
    expect(claimComparisonText("qoq", CLAIM_TEXT.zh)).toBe(" 环比");
    expect(claimComparisonText(null, CLAIM_TEXT.zh)).toBe("");
  });
});
