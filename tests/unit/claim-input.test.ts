import { describe, expect, it } from "vitest";
import { type ClaimField, EMPTY_CLAIM_VALUES, parseClaimInput } from "@/lib/domain/claim-input";
import { CLAIM_KINDS, HEDGES } from "@/lib/domain/claims";

/** A valid "revenue +22.3% YoY" claim, as the form posts it, with some fields changed. */
function values(overrides: Partial<Record<ClaimField, string>> = {}): Record<ClaimField, string> {
  return {
    ...EMPTY_CLAIM_VALUES,
    claimantKind: "press",
    claimant: "Ginlix AI",
    sourceTitle: "In-Depth Analysis of Xiaomi's Fan Economy Model",
    sourceUrl: "",
    sourcePublishedOn: "2026-01-10",
    quote: "Total revenue: RMB 113.1 billion, a year-on-year growth of 22.3%",
    metric: "revenue",
    quarter: "2025Q3",
    kind: "change",
    comparison: "yoy",
    statedValue: "22.3",
    statedUnit: "%",
    hedge: "exact",
    relativeMetric: "",
    note: "",
    ...overrides,
  };
}

function errorsOf(overrides: Partial<Record<ClaimField, string>>, brand = "xiaomi") {
  const parsed = parseClaimInput(brand, values(overrides));
  if (parsed.ok) throw new Error(`expected a refusal for ${JSON.stringify(overrides)}`);
  return parsed;
}

describe("the claim form's schema", () => {
  it("reads a valid claim, keeping the stated number's digits and dropping empty optional fields", () => {
    const parsed = parseClaimInput("xiaomi", values({ statedValue: " 22.30 " }));
    expect(parsed).toEqual({
      ok: true,
      input: expect.objectContaining({
        brand: "xiaomi",
        kind: "change",
        comparison: "yoy",
        statedValue: "22.30",
        sourcePublishedOn: "2026-01-10",
      }),
    });
    if (parsed.ok) {
      expect(parsed.input.sourceUrl).toBeUndefined();
      expect(parsed.input.note).toBeUndefined();
    }
  });

  it('reads a quarter written as the app shows it ("Q3 2025") as 2025Q3', () => {
    const parsed = parseClaimInput("xiaomi", values({ quarter: "Q3 2025" }));
    expect(parsed.ok && parsed.input.quarter).toBe("2025Q3");
  });

  it.each(HEDGES)("accepts the hedge %s", (hedge) => {
    expect(parseClaimInput("xiaomi", values({ hedge })).ok).toBe(true);
  });

  it("accepts each kind with the fields it needs", () => {
    const needs: Record<(typeof CLAIM_KINDS)[number], Partial<Record<ClaimField, string>>> = {
      level: { kind: "level", comparison: "", statedValue: "113.1", statedUnit: "RMB bn" },
      change: {},
      multiple: { kind: "multiple", statedValue: "3", statedUnit: "×" },
      streak: { kind: "streak", statedValue: "9", statedUnit: "quarters" },
      share: { kind: "share", comparison: "", relativeMetric: "revenue", statedValue: "25" },
      record: { kind: "record", comparison: "", statedValue: "1000", statedUnit: "M devices" },
      cumulative: { kind: "cumulative", quarter: "", statedValue: "280000", statedUnit: "units" },
    };
    for (const kind of CLAIM_KINDS) {
      expect(parseClaimInput("xiaomi", values(needs[kind])), kind).toMatchObject({ ok: true });
    }
  });

  it("refuses an unknown kind, hedge or claimant with the allowed values", () => {
    const parsed = errorsOf({ kind: "guess", hedge: "roughly", claimantKind: "fan" });
    expect(parsed.fieldErrors.kind).toMatch(/^Kind of claim must be one of level, change/);
    expect(parsed.fieldErrors.hedge).toBe("Hedge must be one of exact, about, nearly, over, under");
    expect(parsed.fieldErrors.claimantKind).toMatch(/^Who made it must be one of brand, press/);
  });

  it("refuses a change whose unit is not % or pp, and a share not in %", () => {
    expect(errorsOf({ statedUnit: "RMB bn" }).fieldErrors.statedUnit).toBe(
      "Stated unit must be % or pp for a change",
    );
    expect(
      errorsOf({ kind: "share", relativeMetric: "revenue", statedUnit: "pp" }).fieldErrors
        .statedUnit,
    ).toBe("Stated unit must be % for a share");
    expect(parseClaimInput("xiaomi", values({ statedUnit: "pp" })).ok).toBe(true);
  });

  it("refuses the combinations a kind cannot be judged without", () => {
    expect(errorsOf({ comparison: "" }).fieldErrors.comparison).toBe(
      "Compared with must be yoy or qoq for this kind of claim",
    );
    expect(
      errorsOf({ kind: "streak", comparison: "", statedUnit: "quarters" }).fieldErrors,
    ).toHaveProperty("comparison");
    expect(errorsOf({ kind: "share", relativeMetric: "" }).fieldErrors.relativeMetric).toBe(
      "Share of metric is required for a share",
    );
    expect(errorsOf({ quarter: "" }).fieldErrors.quarter).toBe(
      "Quarter is required for this kind of claim",
    );
  });

  it("refuses stated numbers the figures' reader refuses, saying why", () => {
    expect(errorsOf({ statedValue: "" }).fieldErrors.statedValue).toBe("Stated number is required");
    expect(errorsOf({ statedValue: "+22.3" }).fieldErrors.statedValue).toMatch(
      /must not start with '\+'/,
    );
    expect(errorsOf({ statedValue: "22,3" }).fieldErrors.statedValue).toMatch(/^Stated number /);
    expect(errorsOf({ statedValue: "7e2" }).fieldErrors.statedValue).toMatch(/^Stated number /);
  });

  it("refuses malformed quarter, date, URL and a missing quote", () => {
    const parsed = errorsOf({
      quarter: "2025Q5",
      sourcePublishedOn: "10/01/2026",
      sourceUrl: "javascript:alert(1)",
      quote: "   ",
    });
    expect(parsed.fieldErrors.quarter).toMatch(/^Quarter must be a quarter written like 2025Q3/);
    expect(parsed.fieldErrors.sourcePublishedOn).toMatch(/must be a date written YYYY-MM-DD/);
    expect(parsed.fieldErrors.sourceUrl).toMatch(/^Source address \(URL\) /);
    expect(parsed.fieldErrors.quote).toBe("Quote is required");
  });

  it("names a bad brand as the page's, not as a field", () => {
    const parsed = errorsOf({}, "Xiaomi Corp");
    expect(parsed.fieldErrors).toEqual({});
    expect(parsed.formError).toMatch(/^The brand in this page's address must be lowercase/);
  });
});
