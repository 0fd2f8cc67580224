import { describe, expect, it } from "vitest";
import { SIGNAL_LANGUAGE } from "@/i18n/signal-words";
import { annualView } from "@/lib/domain/annual";
import { evaluateSignals, type SignalFinding } from "@/lib/domain/signals";
import { getBrand } from "@/lib/queries/brands";
import { listMetricsWithFigures } from "@/lib/queries/metrics";
import { listBrandSeries } from "@/lib/queries/series";
import { setUpSeededTestDatabase } from "../support/seeded-test-db";

/** The day this was written; the data's latest quarter is Q3 2025. */
const NOW = new Date("2026-11-27T12:00:00Z");

async function findingsFor(slug: string): Promise<SignalFinding[]> {
  const brand = await getBrand(slug);
  if (!brand) throw new Error(`no brand ${slug}`);
  return evaluateSignals({
    brand,
    series: await listBrandSeries(slug),
    now: NOW,
    language: SIGNAL_LANGUAGE.en,
  });
}

describe("signals and fiscal years on the seeded brands", () => {
  setUpSeededTestDatabase();

  it("offers a comparison only the metrics every chosen brand has figures for", async () => {
    const both = await listMetricsWithFigures(["xiaomi", "li-auto"]);
    expect(both.map((metric) => metric.key)).toEqual(["revenue", "ev_deliveries"]);
    const xiaomi = await listMetricsWithFigures(["xiaomi"]);
    expect(xiaomi.length).toBe(13);
  });

  it("calls the margin's 11.1% no low: a stored quote implies 8.1% in Q1 2022", async () => {
    const findings = await findingsFor("xiaomi");
    expect(findings.some((finding) => finding.id === "record:smartphone_gross_margin")).toBe(false);
    const shipments = findings.find((finding) => finding.id === "record:smartphone_shipments");
    expect(shipments?.title).toContain("the highest in the 15 stored quarters (since Q1 2022)");
  });

  it("finds Xiaomi's nine-quarter shipments streak and its stale data", async () => {
    const findings = await findingsFor("xiaomi");
    const streak = findings.find((finding) => finding.id === "yoy_streak:smartphone_shipments");
    expect(streak?.title).toBe(
      "Smartphone shipments grew YoY for 9 consecutive quarters (Q3 2023 to Q3 2025)",
    );
    const stale = findings.find((finding) => finding.rule === "stale_data");
    // 90 days after 30 Jun 2026 is 28 Sep 2026: Q2 2026 should be out, Q3 2025 is the latest stored.
    expect(stale?.numbers).toEqual(
      expect.arrayContaining([
        { label: "Latest stored quarter", value: "Q3 2025" },
        { label: "Expected latest quarter", value: "Q2 2026" },
        { label: "Quarters missing", value: "3" },
      ]),
    );
  });

  it("reads the EV segment's growing share of Xiaomi's revenue", async () => {
    const findings = await findingsFor("xiaomi");
    const share = findings.find((finding) => finding.rule === "share_shift");
    // 9.7 / 92.5065 = 10.5% in Q3 2024; 29.0 / 113.1 = 25.6% in Q3 2025.
    expect(share?.title).toBe(
      "Smart EV segment share of revenue rose from 10.5% in Q3 2024 to 25.6% in Q3 2025 (+15.2 pp)",
    );
  });

  it("reads Li Auto's slowdown from its own figures", async () => {
    const findings = await findingsFor("li-auto");
    const slowdown = findings.find((finding) => finding.id === "growth_acceleration:revenue");
    // +1.2% (25.9 / 25.6; the release says 1.1% from unrounded figures) in Q1 2025, -36.1%
    // (27.4 / 42.9) in Q3 2025: 37.3 points slower.
    expect(slowdown?.title).toMatch(/^Total revenue YoY growth decelerated by 37\.3 pp/);
    expect(findings.some((finding) => finding.rule === "stale_data")).toBe(true);
  });

  it("adds Li Auto's quarters up to the full-year figures its releases state", async () => {
    const [revenue, deliveries] = await listBrandSeries("li-auto", {
      metricKeys: ["revenue", "ev_deliveries"],
    });
    if (!revenue || !deliveries) throw new Error("no Li Auto series");
    const totals = (view: ReturnType<typeof annualView>) =>
      view.aggregatable ? view.rows.map((row) => [row.year, row.value]) : [];
    // Q4 releases: "Full year total revenues reached RMB123.85 billion" (2023), "RMB144.5 billion"
    // (2024); "Full year deliveries were 376,030 vehicles" (2023), "500,508 vehicles" (2024).
    // 2025 lacks Q4, so it has no total.
    const revenueTotals = totals(annualView(revenue));
    expect(revenueTotals[0]?.[1]).toBeCloseTo(123.85, 6);
    expect(revenueTotals[1]?.[1]).toBeCloseTo(144.5, 6);
    expect(revenueTotals[2]).toEqual([2025, null]);
    expect(totals(annualView(deliveries))).toEqual([
      [2023, 376030],
      [2024, 500508],
      [2025, null],
    ]);
  });
});
