import { describe, expect, it } from "vitest";
import { latestQuarterDigest, rankFindings } from "@/lib/domain/overview-news";
import type { SignalFinding, SignalRuleName } from "@/lib/domain/signals";
import { metric, quarterly, series } from "../support/series-fixtures";

function finding(id: string, rule: SignalRuleName, moved: number | null): SignalFinding {
  return {
    id,
    rule,
    ruleName: rule,
    metricKey: null,
    metricKeys: [],
    tone: "neutral",
    title: id,
    explanation: "",
    numbers: [],
    href: "/",
    moved,
  };
}

describe("findings ranked by how much they moved", () => {
  it("puts the largest move first, whatever its sign, and folds routine findings apart", () => {
    const ranked = rankFindings([
      finding("stale", "stale_data", null),
      finding("streak", "yoy_streak", null),
      finding("low", "record", -3.2),
      finding("decel", "growth_acceleration", -25),
      finding("share", "share_shift", 4),
    ]);
    expect(ranked.news.map((entry) => entry.id)).toEqual(["decel", "share", "low"]);
    expect(ranked.routine.map((entry) => entry.id)).toEqual(["stale", "streak"]);
  });

  it("keeps the rule table's order between equal moves", () => {
    const ranked = rankFindings([
      finding("a", "growth_divergence", 12),
      finding("b", "growth_acceleration", -12),
    ]);
    expect(ranked.news.map((entry) => entry.id)).toEqual(["a", "b"]);
  });
});

describe("what changed in the latest quarter", () => {
  const revenue = series(
    metric("revenue", "flow"),
    quarterly("2024Q1", [100, 100, 100, 100, 110, 130]),
  );
  const deliveries = series(
    metric("ev_deliveries", "flow"),
    quarterly("2024Q1", [1, 2, 3, 4, 4, 8]),
  );
  const stores = series(metric("retail_stores", "stock"), quarterly("2024Q1", [5, 5, 5, 5, 6]));

  it("lists the metrics reported for the brand's latest quarter, largest YoY move first", () => {
    const digest = latestQuarterDigest([revenue, deliveries, stores]);
    expect(digest?.quarter).toBe("2025Q2");
    expect(digest?.changes.map((change) => change.metric.key)).toEqual([
      "ev_deliveries",
      "revenue",
    ]);
  });

  it("names the metrics that were not reported for that quarter instead of dropping them", () => {
    expect(latestQuarterDigest([revenue, stores])?.notReported.map((entry) => entry.key)).toEqual([
      "retail_stores",
    ]);
  });

  it("puts a figure without a year-ago comparison last", () => {
    const fresh = series(metric("new_metric", "flow"), { "2025Q2": 5 });
    const digest = latestQuarterDigest([fresh, revenue]);
    expect(digest?.changes.map((change) => change.metric.key)).toEqual(["revenue", "new_metric"]);
  });

  it("has nothing to say without figures", () => {
    expect(latestQuarterDigest([])).toBeNull();
  });
});
