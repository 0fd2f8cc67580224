import { describe, expect, it } from "vitest";
import { SIGNAL_LANGUAGE } from "@/i18n/signal-words";
import { ruleWords } from "@/lib/domain/signal-text";
import {
  evaluateSignals,
  expectedLatestQuarter,
  findingsForMetric,
  SIGNAL_RULE_NAMES,
  SIGNAL_RULES,
  SIGNAL_THRESHOLDS,
  type SignalFinding,
  type SignalRuleName,
} from "@/lib/domain/signals";
import type { SeriesDTO } from "@/lib/domain/types";
import { metric, point, quarterly, series } from "../support/series-fixtures";

const BRAND = { slug: "acme", name: "Acme", reportingLagDays: 90 };
/** The day after Q3 2025's results were due (30 Sep + 90 days = 29 Dec): nothing is stale. */
const FRESH = new Date("2025-12-30T12:00:00Z");

function run(list: SeriesDTO[], now = FRESH): SignalFinding[] {
  return evaluateSignals({ brand: BRAND, series: list, now, language: SIGNAL_LANGUAGE.en });
}

function only(findings: SignalFinding[], ruleName: SignalRuleName): SignalFinding[] {
  return findings.filter((finding) => finding.rule === ruleName);
}

function numberOf(finding: SignalFinding | undefined, label: string | RegExp): string | undefined {
  return finding?.numbers.find((entry) =>
    typeof label === "string" ? entry.label === label : label.test(entry.label),
  )?.value;
}

const shipments = metric("smartphone_shipments", "flow", { label: "Smartphone shipments" });

describe("the rule table", () => {
  it("names and explains every rule, with the thresholds in the explanation", () => {
    for (const name of SIGNAL_RULE_NAMES) {
      expect(SIGNAL_RULES[name].name.length).toBeGreaterThan(3);
      expect(SIGNAL_RULES[name].explanation.length).toBeGreaterThan(20);
    }
    expect(SIGNAL_RULES.yoy_streak.explanation).toContain(
      String(SIGNAL_THRESHOLDS.streakMinQuarters),
    );
    expect(SIGNAL_RULES.growth_acceleration.explanation).toContain(
      `${SIGNAL_THRESHOLDS.accelerationMinPp} percentage points`,
    );
  });
});

describe("expected latest quarter", () => {
  it("expects a quarter once its end plus the reporting lag has passed", () => {
    // 30 Jun 2026 + 90 days = 28 Sep 2026; 30 Sep 2026 + 90 days = 29 Dec 2026.
    expect(expectedLatestQuarter(new Date("2026-11-27T10:00:00Z"), 90)).toBe("2026Q2");
    expect(expectedLatestQuarter(new Date("2025-12-29T00:00:00Z"), 90)).toBe("2025Q3");
    expect(expectedLatestQuarter(new Date("2025-12-28T23:59:59Z"), 90)).toBe("2025Q2");
  });
});

describe("stale data", () => {
  const revenue = series(metric("revenue", "flow"), quarterly("2024Q1", [1, 2, 3, 4, 5, 6, 7]));

  it("flags a brand whose latest quarter is older than its reporting rhythm allows", () => {
    const [stale] = only(run([revenue], new Date("2026-11-27T10:00:00Z")), "stale_data");
    expect(stale?.title).toContain("Q3 2025");
    expect(numberOf(stale, "Latest stored quarter")).toBe("Q3 2025");
    expect(numberOf(stale, "Expected latest quarter")).toBe("Q2 2026");
    // Q4 2025, Q1 2026 and Q2 2026 are missing.
    expect(numberOf(stale, "Quarters missing")).toBe("3");
    expect(stale?.metricKey).toBeNull();
    expect(stale?.tone).toBe("bad");
  });

  it("says nothing while the next quarter's results are not yet due", () => {
    expect(only(run([revenue], FRESH), "stale_data")).toEqual([]);
  });

  it("uses the newest quarter of any metric, and names a metric that stopped updating", () => {
    const mau = series(metric("mau", "stock"), quarterly("2024Q1", [1, 2, 3, 4, 5]));
    const findings = run([revenue, mau], FRESH);
    expect(only(findings, "stale_data")).toEqual([]);
    const [behind] = only(findings, "metric_not_updated");
    expect(behind?.metricKey).toBe("mau");
    expect(numberOf(behind, "Latest figure")).toBe("Q1 2025");
    expect(numberOf(behind, "Quarters behind")).toBe("2");
  });

  it("has nothing to say about a brand without figures", () => {
    expect(run([series(metric("revenue", "flow"), {})], new Date("2030-01-01"))).toEqual([]);
  });
});

describe("YoY streaks", () => {
  // Each quarter of 2023Q3..2025Q3 above the same quarter a year earlier: 9 quarters of growth.
  const nine = quarterly(
    "2022Q1",
    [38.5, 39.1, 40.2, 32.7, 30.4, 32.9, 41.8, 40.5, 40.6, 42.2, 43.1, 42.7, 41.8, 42.4, 43.3],
  );

  it("reports the growth streak with its length and the numbers at both ends", () => {
    const [streak] = only(run([series(shipments, nine)]), "yoy_streak");
    expect(streak?.title).toBe(
      "Smartphone shipments grew YoY for 9 consecutive quarters (Q3 2023 to Q3 2025)",
    );
    expect(numberOf(streak, "Consecutive quarters")).toBe("9");
    // 41.8 / 40.2 - 1 = +3.98%; 43.3 / 43.1 - 1 = +0.46%.
    expect(numberOf(streak, "First: Q3 2023")).toBe("41.8 M units, +4.0% YoY");
    expect(numberOf(streak, "Latest: Q3 2025")).toBe("43.3 M units, +0.5% YoY");
    expect(numberOf(streak, "Smallest YoY change in the run")).toBe("+0.5%");
    expect(streak?.tone).toBe("good");
    expect(streak?.href).toBe("/metrics/smartphone_shipments");
  });

  it("ignores a run shorter than the threshold", () => {
    // Growth only in the last three quarters.
    const short = quarterly("2024Q1", [10, 10, 10, 10, 9, 11, 12, 13]);
    expect(only(run([series(shipments, short)]), "yoy_streak")).toEqual([]);
  });

  it("ends the run at a gap instead of bridging it", () => {
    const withGap: Record<string, number> = { ...nine };
    // Without 2024Q2, neither 2024Q2 nor 2025Q2 has a YoY change: only 2025Q3 remains in the run.
    delete withGap["2024Q2"];
    expect(only(run([series(shipments, withGap)]), "yoy_streak")).toEqual([]);
  });

  it("reports a decline streak as bad news for a metric where higher is better", () => {
    const falling = quarterly("2023Q1", [20, 20, 20, 20, 19, 18, 17, 16, 15]);
    const [streak] = only(run([series(shipments, falling)]), "yoy_streak");
    expect(streak?.title).toContain("fell YoY for 5 consecutive quarters");
    expect(streak?.tone).toBe("bad");
  });
});

describe("record highs and lows", () => {
  it("reports a latest value above every earlier quarter, with the previous record", () => {
    const values = quarterly("2023Q1", [5, 6, 7, 6, 7, 8, 7.5, 8.5, 9]);
    const [record] = only(run([series(shipments, values)]), "record");
    expect(record?.title).toBe(
      "Smartphone shipments in Q1 2025, 9.0 M units: the highest in the 9 stored quarters (since Q1 2023)",
    );
    expect(numberOf(record, "Previous highest (Q4 2024)")).toBe("8.5 M units");
    expect(numberOf(record, "Quarters compared")).toBe(
      "9 stored, Q1 2023 to Q1 2025; earlier history not stored",
    );
  });

  it("needs enough history before calling anything a record", () => {
    const values = quarterly("2023Q1", [5, 6, 7, 6, 7, 8, 9]);
    expect(only(run([series(shipments, values)]), "record")).toEqual([]);
  });

  it("reports a record low as bad news when higher is better", () => {
    const values = quarterly("2023Q1", [5, 6, 7, 6, 7, 8, 7.5, 8.5, 4]);
    const [record] = only(run([series(shipments, values)]), "record");
    expect(record?.title).toContain("the lowest in the 9 stored quarters");
    expect(record?.tone).toBe("bad");
  });

  it("compares with restated figures at their current value and says the latest was restated", () => {
    const base = series(shipments, quarterly("2023Q1", [5, 6, 7, 6, 7, 8, 7.5, 8.5]));
    const restatedHistory = {
      revision: 1,
      value: 12,
      decimals: 1,
      qualifier: "exact" as const,
      source: null,
      createdAt: "2025-01-01T00:00:00.000Z",
      createdBy: "seed",
      supersededAt: "2025-02-01T00:00:00.000Z",
      supersededBy: "Ada",
      note: null,
    };
    // 2023Q4 was first published as 12.0, then restated to 6.0: 9.0 beats every current figure.
    base.points[3] = point("2023Q4", 6, { history: [restatedHistory] });
    base.points.push(point("2025Q1", 9, { history: [{ ...restatedHistory, value: 9.5 }] }));
    const [record] = only(run([base]), "record");
    expect(record?.title).toContain("in Q1 2025, 9.0 M units: the highest");
    expect(numberOf(record, "Restated")).toBe(
      "Q1 2025 figure restated (was 9.5 M units); the current figure is used",
    );
  });
});

describe("highs and lows against values the stored sources imply", () => {
  const margin = metric("smartphone_gross_margin", "ratio", {
    label: "Smartphone gross margin",
    unit: "%",
  });
  // Xiaomi's stored margins, Q1 2023 to Q3 2025 (Q3 and Q4 2023 are gaps).
  const stored: [string, number, string | null][] = [
    ["2023Q1", 11.2, "Smartphone gross profit margin rose 3.1 percentage points to 11.2 per cent"],
    ["2023Q2", 13.3, "Its gross profit margin increased 4.7 percentage points to 13.3 per cent."],
    ["2024Q1", 14.8, null],
    ["2024Q2", 12.1, null],
    ["2024Q3", 11.7, null],
    ["2024Q4", 12.0, null],
    ["2025Q1", 12.41, null],
    ["2025Q2", 11.47, null],
    ["2025Q3", 11.1, null],
  ];
  const marginSeries = (quotes: boolean): SeriesDTO => ({
    metric: margin,
    withdrawn: [],
    points: stored.map(([quarter, value, quote]) => ({
      ...point(quarter as `${number}Q${1 | 2 | 3 | 4}`, value, { decimals: 2 }),
      quote: quotes ? quote : null,
    })),
  });

  it("calls nothing the lowest when a quote implies a lower year-ago value (8.1% in Q1 2022)", () => {
    expect(only(run([marginSeries(true)]), "record")).toEqual([]);
  });

  it("without such quotes, says the lowest in the stored quarters", () => {
    const [record] = only(run([marginSeries(false)]), "record");
    expect(record?.title).toBe(
      "Smartphone gross margin in Q3 2025, 11.10%: the lowest in the 9 stored quarters (since Q1 2023)",
    );
  });

  it("counts a stated YoY percent as a year-ago value, and names it when it does not contradict", () => {
    const values = series(shipments, quarterly("2023Q1", [5, 6, 7, 6, 7, 8, 7.5, 8.5, 9]));
    // Q1 2023's 5.0 M was +25% YoY: Q1 2022 was 4.0 M, below 9.0; Q2 2023's 6.0 M at -40%: 10.0 M.
    const withStated = (pct2: number) => ({
      ...values,
      points: values.points.map((entry, index) =>
        index === 0
          ? { ...entry, statedYoyPct: 25 }
          : index === 1
            ? { ...entry, statedYoyPct: pct2 }
            : entry,
      ),
    });
    const [record] = only(run([withStated(20)]), "record");
    expect(numberOf(record, "Implied by stated YoY changes")).toBe(
      "2 earlier quarters (Q1 2022, Q2 2022), none higher",
    );
    expect(only(run([withStated(-40)]), "record")).toEqual([]);
  });
});

describe("growth acceleration", () => {
  const revenue = metric("revenue", "flow", { label: "Revenue", unit: "RMB bn" });

  it("reports a YoY rate that fell by more than the threshold over the lookback", () => {
    // YoY: Q1 2025 +30% (130 / 100), Q3 2025 +15% (115 / 100): 15 points slower.
    const values = {
      ...quarterly("2024Q1", [100, 100, 100]),
      ...quarterly("2025Q1", [130, 120, 115]),
    };
    const [finding] = only(run([series(revenue, values)]), "growth_acceleration");
    expect(finding?.title).toBe(
      "Revenue YoY growth decelerated by 15.0 pp in 2 quarters: +30.0% in Q1 2025, +15.0% in Q3 2025",
    );
    expect(numberOf(finding, "Change in growth rate")).toBe("-15.0 pp");
    expect(finding?.tone).toBe("bad");
  });

  it("stays quiet for a change below the threshold", () => {
    const values = {
      ...quarterly("2024Q1", [100, 100, 100]),
      ...quarterly("2025Q1", [120, 120, 115]),
    };
    expect(only(run([series(revenue, values)]), "growth_acceleration")).toEqual([]);
  });

  it("needs both YoY rates: a missing year-ago quarter gives no finding", () => {
    const values = { ...quarterly("2024Q2", [100, 100]), ...quarterly("2025Q1", [130, 120, 115]) };
    expect(only(run([series(revenue, values)]), "growth_acceleration")).toEqual([]);
  });

  it("does not apply to ratios, whose changes are already in points", () => {
    const margin = metric("margin", "ratio", { unit: "%" });
    const values = { ...quarterly("2024Q1", [10, 10, 10]), ...quarterly("2025Q1", [40, 20, 12]) };
    expect(only(run([series(margin, values)]), "growth_acceleration")).toEqual([]);
  });
});

describe("growth divergence", () => {
  const revenue = metric("revenue", "flow", { label: "Total revenue", unit: "RMB bn" });
  const mau = metric("mau", "stock", { label: "Global smartphone MAU", unit: "M users" });

  it("reports revenue growing while users stall, in the same quarter", () => {
    const findings = run([
      series(revenue, { "2024Q3": 100, "2025Q3": 122 }),
      series(mau, { "2024Q3": 700, "2025Q3": 714 }),
    ]);
    const [finding] = only(findings, "growth_divergence");
    // +22.0% vs +2.0%: 20 points apart.
    expect(finding?.title).toBe(
      "Total revenue +22.0% YoY vs global smartphone MAU +2.0% in Q3 2025: 20.0 pp apart",
    );
    expect(finding?.metricKeys).toEqual(["revenue", "mau"]);
    expect(numberOf(finding, "Gap in growth rates")).toBe("20.0 pp");
  });

  it("compares the latest quarter both metrics have, not different quarters", () => {
    const findings = run([
      series(revenue, { "2024Q2": 100, "2024Q3": 100, "2025Q2": 130, "2025Q3": 104 }),
      series(mau, { "2024Q2": 700, "2025Q2": 707 }),
    ]);
    const [finding] = only(findings, "growth_divergence");
    expect(finding?.title).toContain("in Q2 2025");
    expect(finding?.title).toContain("+30.0%");
  });

  it("stays quiet when the rates are close, or when one metric is absent", () => {
    const close = run([
      series(revenue, { "2024Q3": 100, "2025Q3": 108 }),
      series(mau, { "2024Q3": 700, "2025Q3": 714 }),
    ]);
    expect(only(close, "growth_divergence")).toEqual([]);
    expect(
      only(run([series(revenue, { "2024Q3": 100, "2025Q3": 150 })]), "growth_divergence"),
    ).toEqual([]);
  });
});

describe("share shift", () => {
  const revenue = metric("revenue", "flow", { label: "Total revenue", unit: "RMB bn" });
  const ev = metric("ev_segment_revenue", "flow", { label: "Smart EV revenue", unit: "RMB bn" });

  it("reports the EV segment's share of revenue moving against a year earlier", () => {
    const findings = run([
      series(revenue, { "2024Q3": 100, "2025Q3": 120 }),
      series(ev, { "2024Q3": 10, "2025Q3": 30 }),
    ]);
    const [finding] = only(findings, "share_shift");
    // 10 / 100 = 10.0%; 30 / 120 = 25.0%.
    expect(finding?.title).toBe(
      "Smart EV segment share of revenue rose from 10.0% in Q3 2024 to 25.0% in Q3 2025 (+15.0 pp)",
    );
    expect(numberOf(finding, "Share Q3 2025")).toBe("25.0%");
    expect(finding?.href).toBe("/metrics/ev_segment_revenue");
  });

  it("treats a missing segment figure as a gap, not as a zero share", () => {
    const findings = run([
      series(revenue, { "2024Q3": 100, "2025Q3": 120 }),
      series(ev, { "2025Q3": 30 }),
    ]);
    expect(only(findings, "share_shift")).toEqual([]);
  });
});

describe("findings on a metric's page", () => {
  it("keeps the metric's own findings, the pairs it is part of and the brand-wide ones", () => {
    const revenue = metric("revenue", "flow");
    const mau = metric("mau", "stock");
    const findings = run(
      [
        series(revenue, quarterly("2023Q1", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])),
        series(mau, quarterly("2023Q1", [10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10.1])),
      ],
      new Date("2027-01-01"),
    );
    const forMau = findingsForMetric(findings, "mau").map((finding) => finding.rule);
    expect(forMau).toContain("stale_data");
    expect(forMau).toContain("growth_divergence");
    expect(forMau).not.toContain("yoy_streak");
  });
});

describe("overstated claims", () => {
  const claim = {
    uid: "c1",
    metricKey: "ev_deliveries",
    quarter: "2025Q3" as const,
    claimant: "Ginlix AI",
    stated: "nearly +700%",
    computed: "173.4%",
    difference: "by 526.6 pp (4.04× what the figures give)",
  };
  it("flags an overstated claim with what was stated and what the figures give, linking to the ledger", () => {
    const findings = only(
      evaluateSignals({
        brand: BRAND,
        series: [],
        now: FRESH,
        language: SIGNAL_LANGUAGE.en,
        claims: [
          { ...claim, verdict: "overstated" },
          { ...claim, uid: "c2", verdict: "holds" },
          { ...claim, uid: "c3", verdict: "understated" },
        ],
      }),
      "overstated_claim",
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]?.tone).toBe("bad");
    expect(findings[0]?.title).toContain("“nearly +700%” by 526.6 pp");
    expect(numberOf(findings[0], "The figures give")).toBe("173.4%");
    expect(findings[0]?.href).toBe("/claims?brand=acme&metric=ev_deliveries#claim-c1");
  });
});

describe("findings in Chinese", () => {
  const zh = (list: SeriesDTO[], now = FRESH) =>
    evaluateSignals({ brand: BRAND, series: list, now, language: SIGNAL_LANGUAGE.zh });
  const nine = quarterly(
    "2022Q1",
    [38.5, 39.1, 40.2, 32.7, 30.4, 32.9, 41.8, 40.5, 40.6, 42.2, 43.1, 42.7, 41.8, 42.4, 43.3],
  );

  it("says the streak, its quarters and its numbers in Chinese (万 units, 2025年Q3)", () => {
    const [streak] = only(zh([series(shipments, nine)]), "yoy_streak");
    expect(streak?.title).toBe("Smartphone shipments同比连续 9 个季度增长（2023年Q3至2025年Q3）");
    expect(streak?.numbers.map((entry) => entry.label)).toEqual([
      "连续季度数",
      "首个：2023年Q3",
      "最新：2025年Q3",
      "期间最小同比变化",
    ]);
    expect(streak?.numbers[2]?.value).toBe("4,330 万台，同比 +0.5%");
  });

  it("says a divergence in points (个百分点) without lower-casing the label", () => {
    const revenue = metric("revenue", "flow", { label: "总收入", unit: "RMB bn" });
    const mau = metric("mau", "stock", { label: "全球智能手机月活跃用户", unit: "M users" });
    const [finding] = only(
      zh([
        series(revenue, { "2024Q3": 100, "2025Q3": 122 }),
        series(mau, { "2024Q3": 700, "2025Q3": 714 }),
      ]),
      "growth_divergence",
    );
    expect(finding?.title).toBe(
      "2025年Q3总收入同比 +22.0%，全球智能手机月活跃用户同比 +2.0%：相差 20.0 个百分点",
    );
  });

  it("names a share shift and its formula in Chinese", () => {
    const revenue = metric("revenue", "flow", { label: "总收入", unit: "RMB bn" });
    const ev = metric("ev_segment_revenue", "flow", {
      label: "智能电动汽车等创新业务收入",
      unit: "RMB bn",
    });
    const [finding] = only(
      zh([
        series(revenue, { "2024Q3": 100, "2025Q3": 120 }),
        series(ev, { "2024Q3": 10, "2025Q3": 30 }),
      ]),
      "share_shift",
    );
    expect(finding?.title).toContain("智能电动汽车业务收入占比");
    expect(finding?.title).not.toContain("Smart EV");
    expect(finding?.numbers.at(-1)?.value).toBe(
      "智能电动汽车等创新业务收入（十亿元）÷ 总收入（十亿元）× 100",
    );
  });

  it("says stale data in Chinese, and English stays as it was", () => {
    const revenue = series(metric("revenue", "flow"), quarterly("2024Q1", [1, 2, 3, 4, 5, 6]));
    const late = new Date("2026-01-05T00:00:00Z");
    const [stale] = only(zh([revenue], late), "stale_data");
    expect(stale?.title).toBe(
      "Acme的数据已过时：已存储的最新季度为2025年Q2，比2025年Q3落后 1 个季度，该季度结果应于 2025-12-29 前公布",
    );
    const [english] = only(run([revenue], late), "stale_data");
    expect(english?.title).toBe(
      "Acme's data is stale: the latest stored quarter is Q2 2025, 1 quarter behind Q3 2025, whose results were due by 2025-12-29",
    );
  });
});

describe("a rule's words for the feed", () => {
  it("are the rule's own in English and the catalog's in Chinese, thresholds filled in", () => {
    expect(ruleWords("yoy_streak", SIGNAL_LANGUAGE.en)).toEqual(SIGNAL_RULES.yoy_streak);
    const zh = ruleWords("yoy_streak", SIGNAL_LANGUAGE.zh);
    expect(zh.name).toBe("同比连续变化");
    expect(zh.explanation).toContain(`连续至少 ${SIGNAL_THRESHOLDS.streakMinQuarters} 个季度增长`);
  });
});
