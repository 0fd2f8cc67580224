/**
 * Loads the sourced seed files into the database. Idempotent: a figure or event already stored
 * as any revision is left alone, so a second run changes nothing and an analyst's later
 * restatement is never undone. Rows are applied in file order (the order the sources were
 * published), so of two sources for one quarter the later becomes current and the earlier stays
 * as history. Every stated YoY is then checked against the stored values; a mismatch rolls the
 * whole load back.
 */
import { createHash } from "node:crypto";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/lib/domain/actor";
import { parseEventMetricKeys, storedEventMetricKeys } from "@/lib/domain/events";
import { decimalsOf, statedYoyAgrees } from "@/lib/domain/kpi";
import { type QuarterCode, shiftQuarter } from "@/lib/domain/quarter";
import { appendEventRevision } from "@/lib/mutations/append-event-revision";
import { appendObservationRevision } from "@/lib/mutations/append-observation-revision";
import { type Tx, writeAudit } from "@/lib/mutations/audit";
import { findOrCreateSource } from "@/lib/mutations/find-or-create-source";
import {
  claimsFromClaimRows,
  claimsFromStatedYoy,
  seedClaims,
  seedCorrections,
} from "./seed-claims";
import type { BrandMetricRow, EventRow, ObservationRow, SeedFiles } from "./seed-files";

/** Seed writes belong to no account: a null id and the system's name. */
export const SEED_ACTOR: Actor = { id: null, name: "seed" };

export interface SeedReport {
  brandsAdded: number;
  metricsAdded: number;
  observationsAdded: number;
  observationsUnchanged: number;
  eventsAdded: number;
  eventsUnchanged: number;
  /** Stated YoY figures checked against stored values, and those whose year-ago quarter is missing. */
  statedYoyChecked: number;
  statedYoyUnverifiable: number;
  correctionsApplied: number;
  claimsAdded: number;
  claimsUnchanged: number;
}

export class SeedConsistencyError extends Error {
  constructor(readonly mismatches: string[]) {
    super(
      `Stated YoY figures disagree with the stored values:\n${mismatches.map((m) => `- ${m}`).join("\n")}`,
    );
    this.name = "SeedConsistencyError";
  }
}

/** A seeded event's identity: the same brand, date and title is the same event. */
export function seedEventUid(row: Pick<EventRow, "brand" | "date" | "title">): string {
  const digest = createHash("sha256")
    .update(`${row.brand}\n${row.date}\n${row.title}`)
    .digest("hex");
  return `seed-${digest.slice(0, 20)}`;
}

export async function seedDatabase(
  db: PrismaClient,
  files: SeedFiles,
  now: Date = new Date(),
): Promise<SeedReport> {
  const report: SeedReport = {
    brandsAdded: 0,
    metricsAdded: 0,
    observationsAdded: 0,
    observationsUnchanged: 0,
    eventsAdded: 0,
    eventsUnchanged: 0,
    statedYoyChecked: 0,
    statedYoyUnverifiable: 0,
    correctionsApplied: 0,
    claimsAdded: 0,
    claimsUnchanged: 0,
  };
  // Validated before the transaction, so that a bad claims file fails without writing anything.
  const claims = [
    ...claimsFromClaimRows(files.claims ?? []),
    ...claimsFromStatedYoy(files.observations, files.corrections ?? []),
  ];
  await db.$transaction(
    async (tx) => {
      const brandIds = await seedBrands(tx, files, now, report);
      const metricIds = await seedMetrics(tx, files, now, report);
      for (const row of files.observations) {
        await seedObservation(tx, row, brandIds, metricIds, now, report);
      }
      for (const row of files.events) {
        await seedEvent(tx, row, brandIds, now, report);
      }
      for (const row of files.brandMetrics) {
        await seedBrandMetric(tx, row, brandIds, metricIds, now);
      }
      await checkStatedYoy(tx, files.observations, brandIds, metricIds, report);
      const corrections = await seedCorrections(
        tx,
        files.corrections ?? [],
        { brands: brandIds, metrics: metricIds },
        now,
      );
      report.correctionsApplied = corrections.applied;
      const seeded = await seedClaims(tx, claims, SEED_ACTOR, now);
      report.claimsAdded = seeded.added;
      report.claimsUnchanged = seeded.unchanged;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  return report;
}

async function seedBrands(tx: Tx, files: SeedFiles, now: Date, report: SeedReport) {
  const ids = new Map<string, number>();
  for (const row of files.brands) {
    const existing = await tx.brand.findUnique({ where: { slug: row.slug } });
    if (existing) {
      ids.set(row.slug, existing.id);
      // The reporting lag is the brand's rhythm and the Chinese description a translation, not
      // published figures: a file that states a new one updates it (audited), so databases seeded
      // before the columns existed catch up. A file without a translation removes none.
      const before: { reportingLagDays?: number; descriptionZh?: string | null } = {};
      const after: { reportingLagDays?: number; descriptionZh?: string } = {};
      const lag = row.reporting_lag_days;
      if (lag !== undefined && lag !== existing.reportingLagDays) {
        before.reportingLagDays = existing.reportingLagDays;
        after.reportingLagDays = lag;
      }
      const descriptionZh = row.description_zh;
      if (descriptionZh !== undefined && descriptionZh !== existing.descriptionZh) {
        before.descriptionZh = existing.descriptionZh;
        after.descriptionZh = descriptionZh;
      }
      if (Object.keys(after).length > 0) {
        await tx.brand.update({ where: { id: existing.id }, data: after });
        await writeAudit(tx, {
          actor: SEED_ACTOR,
          at: now,
          action: "update",
          entity: "brand",
          entityKey: row.slug,
          // The reporting lag and the description show only on the brand's own pages.
          brandId: existing.id,
          before,
          after,
        });
      }
      continue;
    }
    const created = await tx.brand.create({
      data: {
        slug: row.slug,
        name: row.name,
        currency: row.currency,
        description: row.description,
        descriptionZh: row.description_zh ?? null,
        ...(row.reporting_lag_days === undefined
          ? {}
          : { reportingLagDays: row.reporting_lag_days }),
      },
    });
    await writeAudit(tx, {
      actor: SEED_ACTOR,
      at: now,
      action: "seed",
      entity: "brand",
      entityKey: row.slug,
      // A new brand joins the brand list of every page.
      brandId: null,
      before: null,
      after: row,
    });
    ids.set(row.slug, created.id);
    report.brandsAdded++;
  }
  return ids;
}

async function seedMetrics(tx: Tx, files: SeedFiles, now: Date, report: SeedReport) {
  const ids = new Map<string, number>();
  const positions = await tx.metric.aggregate({ _max: { position: true } });
  let nextPosition = (positions._max.position ?? -1) + 1;
  for (const row of files.metrics) {
    const existing = await tx.metric.findUnique({ where: { key: row.key } });
    if (existing) {
      ids.set(row.key, existing.id);
      continue;
    }
    const created = await tx.metric.create({
      data: {
        key: row.key,
        label: row.label,
        unit: row.unit,
        kind: row.kind,
        higherIsBetter: row.higher_is_better === "true",
        definition: row.definition,
        labelZh: row.label_zh ?? "",
        definitionZh: row.definition_zh ?? "",
        position: nextPosition++,
      },
    });
    await writeAudit(tx, {
      actor: SEED_ACTOR,
      at: now,
      action: "seed",
      entity: "metric",
      entityKey: row.key,
      brandId: null,
      before: null,
      after: row,
    });
    ids.set(row.key, created.id);
    report.metricsAdded++;
  }
  return ids;
}

/** A brand's metric already in its set (seeded, or changed by an editor since) is left alone. */
async function seedBrandMetric(
  tx: Tx,
  row: BrandMetricRow,
  brandIds: Map<string, number>,
  metricIds: Map<string, number>,
  now: Date,
) {
  const brandId = lookup(brandIds, row.brand, "brand");
  const metricId = lookup(metricIds, row.metric, "metric");
  const existing = await tx.brandMetric.findUnique({
    where: { brandId_metricId: { brandId, metricId } },
  });
  if (existing) return;
  await tx.brandMetric.create({
    data: { brandId, metricId, position: row.position, note: row.note ?? null },
  });
  await writeAudit(tx, {
    actor: SEED_ACTOR,
    at: now,
    action: "seed",
    entity: "brand_metric",
    entityKey: `${row.brand}/${row.metric}`,
    brandId,
    before: null,
    after: row,
  });
}

function lookup(ids: Map<string, number>, key: string, what: string): number {
  const id = ids.get(key);
  if (id === undefined) throw new Error(`Unknown ${what} ${key}`);
  return id;
}

async function seedObservation(
  tx: Tx,
  row: ObservationRow,
  brandIds: Map<string, number>,
  metricIds: Map<string, number>,
  now: Date,
  report: SeedReport,
) {
  const brandId = lookup(brandIds, row.brand, "brand");
  const metricId = lookup(metricIds, row.metric, "metric");
  const sourceId = await findOrCreateSource(tx, {
    title: row.source_title,
    url: row.source_url ?? null,
    publishedOn: null,
  });
  const value = Number(row.value);
  const decimals = decimalsOf(row.value);
  const alreadyStored = await tx.observation.findFirst({
    where: {
      brandId,
      metricId,
      quarter: row.quarter,
      value,
      decimals,
      qualifier: row.qualifier,
      sourceId,
    },
    select: { id: true },
  });
  if (alreadyStored) {
    report.observationsUnchanged++;
    return;
  }
  await appendObservationRevision(tx, {
    brandId,
    brandSlug: row.brand,
    metricId,
    metricKey: row.metric,
    quarter: row.quarter,
    value,
    decimals,
    qualifier: row.qualifier,
    sourceId,
    quote: row.quote ?? null,
    note: null,
    statedYoyPct: row.stated_yoy_pct === undefined ? null : Number(row.stated_yoy_pct),
    actor: SEED_ACTOR,
    at: now,
    auditAction: "seed",
  });
  report.observationsAdded++;
}

async function seedEvent(
  tx: Tx,
  row: EventRow,
  brandIds: Map<string, number>,
  now: Date,
  report: SeedReport,
) {
  const uid = seedEventUid(row);
  const existing = await tx.event.findFirst({ where: { uid }, select: { id: true } });
  if (existing) {
    report.eventsUnchanged++;
    return;
  }
  const sourceId = await findOrCreateSource(tx, {
    title: row.source_title,
    url: row.source_url ?? null,
    publishedOn: null,
  });
  await appendEventRevision(tx, {
    uid,
    brandId: lookup(brandIds, row.brand, "brand"),
    date: row.date,
    kind: row.kind,
    title: row.title,
    description: row.description,
    quote: row.quote ?? null,
    metricKeys: storedEventMetricKeys(parseEventMetricKeys(row.metrics)),
    sourceId,
    deleted: false,
    actor: SEED_ACTOR,
    at: now,
    auditAction: "seed",
  });
  report.eventsAdded++;
}

async function checkStatedYoy(
  tx: Tx,
  rows: readonly ObservationRow[],
  brandIds: Map<string, number>,
  metricIds: Map<string, number>,
  report: SeedReport,
) {
  const mismatches: string[] = [];
  for (const row of rows) {
    if (row.stated_yoy_pct === undefined) continue;
    const base = await tx.observation.findFirst({
      where: {
        brandId: lookup(brandIds, row.brand, "brand"),
        metricId: lookup(metricIds, row.metric, "metric"),
        quarter: shiftQuarter(row.quarter as QuarterCode, -4),
        isCurrent: true,
        value: { not: null },
      },
      select: { value: true, decimals: true },
    });
    if (!base || base.value === null) {
      report.statedYoyUnverifiable++;
      continue;
    }
    report.statedYoyChecked++;
    const check = statedYoyAgrees({
      value: Number(row.value),
      decimals: decimalsOf(row.value),
      base: base.value,
      baseDecimals: base.decimals,
      statedPct: Number(row.stated_yoy_pct),
      statedDecimals: decimalsOf(row.stated_yoy_pct),
    });
    if (!check.agrees) {
      mismatches.push(
        `${row.brand} ${row.metric} ${row.quarter}: the source states ${row.stated_yoy_pct}% YoY, ` +
          `the stored values give ${check.lowPct.toFixed(2)}% to ${check.highPct.toFixed(2)}%`,
      );
    }
  }
  if (mismatches.length > 0) throw new SeedConsistencyError(mismatches);
}
