import { describe, expect, it } from "vitest";
import { CLAIM_PHRASES } from "@/i18n/claim-words";
import {
  type ClaimFigure,
  type ClaimToJudge,
  judgeClaim,
  judgementInEnglish,
  readStoredReason,
  type StoredClaimArithmetic,
  sayArithmetic,
  sayClaimPhrase,
  sayOptionalClaimPhrase,
  storedReason,
} from "@/lib/domain/claims";
import type { QuarterCode } from "@/lib/domain/quarter";

let nextId = 1;
function fig(metricKey: string, quarter: QuarterCode, value: number, decimals = 0): ClaimFigure {
  return { id: nextId++, revision: 1, metricKey, quarter, value, decimals, qualifier: "exact" };
}

const change: ClaimToJudge = {
  kind: "change",
  metricKey: "ev_deliveries",
  metricKind: "flow",
  quarter: "2025Q3",
  comparison: "yoy",
  statedValue: 700,
  statedDecimals: 0,
  statedUnit: "%",
  hedge: "nearly",
  relativeMetricKey: null,
};
const deliveries = [fig("ev_deliveries", "2024Q3", 39790), fig("ev_deliveries", "2025Q3", 108796)];

const record: ClaimToJudge = {
  ...change,
  kind: "record",
  metricKey: "iot",
  comparison: null,
  statedValue: 1000,
  statedUnit: "M devices",
  hedge: "over",
};
const devices = [
  fig("iot", "2025Q1", 1001.5, 1),
  fig("iot", "2025Q2", 989, 0),
  fig("iot", "2025Q3", 1035.5, 1),
];

describe("a verdict's phrases are data, said in either language", () => {
  it("says a change's formula with the figures' digits, the same in both languages", () => {
    const { arithmetic } = judgeClaim(change, deliveries);
    expect(arithmetic.formula).toEqual({
      code: "formulaChange",
      params: {
        value: { number: 108796, decimals: 0, plain: true },
        base: { number: 39790, decimals: 0, plain: true },
      },
    });
    expect(sayArithmetic(arithmetic, "en", CLAIM_PHRASES).formula).toBe(
      "(108796 ÷ 39790 − 1) × 100",
    );
    expect(sayArithmetic(arithmetic, "zh", CLAIM_PHRASES).formula).toBe(
      "(108796 ÷ 39790 − 1) × 100",
    );
  });

  it("says why a claim cannot be checked, naming the quarter in the reader's style", () => {
    const { reason } = judgeClaim(change, deliveries.slice(1));
    expect(sayOptionalClaimPhrase(reason, "en", CLAIM_PHRASES)).toBe(
      "no current figure for ev_deliveries 2024Q3",
    );
    expect(sayOptionalClaimPhrase(reason, "zh", CLAIM_PHRASES)).toBe(
      "没有 ev_deliveries 2024年Q3的现行数据",
    );
  });

  it("says a record's steps with grouped numbers, and why it is not the first", () => {
    const result = judgeClaim(record, devices);
    expect(result.verdict).toBe("overstated");
    expect(
      result.arithmetic.steps.map((step) => sayClaimPhrase(step, "en", CLAIM_PHRASES)),
    ).toEqual([
      "stored quarters checked: 2025Q1 to 2025Q3; earlier quarters are not in Pulse",
      "2025Q1 was already 1,001.5: not the first",
    ]);
    expect(
      result.arithmetic.steps.map((step) => sayClaimPhrase(step, "zh", CLAIM_PHRASES)),
    ).toEqual([
      "已核对的存储季度：2025年Q1 至 2025年Q3；更早的季度不在 Pulse 中",
      "2025年Q1已为 1,001.5：并非首次",
    ]);
  });

  it("says a streak's formula in words in both languages", () => {
    const streak: ClaimToJudge = {
      ...change,
      kind: "streak",
      statedValue: 1,
      statedUnit: "quarters",
      hedge: "exact",
    };
    const { arithmetic } = judgeClaim(streak, deliveries);
    expect(sayArithmetic(arithmetic, "en", CLAIM_PHRASES).formula).toBe(
      "consecutive quarters of YoY growth ending 2025Q3",
    );
    expect(sayArithmetic(arithmetic, "zh", CLAIM_PHRASES).formula).toBe(
      "截至2025年Q3同比连续增长的季度数",
    );
  });

  it("stores a reason as JSON in its column and reads it back", () => {
    const { reason } = judgeClaim(record, devices);
    const column = storedReason(reason);
    expect(column).toMatch(/^\{"code":"notFirst"/);
    expect(readStoredReason(column)).toEqual(reason);
    expect(storedReason(null)).toBeNull();
  });
});

describe("verdicts stored with English sentences (before phrases were data)", () => {
  const oldReason = "not the first: 2025Q1 was already at that level";
  const oldSteps = [
    "stored quarters checked: 2025Q1 to 2025Q3; earlier quarters are not in Pulse",
    "2025Q1 was already 1,001.5: not the first",
  ];

  it("are shown as stored in English and read back to Chinese where a template fits", () => {
    expect(readStoredReason(oldReason)).toBe(oldReason);
    expect(sayClaimPhrase(oldReason, "en", CLAIM_PHRASES)).toBe(oldReason);
    expect(sayClaimPhrase(oldReason, "zh", CLAIM_PHRASES)).toBe("并非首次：2025年Q1已达到该水平");
    expect(
      sayClaimPhrase(
        "a record needs every quarter from the first stored (2024Q4) to 2025Q3; missing: 2025Q1, 2025Q2",
        "zh",
        CLAIM_PHRASES,
      ),
    ).toBe(
      "新高的说法需要从首个已存储季度（2024年Q4）至 2025年Q3 的每个季度；缺少：2025年Q1、2025年Q2",
    );
  });

  it("keep a sentence no template fits as stored, and a formula as stored", () => {
    expect(sayClaimPhrase("checked by hand", "zh", CLAIM_PHRASES)).toBe("checked by hand");
    expect(sayClaimPhrase("(108796 ÷ 39790 − 1) × 100", "zh", CLAIM_PHRASES)).toBe(
      "(108796 ÷ 39790 − 1) × 100",
    );
  });

  it("are the same judgement as the phrases that say the same, and differ when the data differs", () => {
    const result = judgeClaim(record, devices);
    const old: StoredClaimArithmetic = {
      ...result.arithmetic,
      formula: "1035.5",
      steps: oldSteps,
    };
    // What the rows held: JSON through the database and back.
    const stored = JSON.parse(JSON.stringify(old)) as StoredClaimArithmetic;
    expect(judgementInEnglish(oldReason, stored, CLAIM_PHRASES)).toBe(
      judgementInEnglish(result.reason, result.arithmetic, CLAIM_PHRASES),
    );
    const later = judgeClaim(record, [fig("iot", "2025Q1", 1002.5, 1), ...devices.slice(1)]);
    expect(judgementInEnglish(oldReason, stored, CLAIM_PHRASES)).not.toBe(
      judgementInEnglish(later.reason, later.arithmetic, CLAIM_PHRASES),
    );
  });
});
