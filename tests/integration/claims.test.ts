import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { CLAIM_PHRASES } from "@/i18n/claim-words";
import { createPrismaClient } from "@/lib/db";
import {
  readStoredReason,
  type StoredClaimArithmetic,
  sayArithmetic,
  sayOptionalClaimPhrase,
} from "@/lib/domain/claims";
import { confirmationToken } from "@/lib/domain/confirmations";
import type { QuarterFigure } from "@/lib/domain/quarter-input";
import { appendObservationRevisions } from "@/lib/mutations/append-observation-revision";
import { createQuarterFigures } from "@/lib/mutations/create-quarter-figures";
import { judgeClaimByUid } from "@/lib/mutations/judge-claims";
import { seedFromFiles } from "@/lib/seed/prepare-database";
import { CORRECTIONS_ACTOR } from "@/lib/seed/seed-claims";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

/** A stored verdict's reason and arithmetic in English, whichever format the row holds. */
function inEnglish(row: { reason: string | null; arithmetic: string }) {
  return {
    reason: sayOptionalClaimPhrase(readStoredReason(row.reason), "en", CLAIM_PHRASES),
    arithmetic: sayArithmetic(
      JSON.parse(row.arithmetic) as StoredClaimArithmetic,
      "en",
      CLAIM_PHRASES,
    ),
  };
}

/** One line per current verdict: the claim, the verdict and its arithmetic (or the reason). */
async function verdictLines(db: PrismaClient): Promise<string[]> {
  const rows = await db.claimVerdict.findMany({
    where: { isCurrent: true },
    include: { claim: { include: { metric: true, brand: true } } },
  });
  return rows
    .map((row) => {
      const { reason, arithmetic } = inEnglish(row);
      const c = row.claim;
      const unit = c.statedUnit === "%" ? "%" : ` ${c.statedUnit}`;
      const head = `${c.brand.slug} ${c.metric.key} ${c.quarter ?? "-"} ${c.kind}${c.comparison ? `/${c.comparison}` : ""} ${c.hedge} ${c.statedValue}${unit}`;
      const off =
        row.difference === null
          ? ""
          : `, off by ${row.difference} ${row.differenceUnit} (×${row.ratio})`;
      const body =
        row.verdict === "unverifiable"
          ? `unverifiable: ${reason}`
          : `${row.verdict}: ${arithmetic.formula} = ${arithmetic.computed}${off}`;
      return `${head} → ${body}`;
    })
    .sort();
}

/** Every seeded claim's verdict with its arithmetic, as computed from data/ (reviewed by hand). */
const SEEDED_VERDICTS = [
  "li-auto ev_deliveries 2023Q1 change/yoy exact 65.8% → unverifiable: no current figure for ev_deliveries 2022Q1",
  "li-auto ev_deliveries 2023Q2 change/yoy exact 201.6% → unverifiable: no current figure for ev_deliveries 2022Q2",
  "li-auto ev_deliveries 2023Q3 change/yoy exact 296.3% → unverifiable: no current figure for ev_deliveries 2022Q3",
  "li-auto ev_deliveries 2023Q4 change/yoy exact 184.6% → unverifiable: no current figure for ev_deliveries 2022Q4",
  "li-auto ev_deliveries 2024Q1 change/yoy exact 52.9% → holds: (80400 ÷ 52584 − 1) × 100 = 52.8982",
  "li-auto ev_deliveries 2024Q2 change/yoy exact 25.5% → holds: (108581 ÷ 86533 − 1) × 100 = 25.4793",
  "li-auto ev_deliveries 2024Q3 change/yoy exact 45.4% → holds: (152831 ÷ 105108 − 1) × 100 = 45.4038",
  "li-auto ev_deliveries 2024Q4 change/yoy exact 20.4% → holds: (158696 ÷ 131805 − 1) × 100 = 20.4021",
  "li-auto ev_deliveries 2025Q1 change/yoy exact 15.5% → holds: (92864 ÷ 80400 − 1) × 100 = 15.5025",
  "li-auto ev_deliveries 2025Q2 change/yoy exact 2.3% → holds: (111074 ÷ 108581 − 1) × 100 = 2.296",
  "li-auto ev_deliveries 2025Q3 change/yoy exact -39% → holds: (93211 ÷ 152831 − 1) × 100 = -39.0104",
  "li-auto revenue 2023Q1 change/yoy exact 96.5% → unverifiable: no current figure for revenue 2022Q1",
  "li-auto revenue 2023Q2 change/yoy exact 228.1% → unverifiable: no current figure for revenue 2022Q2",
  "li-auto revenue 2023Q3 change/yoy exact 271.2% → unverifiable: no current figure for revenue 2022Q3",
  "li-auto revenue 2023Q4 change/yoy exact 136.4% → unverifiable: no current figure for revenue 2022Q4",
  "li-auto revenue 2024Q1 change/yoy exact 36.4% → holds: (25.6 ÷ 18.79 − 1) × 100 = 36.2427",
  "li-auto revenue 2024Q2 change/yoy exact 10.6% → holds: (31.7 ÷ 28.65 − 1) × 100 = 10.6457",
  "li-auto revenue 2024Q3 change/yoy exact 23.6% → holds: (42.9 ÷ 34.68 − 1) × 100 = 23.7024",
  "li-auto revenue 2024Q4 change/yoy exact 6.1% → holds: (44.3 ÷ 41.73 − 1) × 100 = 6.1586",
  "li-auto revenue 2025Q1 change/yoy exact 1.1% → holds: (25.9 ÷ 25.6 − 1) × 100 = 1.1719",
  "li-auto revenue 2025Q2 change/yoy exact -4.5% → holds: (30.2 ÷ 31.7 − 1) × 100 = -4.7319",
  "li-auto revenue 2025Q3 change/yoy exact -36.2% → holds: (27.4 ÷ 42.9 − 1) × 100 = -36.1305",
  "xiaomi adjusted_net_profit 2022Q2 change/yoy exact -67.1% → unverifiable: no current figure for adjusted_net_profit 2021Q2",
  "xiaomi adjusted_net_profit 2022Q4 change/yoy exact -67.3% → unverifiable: no current figure for adjusted_net_profit 2021Q4",
  "xiaomi adjusted_net_profit 2023Q1 change/yoy exact 13.1% → holds: (3.23 ÷ 2.9 − 1) × 100 = 11.3793",
  "xiaomi adjusted_net_profit 2023Q4 change/yoy exact 236.1% → holds: (4.91 ÷ 1.5 − 1) × 100 = 227.3333",
  "xiaomi adjusted_net_profit 2024Q1 change/yoy exact 100.8% → holds: (6.49 ÷ 3.23 − 1) × 100 = 100.9288",
  "xiaomi adjusted_net_profit 2024Q2 change/yoy exact 20.1% → holds: (6.2 ÷ 5.1 − 1) × 100 = 21.5686",
  "xiaomi adjusted_net_profit 2024Q3 change/yoy exact 4.4% → holds: (6.3 ÷ 6.0 − 1) × 100 = 5",
  "xiaomi adjusted_net_profit 2024Q4 change/yoy exact 69.4% → holds: (8.32 ÷ 4.91 − 1) × 100 = 69.4501",
  "xiaomi adjusted_net_profit 2025Q1 change/yoy exact 64.5% → holds: (10.676 ÷ 6.49 − 1) × 100 = 64.4992",
  "xiaomi adjusted_net_profit 2025Q2 change/yoy exact 75.4% → holds: (10.8 ÷ 6.2 − 1) × 100 = 74.1935",
  "xiaomi adjusted_net_profit 2025Q3 change/yoy exact 80.9% → holds: (11.311 ÷ 6.3 − 1) × 100 = 79.5397",
  "xiaomi ev_deliveries - cumulative about 280000 vehicles → unverifiable: a total over a period that is not whole quarters (or one model) needs monthly data, which Pulse does not hold",
  "xiaomi ev_deliveries 2025Q3 change/yoy nearly 700% → overstated: (108796 ÷ 39790 − 1) × 100 = 173.4255, off by 526.5745 pp (×4.0363)",
  "xiaomi ev_deliveries 2025Q3 level exact 108796 vehicles → holds: 108796 = 108796",
  "xiaomi ev_segment_revenue 2024Q3 share about 10% → holds: 9.7 ÷ 92.5065 × 100 = 10.4857",
  "xiaomi ev_segment_revenue 2025Q2 change/yoy exact 234% → holds: (21.3 ÷ 6.4 − 1) × 100 = 232.8125",
  "xiaomi ev_segment_revenue 2025Q3 change/yoy exact 199.2% → holds: (29.0 ÷ 9.7 − 1) × 100 = 198.9691",
  "xiaomi ev_segment_revenue 2025Q3 change/yoy exact 199.2% → holds: (29.0 ÷ 9.7 − 1) × 100 = 198.9691",
  "xiaomi ev_segment_revenue 2025Q3 level exact 29 RMB bn → holds: 29.0 = 29",
  "xiaomi ev_segment_revenue 2025Q3 share over 25% → holds: 29.0 ÷ 113.1 × 100 = 25.641",
  "xiaomi iot_5plus_users 2022Q4 change/yoy exact 32.5% → unverifiable: no current figure for iot_5plus_users 2021Q4",
  "xiaomi iot_5plus_users 2023Q2 change/yoy exact 27.8% → unverifiable: no current figure for iot_5plus_users 2022Q2",
  "xiaomi iot_5plus_users 2024Q1 change/yoy exact 24.2% → holds: (15.2 ÷ 12.3 − 1) × 100 = 23.5772",
  "xiaomi iot_5plus_users 2025Q3 change/yoy exact 26.1% → unverifiable: no current figure for iot_5plus_users 2024Q3",
  "xiaomi iot_devices 2022Q2 change/yoy exact 40.7% → unverifiable: no current figure for iot_devices 2021Q2",
  "xiaomi iot_devices 2022Q3 change/yoy exact 39.5% → unverifiable: no current figure for iot_devices 2021Q3",
  "xiaomi iot_devices 2022Q4 change/yoy exact 35.8% → unverifiable: no current figure for iot_devices 2021Q4",
  "xiaomi iot_devices 2023Q1 change/yoy exact 29.2% → unverifiable: no current figure for iot_devices 2022Q1",
  "xiaomi iot_devices 2023Q2 change/yoy exact 24.2% → holds: (654.5 ÷ 527 − 1) × 100 = 24.1935",
  "xiaomi iot_devices 2023Q3 change/yoy exact 25.2% → holds: (698.9 ÷ 558 − 1) × 100 = 25.2509",
  "xiaomi iot_devices 2023Q4 change/yoy exact 25.5% → holds: (739.7 ÷ 589 − 1) × 100 = 25.5857",
  "xiaomi iot_devices 2024Q1 change/yoy exact 27% → holds: (786 ÷ 618.0 − 1) × 100 = 27.1845",
  "xiaomi iot_devices 2024Q2 change/yoy exact 25.6% → holds: (822.2 ÷ 654.5 − 1) × 100 = 25.6226",
  "xiaomi iot_devices 2024Q3 change/yoy exact 23.2% → holds: (861.4 ÷ 698.9 − 1) × 100 = 23.2508",
  "xiaomi iot_devices 2024Q4 change/yoy exact 22.3% → holds: (904.6 ÷ 739.7 − 1) × 100 = 22.2928",
  "xiaomi iot_devices 2025Q2 change/yoy exact 20.3% → holds: (989 ÷ 822.2 − 1) × 100 = 20.287",
  "xiaomi iot_devices 2025Q3 change/yoy exact 20.2% → holds: (1035.5 ÷ 861.4 − 1) × 100 = 20.2113",
  "xiaomi iot_devices 2025Q3 change/yoy exact 20.2% → holds: (1035.5 ÷ 861.4 − 1) × 100 = 20.2113",
  "xiaomi iot_devices 2025Q3 record over 1000 M devices → unverifiable: a record needs every quarter from the first stored (2022Q2) to 2025Q3; missing: 2025Q1",
  "xiaomi mau 2022Q4 change/yoy exact 14.4% → unverifiable: no current figure for mau 2021Q4",
  "xiaomi mau 2023Q1 change/yoy exact 12.4% → holds: (594.8 ÷ 529 − 1) × 100 = 12.4386",
  "xiaomi mau 2023Q2 change/yoy exact 10.8% → holds: (606 ÷ 547 − 1) × 100 = 10.7861",
  "xiaomi mau 2023Q3 change/yoy exact 10.5% → holds: (623.1 ÷ 564 − 1) × 100 = 10.4787",
  "xiaomi mau 2023Q4 change/yoy exact 10.2% → holds: (641.2 ÷ 582 − 1) × 100 = 10.1718",
  "xiaomi mau 2024Q2 change/yoy exact 11.5% → holds: (675.8 ÷ 606 − 1) × 100 = 11.5182",
  "xiaomi mau 2024Q3 change/yoy exact 10.1% → holds: (685.8 ÷ 623.1 − 1) × 100 = 10.0626",
  "xiaomi mau 2024Q4 change/yoy exact 9.5% → holds: (702 ÷ 641.2 − 1) × 100 = 9.4822",
  "xiaomi mau 2025Q1 change/yoy exact 9.2% → holds: (719 ÷ 658.1 − 1) × 100 = 9.2539",
  "xiaomi mau 2025Q2 change/yoy exact 8.2% → holds: (731.2 ÷ 675.8 − 1) × 100 = 8.1977",
  "xiaomi mau 2025Q3 change/yoy exact 8.2% → holds: (741.7 ÷ 685.8 − 1) × 100 = 8.1511",
  "xiaomi mau 2025Q3 change/yoy exact 8.2% → holds: (741.7 ÷ 685.8 − 1) × 100 = 8.1511",
  "xiaomi mau 2025Q3 level over 741.7 M users → holds: 741.7 = 741.7",
  "xiaomi mau_china 2023Q3 change/yoy exact 7.4% → unverifiable: no current figure for mau_china 2022Q3",
  "xiaomi mau_china 2024Q1 change/yoy exact 9.7% → unverifiable: no current figure for mau_china 2023Q1",
  "xiaomi mau_china 2024Q2 change/yoy exact 10.1% → unverifiable: no current figure for mau_china 2023Q2",
  "xiaomi mau_china 2024Q4 change/yoy exact 11.1% → unverifiable: no current figure for mau_china 2023Q4",
  "xiaomi mau_china 2025Q1 change/yoy exact 12.9% → holds: (181 ÷ 160.4 − 1) × 100 = 12.8429",
  "xiaomi mijia_app_mau 2022Q4 change/yoy exact 18.6% → unverifiable: no current figure for mijia_app_mau 2021Q4",
  "xiaomi mijia_app_mau 2025Q2 change/yoy exact 16.8% → unverifiable: no current figure for mijia_app_mau 2024Q2",
  "xiaomi mijia_app_mau 2025Q2 level exact 113.1 M users → holds: 113.1 = 113.1",
  "xiaomi mijia_app_mau 2025Q3 change/yoy exact 14.4% → unverifiable: no current figure for mijia_app_mau 2024Q3",
  "xiaomi retail_stores 2024Q3 level about 15000 stores → holds: 15000 = 15000",
  "xiaomi retail_stores 2025Q3 change/yoy exact 20% → holds: (18000 ÷ 15000 − 1) × 100 = 20",
  "xiaomi retail_stores 2025Q3 change/yoy exact 20% → holds: (18000 ÷ 15000 − 1) × 100 = 20",
  "xiaomi retail_stores 2025Q3 level over 18000 stores → holds: 18000 = 18000",
  "xiaomi revenue 2022Q2 change/yoy exact -20.1% → unverifiable: no current figure for revenue 2021Q2",
  "xiaomi revenue 2022Q4 change/yoy exact -22.8% → unverifiable: no current figure for revenue 2021Q4",
  "xiaomi revenue 2023Q1 change/yoy exact -18.9% → holds: (59.4771 ÷ 73.4 − 1) × 100 = -18.9685",
  "xiaomi revenue 2023Q2 change/yoy exact -4% → holds: (67.4 ÷ 70.2 − 1) × 100 = -3.9886",
  "xiaomi revenue 2023Q3 change/yoy exact 0.6% → holds: (70.9 ÷ 70.5 − 1) × 100 = 0.5674",
  "xiaomi revenue 2023Q4 change/yoy exact 10.9% → holds: (73.24 ÷ 66.0 − 1) × 100 = 10.9697",
  "xiaomi revenue 2024Q1 change/yoy exact 27% → holds: (75.5 ÷ 59.4771 − 1) × 100 = 26.9396",
  "xiaomi revenue 2024Q2 change/yoy exact 32% → holds: (88.8878 ÷ 67.4 − 1) × 100 = 31.881",
  "xiaomi revenue 2024Q3 change/yoy exact 30.5% → holds: (92.5065 ÷ 70.9 − 1) × 100 = 30.4746",
  "xiaomi revenue 2024Q4 change/yoy exact 48.8% → holds: (109.01 ÷ 73.24 − 1) × 100 = 48.8394",
  "xiaomi revenue 2025Q1 change/yoy exact 47.4% → holds: (111.293 ÷ 75.5 − 1) × 100 = 47.4079",
  "xiaomi revenue 2025Q2 change/yoy exact 30.5% → holds: (116.0 ÷ 88.8878 − 1) × 100 = 30.5016",
  "xiaomi revenue 2025Q3 change/yoy exact 22.3% → holds: (113.1 ÷ 92.5065 − 1) × 100 = 22.2617",
  "xiaomi revenue 2025Q3 change/yoy exact 22.3% → holds: (113.1 ÷ 92.5065 − 1) × 100 = 22.2617",
  "xiaomi revenue 2025Q3 level exact 113.1 RMB bn → holds: 113.1 = 113.1",
  "xiaomi smartphone_shipments 2023Q1 change/yoy exact -21.1% → holds: (30.4 ÷ 38.5 − 1) × 100 = -21.039",
  "xiaomi smartphone_shipments 2023Q2 change/yoy exact -15.8% → holds: (32.9 ÷ 39.1 − 1) × 100 = -15.8568",
  "xiaomi smartphone_shipments 2023Q3 change/yoy exact 4% → holds: (41.8 ÷ 40.2 − 1) × 100 = 3.9801",
  "xiaomi smartphone_shipments 2023Q4 change/yoy exact 23.9% → holds: (40.5 ÷ 32.7 − 1) × 100 = 23.8532",
  "xiaomi smartphone_shipments 2024Q1 change/yoy exact 33.7% → holds: (40.6 ÷ 30.4 − 1) × 100 = 33.5526",
  "xiaomi smartphone_shipments 2024Q2 change/yoy exact 28.1% → holds: (42.2 ÷ 32.9 − 1) × 100 = 28.2675",
  "xiaomi smartphone_shipments 2024Q3 change/yoy exact 3.1% → holds: (43.1 ÷ 41.8 − 1) × 100 = 3.11",
  "xiaomi smartphone_shipments 2024Q4 change/yoy exact 5.3% → holds: (42.7 ÷ 40.5 − 1) × 100 = 5.4321",
  "xiaomi smartphone_shipments 2025Q1 change/yoy exact 3% → holds: (41.8 ÷ 40.6 − 1) × 100 = 2.9557",
  "xiaomi smartphone_shipments 2025Q2 change/yoy exact 0.6% → holds: (42.4 ÷ 42.2 − 1) × 100 = 0.4739",
  "xiaomi smartphone_shipments 2025Q3 change/yoy exact 0.5% → holds: (43.3 ÷ 43.1 − 1) × 100 = 0.464",
  "xiaomi smartphone_shipments 2025Q3 level exact 43.3 M units → holds: 43.3 = 43.3",
  "xiaomi smartphone_shipments 2025Q3 streak/yoy exact 9 quarters → holds: consecutive quarters of YoY growth ending 2025Q3 = 9",
  "xiaomi xiao_ai_mau 2022Q4 change/yoy exact 7.1% → unverifiable: no current figure for xiao_ai_mau 2021Q4",
  "xiaomi xiao_ai_mau 2025Q2 change/yoy exact 16.4% → unverifiable: no current figure for xiao_ai_mau 2024Q2",
  "xiaomi xiao_ai_mau 2025Q2 level exact 153.2 M users → holds: 153.2 = 153.2",
];

describe("claims seeded from data/ into a real SQLite file", () => {
  let testDb: TestDatabase;
  let db: PrismaClient;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = createPrismaClient(testDb.url);
    await seedFromFiles(testDb.url);
    // Seeding judges 118 claims: allow for a machine shared with other jobs.
  }, 180_000);

  afterAll(async () => {
    await db.$disconnect();
    await testDb.remove();
  });

  it("judges the 20 claims of claims.csv and every stated YoY (but the dropped one) as pinned", async () => {
    expect(await verdictLines(db)).toEqual(SEEDED_VERDICTS);
    expect(await db.claim.count({ where: { uid: { startsWith: "seed-claim-" } } })).toBe(20);
    expect(await db.claim.count({ where: { uid: { startsWith: "seed-yoy-" } } })).toBe(98);
  });

  it('finds the "nearly 700%" EV deliveries claim overstated by 526.6 pp against 108,796 / 39,790', async () => {
    const verdict = await db.claimVerdict.findFirstOrThrow({
      where: { isCurrent: true, claim: { metric: { key: "ev_deliveries" }, hedge: "nearly" } },
    });
    expect(verdict).toMatchObject({
      verdict: "overstated",
      difference: 526.5745,
      differenceUnit: "pp",
    });
    const used = JSON.parse(verdict.figureIds) as number[];
    const figures = await db.observation.findMany({
      where: { id: { in: used } },
      orderBy: { quarter: "asc" },
    });
    expect(figures.map((f) => [f.quarter, f.value, f.isCurrent])).toEqual([
      ["2024Q3", 39790, true],
      ["2025Q3", 108796, true],
    ]);
  });

  it("applies each data correction as a noted revision by a system actor, keeping the earlier qualifier as history", async () => {
    const stores = await db.observation.findMany({
      where: { metric: { key: "retail_stores" }, quarter: "2025Q3" },
      orderBy: { revision: "asc" },
    });
    expect(
      stores.map((row) => [row.revision, row.qualifier, row.isCurrent, row.createdBy]),
    ).toEqual([
      [1, "approximate", false, "seed"],
      [2, "at_least", true, CORRECTIONS_ACTOR.name],
    ]);
    expect(stores[1]?.note).toContain("exceeds 18,000");
    expect(stores[1]?.sourceId).toBe(stores[0]?.sourceId);
    for (const [metric, quarter] of [
      ["revenue", "2022Q2"],
      ["adjusted_net_profit", "2022Q2"],
      ["mau", "2024Q4"],
      ["mau", "2025Q1"],
      ["iot_devices", "2025Q2"],
    ] as const) {
      const current = await db.observation.findFirstOrThrow({
        where: { metric: { key: metric }, quarter, isCurrent: true },
      });
      expect([metric, quarter, current.qualifier, current.revision]).toEqual([
        metric,
        quarter,
        "approximate",
        2,
      ]);
    }
    const mau = await db.observation.findFirstOrThrow({
      where: { metric: { key: "mau" }, quarter: "2024Q1", isCurrent: true },
    });
    expect(mau.statedYoyPct).toBeNull();
    expect(mau.note).toContain("10.6");
    expect(await db.auditEntry.count({ where: { actor: CORRECTIONS_ACTOR.name } })).toBe(7);
  });

  it("changes nothing when the seed runs again", async () => {
    const before = await Promise.all([
      db.observation.count(),
      db.claim.count(),
      db.claimVerdict.count(),
    ]);
    const report = await seedFromFiles(testDb.url);
    expect(report).toMatchObject({ correctionsApplied: 0, claimsAdded: 0, claimsUnchanged: 118 });
    expect(
      await Promise.all([db.observation.count(), db.claim.count(), db.claimVerdict.count()]),
    ).toEqual(before);
  });

  it("keeps verdicts stored with English sentences (before phrases were data) current when judged again", async () => {
    // A database judged before: every current verdict's reason, formula and steps as English text.
    const current = await db.claimVerdict.findMany({ where: { isCurrent: true } });
    for (const row of current) {
      const { reason, arithmetic } = inEnglish(row);
      await db.claimVerdict.update({
        where: { id: row.id },
        data: { reason, arithmetic: JSON.stringify(arithmetic) },
      });
    }
    const reasons = await db.claimVerdict.findMany({
      where: { isCurrent: true, verdict: "unverifiable" },
      select: { reason: true },
    });
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons.filter((row) => !/^[a-z]/.test(row.reason ?? ""))).toEqual([]);
    const before = await db.claimVerdict.count();
    const results = [];
    for (const row of current) {
      results.push(
        await db.$transaction((tx) => judgeClaimByUid(tx, row.claimUid, new Date(), "test")),
      );
    }
    expect(results.filter((result) => result?.changed)).toEqual([]);
    expect(await db.claimVerdict.count()).toBe(before);
    expect(await verdictLines(db)).toEqual(SEEDED_VERDICTS);
  });

  it("re-judges the claims that used a figure when it is restated, keeping the earlier verdict as history", async () => {
    const restated: QuarterFigure = {
      metricKey: "ev_deliveries",
      value: 13600,
      decimals: 0,
      qualifier: "exact",
    };
    await createQuarterFigures(
      {
        brand: "xiaomi",
        quarter: "2024Q3",
        figures: [restated],
        source: { title: "A test restatement", url: null, publishedOn: null },
        note: "test",
        actor: { id: null, name: "Test Analyst" },
        confirmedTokens: (["restatement", "extreme_change"] as const).map((kind) =>
          confirmationToken(kind, "2024Q3", "ev_deliveries", restated),
        ),
      },
      db,
    );
    const claim = await db.claim.findFirstOrThrow({
      where: { metric: { key: "ev_deliveries" }, hedge: "nearly", isCurrent: true },
    });
    const history = await db.claimVerdict.findMany({
      where: { claimUid: claim.uid },
      orderBy: { id: "asc" },
    });
    expect(history.map((row) => [row.verdict, row.isCurrent])).toEqual([
      ["overstated", false],
      ["holds", true],
    ]);
    const latest = history[1];
    expect(latest?.trigger).toContain("xiaomi/ev_deliveries/2024Q3");
    if (!latest) throw new Error("a new verdict was stored");
    expect(inEnglish(latest).arithmetic).toMatchObject({
      formula: "(108796 ÷ 13600 − 1) × 100",
      computed: 699.9706,
    });
    const newFigure = await db.observation.findFirstOrThrow({
      where: {
        brand: { slug: "xiaomi" },
        metric: { key: "ev_deliveries" },
        quarter: "2024Q3",
        isCurrent: true,
      },
    });
    expect(JSON.parse(latest?.figureIds ?? "[]")).toContain(newFigure.id);
    // A claim about another metric was not re-judged.
    const revenue = await db.claim.findFirstOrThrow({
      where: { uid: { startsWith: "seed-claim-" }, metric: { key: "revenue" }, kind: "level" },
    });
    expect(await db.claimVerdict.count({ where: { claimUid: revenue.uid } })).toBe(1);
  });

  it("judges the claims once for a save of several figures, naming every figure it wrote", async () => {
    const claim = await db.claim.findFirstOrThrow({
      where: { metric: { key: "ev_deliveries" }, hedge: "nearly", isCurrent: true },
    });
    const figures = await db.observation.findMany({
      where: { brand: { slug: "xiaomi" }, quarter: "2024Q3", metric: { key: "ev_deliveries" } },
      orderBy: { revision: "asc" },
      include: { metric: true },
    });
    const [first, current] = [figures[0], figures.at(-1)];
    if (!first || !current || first.value === null) throw new Error("the restated figure is there");
    const revenue = await db.observation.findFirstOrThrow({
      where: {
        brand: { slug: "xiaomi" },
        quarter: "2024Q3",
        isCurrent: true,
        metric: { key: "revenue" },
      },
      include: { metric: true },
    });
    const verdictsBefore = await db.claimVerdict.count({ where: { claimUid: claim.uid } });
    const at = new Date();
    const revisionOf = (row: typeof first, value: number, note: string) => ({
      brandId: row.brandId,
      brandSlug: "xiaomi",
      metricId: row.metricId,
      metricKey: row.metric.key,
      quarter: "2024Q3",
      value,
      decimals: row.decimals,
      qualifier: row.qualifier as QuarterFigure["qualifier"],
      sourceId: row.sourceId,
      quote: null,
      note,
      statedYoyPct: null,
      actor: { id: null, name: "Test Analyst" },
      at,
    });
    // The first figure turns the claim back to overstated; the second changes nothing it reads.
    await db.$transaction((tx) =>
      appendObservationRevisions(tx, [
        revisionOf(first, first.value ?? 0, "back to the first figure"),
        revisionOf(revenue, revenue.value ?? 0, "a note only"),
      ]),
    );
    const history = await db.claimVerdict.findMany({
      where: { claimUid: claim.uid },
      orderBy: { id: "asc" },
    });
    expect(history).toHaveLength(verdictsBefore + 1);
    expect(history.at(-1)?.verdict).toBe("overstated");
    expect(history.at(-1)?.trigger).toBe(
      "figure written: xiaomi/ev_deliveries/2024Q3, xiaomi/revenue/2024Q3",
    );
  });
});
