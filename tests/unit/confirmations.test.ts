import { describe, expect, it } from "vitest";
import {
  type CurrentFigure,
  confirmationToken,
  EXTREME_YOY_PCT,
  EXTREME_YOY_PP,
  extremeYoy,
  type FigureValue,
  requiredConfirmations,
  unconfirmed,
} from "@/lib/domain/confirmations";
import type { ValuePoint } from "@/lib/domain/kpi";

function at(quarter: "2024Q4" | "2025Q4", value: number): ValuePoint {
  return { quarter, value, qualifier: "exact" };
}

describe("extremeYoy", () => {
  it("lets a change up to the threshold pass and flags one beyond it, both ways", () => {
    expect(extremeYoy("flow", at("2024Q4", 100), at("2025Q4", 100 + EXTREME_YOY_PCT))).toBeNull();
    expect(extremeYoy("flow", at("2024Q4", 100), at("2025Q4", 160.1))).toMatchObject({
      unitSlip: false,
      change: { kind: "relative", pct: expect.closeTo(60.1, 6) },
    });
    expect(extremeYoy("stock", at("2024Q4", 100), at("2025Q4", 39))).toMatchObject({
      unitSlip: false,
    });
    expect(extremeYoy("stock", at("2024Q4", 100), at("2025Q4", 40))).toBeNull();
  });

  it("calls a tenfold jump or fall a likely unit slip", () => {
    expect(extremeYoy("flow", at("2024Q4", 42.7), at("2025Q4", 427))?.unitSlip).toBe(true);
    expect(extremeYoy("flow", at("2024Q4", 105), at("2025Q4", 10.5))?.unitSlip).toBe(true);
    expect(extremeYoy("flow", at("2024Q4", 105), at("2025Q4", 10.6))?.unitSlip).toBe(false);
  });

  it("has no percentage against a loss, so only a unit slip counts there", () => {
    expect(extremeYoy("flow", at("2024Q4", -1), at("2025Q4", 5))).toBeNull();
    expect(extremeYoy("flow", at("2024Q4", -1), at("2025Q4", -12))).toMatchObject({
      unitSlip: true,
      change: { pct: null },
    });
    expect(extremeYoy("flow", at("2024Q4", 0), at("2025Q4", 5))).toBeNull();
  });

  it("measures ratios in percentage points", () => {
    expect(extremeYoy("ratio", at("2024Q4", 10), at("2025Q4", 10 + EXTREME_YOY_PP))).toBeNull();
    expect(extremeYoy("ratio", at("2024Q4", 10), at("2025Q4", 30.5))).toMatchObject({
      change: { kind: "points", pp: expect.closeTo(20.5, 9) },
      unitSlip: false,
    });
    // A margin from 1% to 11% is ten times as much but only 10 points: not a unit slip.
    expect(extremeYoy("ratio", at("2024Q4", 1), at("2025Q4", 11))).toBeNull();
  });
});

describe("requiredConfirmations", () => {
  const stored: CurrentFigure = {
    value: 113.1,
    decimals: 1,
    qualifier: "exact",
    revision: 1,
    source: { title: "Q4 release", url: null, publishedOn: null },
    createdBy: "seed",
    createdAt: "2026-01-01T00:00:00.000Z",
  };
  const next = (value: number): FigureValue => ({ value, decimals: 1, qualifier: "exact" });

  it("asks to confirm restatements first, then extreme changes, each with its own token", () => {
    const required = requiredConfirmations({
      quarter: "2025Q4",
      figures: [
        { metricKey: "mau", kind: "stock", next: next(7000) },
        { metricKey: "revenue", kind: "flow", next: next(115) },
      ],
      current: new Map([["revenue", stored]]),
      yearAgo: new Map([["mau", next(700)]]),
    });
    expect(required.map((item) => [item.kind, item.metricKey])).toEqual([
      ["restatement", "revenue"],
      ["extreme_change", "mau"],
    ]);
    expect(required[1]).toMatchObject({ baseQuarter: "2024Q4", unitSlip: true });
    expect(new Set(required.map((item) => item.token)).size).toBe(2);
  });

  it("does not call filling a withdrawn quarter a restatement", () => {
    const required = requiredConfirmations({
      quarter: "2025Q4",
      figures: [{ metricKey: "revenue", kind: "flow", next: next(115) }],
      current: new Map([["revenue", { ...stored, value: null }]]),
      yearAgo: new Map(),
    });
    expect(required).toEqual([]);
  });

  it("needs nothing for a new figure without a year-ago quarter", () => {
    expect(
      requiredConfirmations({
        quarter: "2025Q4",
        figures: [{ metricKey: "revenue", kind: "flow", next: next(5000) }],
        current: new Map(),
        yearAgo: new Map(),
      }),
    ).toEqual([]);
  });
});

describe("confirmation tokens", () => {
  const value: FigureValue = { value: 115, decimals: 1, qualifier: "exact" };

  it("change with the quarter, the metric, the value and its qualifier", () => {
    const token = confirmationToken("restatement", "2025Q4", "revenue", value);
    expect(confirmationToken("restatement", "2025Q4", "revenue", { ...value })).toBe(token);
    for (const other of [
      confirmationToken("restatement", "2025Q3", "revenue", value),
      confirmationToken("restatement", "2025Q4", "mau", value),
      confirmationToken("restatement", "2025Q4", "revenue", { ...value, value: 115.1 }),
      confirmationToken("restatement", "2025Q4", "revenue", { ...value, qualifier: "approximate" }),
      confirmationToken("extreme_change", "2025Q4", "revenue", value),
    ]) {
      expect(other).not.toBe(token);
    }
  });

  it("leave unconfirmed exactly the items whose token was not sent back", () => {
    const required = requiredConfirmations({
      quarter: "2025Q4",
      figures: [
        { metricKey: "a", kind: "flow", next: value },
        { metricKey: "b", kind: "flow", next: value },
      ],
      current: new Map(
        ["a", "b"].map((key) => [
          key,
          {
            ...value,
            revision: 1,
            source: null,
            createdBy: "x",
            createdAt: "2026-01-01T00:00:00.000Z",
          },
        ]),
      ),
      yearAgo: new Map(),
    });
    const [first, second] = required;
    expect(unconfirmed(required, [])).toEqual(required);
    expect(unconfirmed(required, [first?.token ?? ""])).toEqual([second]);
    expect(
      unconfirmed(
        required,
        required.map((item) => item.token),
      ),
    ).toEqual([]);
  });
});
