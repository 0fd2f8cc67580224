import { describe, expect, it } from "vitest";
import { CLAIM_COLUMNS, VERDICT_COLUMNS } from "@/lib/csv/claims-export";
import {
  type ClaimImportCatalog,
  planClaimImport,
  readClaimsImportFile,
  type StoredClaim,
} from "@/lib/csv/claims-import";
import { columnText, rejectionText } from "@/lib/csv/import-words";
import type { ClaimInput } from "@/lib/domain/claim-input";

const HEADER = CLAIM_COLUMNS.join(",");
const EXPORT_HEADER = [...CLAIM_COLUMNS, ...VERDICT_COLUMNS].join(",");
const catalog: ClaimImportCatalog = {
  brands: new Set(["xiaomi"]),
  metrics: new Set(["revenue", "ev_deliveries", "ev_segment_revenue"]),
};

function row(overrides: { stated?: string; hedge?: string; metric?: string; quote?: string } = {}) {
  const {
    stated = "700",
    hedge = "nearly",
    metric = "ev_deliveries",
    quote = "nearly 700%",
  } = overrides;
  return `xiaomi,press,Ginlix AI,Fan economy,,2026-01-10,${metric},2025Q3,change,yoy,${stated},%,${hedge},,"${quote}",`;
}

function read(text: string) {
  const file = readClaimsImportFile(new TextEncoder().encode(text));
  if (!file.ok) throw new Error(file.problems.join(" "));
  return file;
}

const stored: StoredClaim = {
  uid: "clm-stored",
  claim: {
    brand: "xiaomi",
    claimantKind: "press",
    claimant: "Ginlix AI",
    sourceTitle: "Fan economy",
    sourcePublishedOn: "2026-01-10",
    quote: "nearly 700%",
    metric: "ev_deliveries",
    quarter: "2025Q3",
    kind: "change",
    comparison: "yoy",
    statedValue: "700",
    statedUnit: "%",
    hedge: "nearly",
  } as ClaimInput,
};

describe("reading a claims file", () => {
  it("accepts the columns of data/claims.csv and those of the claims export", () => {
    expect(read(`${HEADER}\n${row()}\n`).shape).toBe("claims");
    expect(read(`${EXPORT_HEADER}\n${row()},holds,,,,,,,,,clm-x,1\n`).shape).toBe("export");
  });

  it("refuses a figures file, naming the columns a claims file needs", () => {
    const file = readClaimsImportFile(
      new TextEncoder().encode("brand,metric,metric_label,unit,quarter,value\nxiaomi\n"),
    );
    expect(file.ok).toBe(false);
    if (!file.ok) {
      expect(file.problems[0]).toMatch(/missing columns claimant_kind, claimant, source_title/);
      expect(file.problems[0]).toContain(
        `It must be exactly: ${HEADER} (the columns of data/claims.csv)`,
      );
    }
  });

  it("refuses a header with no rows of claims", () => {
    const file = readClaimsImportFile(new TextEncoder().encode(`${HEADER}\n`));
    expect(file).toEqual({ ok: false, problems: ["The file has a header but no rows of claims."] });
  });
});

describe("planning a claims import", () => {
  it("rejects each bad cell with its row, column, value and the form's reason", () => {
    const plan = planClaimImport(
      read(
        `${HEADER}\n${row()}\n${row({ hedge: "roughly", stated: "7OO" })}\n${row({ metric: "ev_sales" })}\n`,
      ),
      catalog,
      [],
    );
    expect(plan.rejected).toEqual([
      {
        row: 3,
        column: "hedge",
        value: "roughly",
        message: "must be one of exact, about, nearly, over, under",
      },
      { row: 3, column: "stated_value", value: "7OO", message: expect.stringMatching(/decimal/) },
      {
        row: 4,
        column: "metric",
        value: "ev_sales",
        message: "is not a metric in the catalog",
        code: "claimUnknownMetric",
        params: {},
      },
    ]);
    expect(plan.writes.map((write) => write.row)).toEqual([2]);
    expect(plan.rowCount).toBe(3);
  });

  it("skips a row that says what a stored claim says, stated digits included", () => {
    const plan = planClaimImport(
      read(`${HEADER}\n${row()}\n${row({ stated: "700.0" })}\n`),
      catalog,
      [stored],
    );
    expect(plan.unchanged).toEqual([{ row: 2, uid: "clm-stored" }]);
    // "700.0" states one more digit than "700": another claim.
    expect(plan.writes).toEqual([expect.objectContaining({ row: 3, uid: null })]);
  });

  it("rejects the second of two identical rows", () => {
    const plan = planClaimImport(read(`${HEADER}\n${row()}\n${row()}\n`), catalog, []);
    expect(plan.writes.map((write) => write.row)).toEqual([2]);
    expect(plan.rejected).toEqual([
      {
        row: 3,
        column: "(whole row)",
        message: "repeats row 2 (the same claim); keep one of them",
        code: "claimRepeats",
        params: { first: 2 },
      },
    ]);
    const [rejection = { message: "", column: "" }] = plan.rejected;
    expect(rejectionText(rejection, "zh")).toBe("与第 2 行重复（同一说法）；请只保留其一");
    expect(columnText(rejection.column, "zh")).toBe("（整行）");
  });

  it("keeps an exported claim_uid, and refuses one whose stored claim now says something else", () => {
    const verdicts = ",holds,,,,,,,,";
    const plan = planClaimImport(
      read(
        `${EXPORT_HEADER}\n${row()}${verdicts},clm-stored,1\n${row({ quote: "almost 700%" })}${verdicts},clm-stored-2,1\n${row({ stated: "699" })}${verdicts},seed-claim-elsewhere,3\n`,
      ),
      catalog,
      [stored, { uid: "clm-stored-2", claim: { ...stored.claim, quote: "changed since" } }],
    );
    expect(plan.unchanged).toEqual([{ row: 2, uid: "clm-stored" }]);
    expect(plan.rejected).toEqual([
      expect.objectContaining({
        row: 3,
        column: "claim_uid",
        value: "clm-stored-2",
        message: expect.stringContaining("/claims/clm-stored-2/edit"),
      }),
    ]);
    expect(plan.writes).toEqual([expect.objectContaining({ row: 4, uid: "seed-claim-elsewhere" })]);
  });
});
