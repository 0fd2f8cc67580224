import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { createPrismaClient, getWriteDb } from "@/lib/db";
import { type Confirmation, confirmationToken } from "@/lib/domain/confirmations";
import type { QuarterCode } from "@/lib/domain/quarter";
import type { QuarterFigure, QuarterInput } from "@/lib/domain/quarter-input";
import type { Qualifier } from "@/lib/domain/types";
import {
  ConfirmationRequiredError,
  StaleFigureError,
  UnchangedFigureError,
  UnknownReferenceError,
} from "@/lib/errors";
import {
  type CreateQuarterFiguresInput,
  createQuarterFigures,
} from "@/lib/mutations/create-quarter-figures";
import { deleteObservation } from "@/lib/mutations/delete-observation";
import { listSavedFigures } from "@/lib/queries/saved-figures";
import { listBrandSeries } from "@/lib/queries/series";
import { setUpSeededTestDatabase } from "../support/seeded-test-db";

const SOURCE = {
  title: "Xiaomi Q4 2025 results announcement",
  url: "https://ir.mi.com/q4-2025",
  publishedOn: "2026-03-24",
};

function figure(metricKey: string, value: number, decimals = 1): QuarterFigure {
  return { metricKey, value, decimals, qualifier: "exact" };
}

function submission(
  quarter: QuarterCode,
  figures: QuarterFigure[],
  extra: Partial<CreateQuarterFiguresInput> = {},
): CreateQuarterFiguresInput {
  const input: QuarterInput = { brand: "xiaomi", quarter, figures, source: SOURCE, note: null };
  return { ...input, actor: { id: null, name: "Test Analyst" }, confirmedTokens: [], ...extra };
}

/** What an analyst ticking the confirmation box sends back for these figures. */
function confirmedTokensFor(quarter: QuarterCode, figures: QuarterFigure[]): string[] {
  return figures.flatMap((entry) =>
    (["restatement", "extreme_change"] as const).map((kind) =>
      confirmationToken(kind, quarter, entry.metricKey, entry),
    ),
  );
}

async function confirmationsOf(promise: Promise<unknown>): Promise<Confirmation[]> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ConfirmationRequiredError);
  return (error as ConfirmationRequiredError).confirmations;
}

async function revisionsOf(db: PrismaClient, metricKey: string, quarter: string) {
  return db.observation.findMany({
    where: { brand: { slug: "xiaomi" }, metric: { key: metricKey }, quarter },
    orderBy: { revision: "asc" },
    select: {
      revision: true,
      value: true,
      isCurrent: true,
      createdBy: true,
      supersededAt: true,
      supersededBy: true,
      note: true,
      sourceId: true,
    },
  });
}

async function auditOf(db: PrismaClient, metricKey: string, quarter: string) {
  const rows = await db.auditEntry.findMany({
    where: { entity: "observation", entityKey: `xiaomi/${metricKey}/${quarter}` },
    orderBy: { id: "asc" },
  });
  return rows.map((row) => ({
    action: row.action,
    actor: row.actor,
    before:
      row.before === null
        ? null
        : (JSON.parse(row.before) as { revision: number; value: number | null }),
    after: JSON.parse(row.after ?? "null") as { revision: number; value: number | null },
  }));
}

// One database for the file: lib/db keeps one connection per process, opened on first use.
let db: PrismaClient;

const seeded = setUpSeededTestDatabase();
beforeAll(async () => {
  db = getWriteDb();
});

describe("saving a quarter from the form", () => {
  it("creates every figure of a new quarter under one source, each with a create audit row", async () => {
    const figures = [figure("revenue", 120.5), figure("smartphone_shipments", 43.9)];
    const saved = await createQuarterFigures(submission("2025Q4", figures));
    expect(saved.figures).toEqual([
      { metricKey: "revenue", revision: 1, restated: false, change: "new" },
      { metricKey: "smartphone_shipments", revision: 1, restated: false, change: "new" },
    ]);
    const revenue = await revisionsOf(db, "revenue", "2025Q4");
    const shipments = await revisionsOf(db, "smartphone_shipments", "2025Q4");
    expect(revenue).toMatchObject([{ revision: 1, value: 120.5, isCurrent: true }]);
    expect(shipments).toMatchObject([{ revision: 1, value: 43.9, isCurrent: true }]);
    expect(revenue[0]?.sourceId).toBe(shipments[0]?.sourceId);
    const source = await db.source.findUnique({ where: { id: revenue[0]?.sourceId ?? -1 } });
    expect(source).toMatchObject(SOURCE);
    expect(await auditOf(db, "revenue", "2025Q4")).toEqual([
      {
        action: "create",
        actor: "Test Analyst",
        before: null,
        after: expect.objectContaining({ revision: 1, value: 120.5 }),
      },
    ]);
    const [series] = await listBrandSeries("xiaomi", { metricKeys: ["revenue"] });
    expect(series?.points.at(-1)).toMatchObject({ quarter: "2025Q4", value: 120.5 });
  });

  it("asks to confirm a restatement, showing the stored value, and writes nothing until then", async () => {
    const before = await db.observation.count();
    const audits = await db.auditEntry.count();
    const confirmations = await confirmationsOf(
      createQuarterFigures(submission("2025Q3", [figure("mau", 745.2)])),
    );
    expect(confirmations).toEqual([
      expect.objectContaining({
        kind: "restatement",
        metricKey: "mau",
        quarter: "2025Q3",
        current: expect.objectContaining({ value: 741.7, revision: 1, createdBy: "seed" }),
        next: { value: 745.2, decimals: 1, qualifier: "exact" },
      }),
    ]);
    const restatement = confirmations[0];
    expect(restatement?.kind === "restatement" && restatement.current.source?.title).toBeTruthy();
    expect(await db.observation.count()).toBe(before);
    expect(await db.auditEntry.count()).toBe(audits);
  });

  it("saves all figures or none: one unconfirmed restatement keeps the new figures out too", async () => {
    const confirmations = await confirmationsOf(
      createQuarterFigures(
        submission("2025Q2", [figure("iot_devices", 1000.1), figure("mau_china", 180.5)]),
      ),
    );
    expect(confirmations.map((item) => `${item.kind}:${item.metricKey}`)).toEqual([
      "restatement:iot_devices",
    ]);
    expect(await revisionsOf(db, "mau_china", "2025Q2")).toEqual([]);
  });

  it("a confirmed restatement keeps the old value as a superseded revision with who and when", async () => {
    const figures = [figure("mau", 745.2)];
    const at = new Date("2026-11-20T10:00:00Z");
    const saved = await createQuarterFigures(
      submission("2025Q3", figures, {
        confirmedTokens: confirmedTokensFor("2025Q3", figures),
        actor: { id: null, name: "Ada" },
        note: "Restated in the annual report",
        at,
      }),
    );
    expect(saved.figures).toEqual([
      { metricKey: "mau", revision: 2, restated: true, change: "restatement" },
    ]);
    expect(await revisionsOf(db, "mau", "2025Q3")).toMatchObject([
      { revision: 1, value: 741.7, isCurrent: false, supersededBy: "Ada", supersededAt: at },
      {
        revision: 2,
        value: 745.2,
        isCurrent: true,
        createdBy: "Ada",
        note: "Restated in the annual report",
      },
    ]);
    const audit = await auditOf(db, "mau", "2025Q3");
    expect(audit.at(-1)).toEqual({
      action: "restate",
      actor: "Ada",
      before: expect.objectContaining({ revision: 1, value: 741.7 }),
      after: expect.objectContaining({ revision: 2, value: 745.2 }),
    });
    const [series] = await listBrandSeries("xiaomi", { metricKeys: ["mau"] });
    const point = series?.points.find((entry) => entry.quarter === "2025Q3");
    expect(point?.value).toBe(745.2);
    expect(point?.history).toMatchObject([
      { revision: 1, value: 741.7, supersededBy: "Ada", supersededAt: at.toISOString() },
    ]);
  });

  it("asks again when the confirmed value differs from the one submitted", async () => {
    const confirmedFor = [figure("mau", 745.9)];
    await confirmationsOf(
      createQuarterFigures(
        submission("2025Q3", [figure("mau", 746.0)], {
          confirmedTokens: confirmedTokensFor("2025Q3", confirmedFor),
        }),
      ),
    );
    expect((await revisionsOf(db, "mau", "2025Q3")).at(-1)?.value).toBe(745.2);
  });

  it("asks to confirm a tenfold YoY jump as a likely wrong unit, then saves it once confirmed", async () => {
    // 2024Q4 deliveries are about 70,000 vehicles: 4,114,600 is 58 times that (a unit slip?).
    const onNewQuarter = await confirmationsOf(
      createQuarterFigures(submission("2025Q4", [figure("ev_deliveries", 4_114_600, 0)], {})),
    );
    expect(onNewQuarter).toEqual([
      expect.objectContaining({
        kind: "extreme_change",
        metricKey: "ev_deliveries",
        baseQuarter: "2024Q4",
        unitSlip: true,
      }),
    ]);
    const confirmed = [figure("ev_deliveries", 4_114_600, 0)];
    await createQuarterFigures(
      submission("2025Q4", confirmed, { confirmedTokens: confirmedTokensFor("2025Q4", confirmed) }),
    );
    expect(await revisionsOf(db, "ev_deliveries", "2025Q4")).toMatchObject([
      { revision: 1, value: 4_114_600, isCurrent: true },
    ]);
  });

  it("records every one of many concurrent confirmed restatements, in order, with exactly one current", async () => {
    const values = [1001.1, 1002.2, 1003.3, 1004.4, 1005.5, 1006.6, 1007.7, 1008.8];
    const results = await Promise.all(
      values.map((value, index) => {
        const figures = [figure("iot_devices", value)];
        return createQuarterFigures(
          submission("2025Q3", figures, {
            actor: { id: null, name: `Editor ${index}` },
            confirmedTokens: confirmedTokensFor("2025Q3", figures),
          }),
        );
      }),
    );
    const revisions = await revisionsOf(db, "iot_devices", "2025Q3");
    expect(revisions.map((row) => row.revision)).toEqual(
      Array.from({ length: values.length + 1 }, (_, index) => index + 1),
    );
    expect(revisions.filter((row) => row.isCurrent)).toHaveLength(1);
    expect(revisions.at(-1)?.isCurrent).toBe(true);
    for (const row of revisions.slice(0, -1)) {
      expect(row.supersededAt).not.toBeNull();
      expect(row.supersededBy).not.toBeNull();
    }
    // Every submitted value is there exactly once, and each save reported its own revision.
    expect(
      revisions
        .slice(1)
        .map((row) => row.value)
        .sort(),
    ).toEqual([...values].sort());
    expect(
      results.map((result) => result.figures[0]?.revision).sort((a, b) => (a ?? 0) - (b ?? 0)),
    ).toEqual(revisions.slice(1).map((row) => row.revision));
    // The audit trail is one chain: each restatement's "before" is the previous "after".
    const audit = (await auditOf(db, "iot_devices", "2025Q3")).slice(-values.length);
    audit.forEach((entry, index) => {
      expect(entry.action).toBe("restate");
      expect(entry.before?.revision).toBe(index + 1);
      expect(entry.after.revision).toBe(index + 2);
      expect(entry.before?.value).toBe(revisions[index]?.value);
    });
  });

  it("also records concurrent restatements sent through separate connections (as from two processes)", async () => {
    const first = createPrismaClient(seeded().url);
    const second = createPrismaClient(seeded().url);
    try {
      const values = [200.1, 200.2, 200.3, 200.4, 200.5, 200.6];
      await Promise.all(
        values.map((value, index) => {
          const figures = [figure("mau_china", value)];
          return createQuarterFigures(
            submission("2025Q3", figures, {
              actor: { id: null, name: `Process ${index % 2}` },
              confirmedTokens: confirmedTokensFor("2025Q3", figures),
            }),
            index % 2 === 0 ? first : second,
          );
        }),
      );
      const revisions = await revisionsOf(db, "mau_china", "2025Q3");
      expect(revisions.map((row) => row.revision)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect(revisions.filter((row) => row.isCurrent)).toHaveLength(1);
      expect(new Set(revisions.slice(1).map((row) => row.value))).toEqual(new Set(values));
    } finally {
      await first.$disconnect();
      await second.$disconnect();
    }
  });

  it("lets only one of several concurrent first entries create the figure; the others must confirm", async () => {
    const outcomes = await Promise.allSettled(
      [31.1, 32.2, 33.3].map((value) =>
        createQuarterFigures(submission("2025Q4", [figure("xiao_ai_mau", value)])),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.filter((outcome) => outcome.status === "rejected");
    expect(refused).toHaveLength(2);
    for (const outcome of refused) {
      expect(outcome.reason).toBeInstanceOf(ConfirmationRequiredError);
    }
    expect(await revisionsOf(db, "xiao_ai_mau", "2025Q4")).toHaveLength(1);
  });

  it("reads back exactly the figures of one save for the confirmation notice", async () => {
    const figures = [figure("mau", 760.1), figure("smartphone_gross_margin", 11.9)];
    const saved = await createQuarterFigures(
      submission("2025Q4", figures, { actor: { id: null, name: "Notice Tester" } }),
    );
    const listed = await listSavedFigures("xiaomi", "2025Q4", saved.savedAt);
    expect(listed.map((entry) => [entry.metricKey, entry.value, entry.restated])).toEqual([
      ["mau", 760.1, false],
      ["smartphone_gross_margin", 11.9, false],
    ]);
    // Another moment's save, or a made-up timestamp, lists nothing of this one.
    expect(await listSavedFigures("xiaomi", "2025Q4", saved.savedAt + 1)).toEqual([]);
    const restated = [figure("mau", 760.2)];
    const second = await createQuarterFigures(
      submission("2025Q4", restated, { confirmedTokens: confirmedTokensFor("2025Q4", restated) }),
    );
    expect(await listSavedFigures("xiaomi", "2025Q4", second.savedAt)).toMatchObject([
      { metricKey: "mau", value: 760.2, restated: true },
    ]);
  });

  it("refuses an unknown brand or metric and writes nothing", async () => {
    const before = await db.auditEntry.count();
    await expect(
      createQuarterFigures({ ...submission("2025Q4", [figure("revenue", 1)]), brand: "nope" }),
    ).rejects.toBeInstanceOf(UnknownReferenceError);
    await expect(
      createQuarterFigures(submission("2025Q4", [figure("revenue_typo", 1)])),
    ).rejects.toBeInstanceOf(UnknownReferenceError);
    expect(await db.auditEntry.count()).toBe(before);
  });
});

describe("withdrawing a figure", () => {
  it("appends a revision without a value: the quarter becomes a gap and keeps its history", async () => {
    await deleteObservation({
      brand: "xiaomi",
      metricKey: "adjusted_net_profit",
      quarter: "2023Q2",
      reason: "The source reported IFRS profit, not adjusted",
      expectedRevision: 1,
      actor: { id: null, name: "Ada" },
    });
    const revisions = await revisionsOf(db, "adjusted_net_profit", "2023Q2");
    expect(revisions).toMatchObject([
      { revision: 1, isCurrent: false, supersededBy: "Ada" },
      {
        revision: 2,
        value: null,
        isCurrent: true,
        note: "The source reported IFRS profit, not adjusted",
      },
    ]);
    expect(revisions[0]?.value).not.toBeNull();
    expect((await auditOf(db, "adjusted_net_profit", "2023Q2")).at(-1)).toMatchObject({
      action: "delete",
      actor: "Ada",
      before: { revision: 1 },
      after: { revision: 2, value: null },
    });
    const [series] = await listBrandSeries("xiaomi", { metricKeys: ["adjusted_net_profit"] });
    expect(series?.points.some((point) => point.quarter === "2023Q2")).toBe(false);
    expect(series?.withdrawn).toEqual([
      expect.objectContaining({
        quarter: "2023Q2",
        revision: 2,
        withdrawnBy: "Ada",
        reason: "The source reported IFRS profit, not adjusted",
        history: [expect.objectContaining({ revision: 1, value: revisions[0]?.value })],
      }),
    ]);
  });

  it("refuses to withdraw a figure that changed since the editor saw it", async () => {
    await expect(
      deleteObservation({
        brand: "xiaomi",
        metricKey: "adjusted_net_profit",
        quarter: "2023Q2",
        reason: "again",
        expectedRevision: 1,
        actor: { id: null, name: "Bob" },
      }),
    ).rejects.toBeInstanceOf(StaleFigureError);
    expect(await revisionsOf(db, "adjusted_net_profit", "2023Q2")).toHaveLength(2);
  });

  it("lets a withdrawn quarter get a figure again without a restatement confirmation", async () => {
    await createQuarterFigures(submission("2023Q2", [figure("adjusted_net_profit", 2.1)]));
    const [series] = await listBrandSeries("xiaomi", { metricKeys: ["adjusted_net_profit"] });
    const point = series?.points.find((entry) => entry.quarter === "2023Q2");
    expect(point?.value).toBe(2.1);
    expect(point?.history.map((revision) => revision.value === null)).toEqual([false, true]);
    expect(series?.withdrawn).toEqual([]);
  });
});

describe("saves that change nothing, or only the source", () => {
  const QUARTER = "2025Q1";

  async function stored(metricKey: string) {
    const row = await db.observation.findFirst({
      where: {
        brand: { slug: "xiaomi" },
        metric: { key: metricKey },
        quarter: QUARTER,
        isCurrent: true,
      },
      select: { value: true, decimals: true, qualifier: true, revision: true, source: true },
    });
    if (!row || row.value === null || !row.source) throw new Error(`no ${metricKey} ${QUARTER}`);
    return row as typeof row & { value: number; source: NonNullable<typeof row.source> };
  }

  function storedSubmission(
    row: Awaited<ReturnType<typeof stored>>,
    metricKey: string,
    source: QuarterInput["source"],
  ): CreateQuarterFiguresInput {
    const figures: QuarterFigure[] = [
      {
        metricKey,
        value: row.value,
        decimals: row.decimals,
        qualifier: row.qualifier as Qualifier,
      },
    ];
    return {
      ...submission(QUARTER, figures),
      source,
      confirmedTokens: confirmedTokensFor(QUARTER, figures),
    };
  }

  it("refuses a save of the stored value, qualifier and source, and writes nothing", async () => {
    const row = await stored("revenue");
    const before = await db.observation.count();
    const audits = await db.auditEntry.count();
    const source = {
      title: row.source.title,
      url: row.source.url,
      publishedOn: row.source.publishedOn,
    };
    const error = await createQuarterFigures(storedSubmission(row, "revenue", source)).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(UnchangedFigureError);
    expect((error as UnchangedFigureError).metricKeys).toEqual(["revenue"]);
    expect(await db.observation.count()).toBe(before);
    expect(await db.auditEntry.count()).toBe(audits);
  });

  it("keeps the stored publication date when the same source is retyped without it", async () => {
    const figures = [figure("retail_stores", 16500, 0)];
    const tokens = confirmedTokensFor("2025Q4", figures);
    await createQuarterFigures(submission("2025Q4", figures, { confirmedTokens: tokens }));
    const sources = await db.source.count();
    const retyped = { ...SOURCE, publishedOn: null };
    const error = await createQuarterFigures(
      submission("2025Q4", figures, { source: retyped, confirmedTokens: tokens }),
    ).catch((caught: unknown) => caught);
    // The retyped source is the stored one, date included: so this save changes nothing.
    expect(error).toBeInstanceOf(UnchangedFigureError);
    expect(await db.source.count()).toBe(sources);
    const [series] = await listBrandSeries("xiaomi", { metricKeys: ["retail_stores"] });
    const point = series?.points.find((entry) => entry.quarter === "2025Q4");
    expect(point?.source.publishedOn).toBe(SOURCE.publishedOn);
  });

  it("stores a change of source alone as a source update, audited as such, date kept", async () => {
    const row = await stored("mau");
    const other = {
      title: "Xiaomi 2025 interim report",
      url: "https://ir.mi.com/interim-2025",
      publishedOn: "2025-08-28",
    };
    const saved = await createQuarterFigures(storedSubmission(row, "mau", other));
    expect(saved.figures).toEqual([
      { metricKey: "mau", revision: row.revision + 1, restated: true, change: "source_update" },
    ]);
    const after = await stored("mau");
    expect(after.value).toBe(row.value);
    expect(after.source).toMatchObject(other);
    expect((await auditOf(db, "mau", QUARTER)).at(-1)?.action).toBe("source_update");
    const [series] = await listBrandSeries("xiaomi", { metricKeys: ["mau"] });
    const point = series?.points.find((entry) => entry.quarter === QUARTER);
    expect(point?.history.at(-1)).toMatchObject({
      value: row.value,
      source: { title: row.source.title, url: row.source.url },
    });
  });
});
