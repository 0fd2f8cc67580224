import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { getWriteDb } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import { BrandMetricSetError, UnknownReferenceError } from "@/lib/errors";
import { type Tx, writeAudit } from "./audit";
import { runWriteTransaction } from "./write-transaction";

export interface BrandMetricChange {
  brand: string;
  metric: string;
  note?: string | null;
  actor: Actor;
  at?: Date;
}

async function ids(tx: Tx, change: BrandMetricChange) {
  const brand = await tx.brand.findUnique({ where: { slug: change.brand }, select: { id: true } });
  if (!brand) throw new UnknownReferenceError("brand", change.brand);
  const metric = await tx.metric.findUnique({
    where: { key: change.metric },
    select: { id: true },
  });
  if (!metric) throw new UnknownReferenceError("metric", change.metric);
  const existing = await tx.brandMetric.findUnique({
    where: { brandId_metricId: { brandId: brand.id, metricId: metric.id } },
  });
  return { brandId: brand.id, metricId: metric.id, existing };
}

function audit(
  tx: Tx,
  change: BrandMetricChange,
  brandId: number,
  action: "create" | "update" | "delete",
  before: unknown,
  after: unknown,
) {
  return writeAudit(tx, {
    actor: change.actor,
    at: change.at ?? new Date(),
    action,
    entity: "brand_metric",
    entityKey: `${change.brand}/${change.metric}`,
    brandId,
    before,
    after,
  });
}

/** Adds a metric at the end of the brand's set, with its audit row. */
export async function addBrandMetric(change: BrandMetricChange, db: PrismaClient = getWriteDb()) {
  await runWriteTransaction(db, async (tx) => {
    const { brandId, metricId, existing } = await ids(tx, change);
    if (existing) throw new BrandMetricSetError("exists");
    const last = await tx.brandMetric.aggregate({ where: { brandId }, _max: { position: true } });
    const row = await tx.brandMetric.create({
      data: {
        brandId,
        metricId,
        position: (last._max.position ?? 0) + 1,
        note: change.note ?? null,
      },
    });
    await audit(tx, change, brandId, "create", null, { position: row.position, note: row.note });
  });
}

/** Removes a metric from the set; its figures stay. A brand keeps at least one metric. */
export async function removeBrandMetric(
  change: BrandMetricChange,
  db: PrismaClient = getWriteDb(),
) {
  await runWriteTransaction(db, async (tx) => {
    const { brandId, existing } = await ids(tx, change);
    if (!existing) throw new BrandMetricSetError("missing");
    if ((await tx.brandMetric.count({ where: { brandId } })) <= 1) {
      throw new BrandMetricSetError("last");
    }
    await tx.brandMetric.delete({ where: { id: existing.id } });
    await audit(
      tx,
      change,
      brandId,
      "delete",
      { position: existing.position, note: existing.note },
      null,
    );
  });
}

/** Changes the brand's note on a metric of its set (empty: no note). */
export async function updateBrandMetricNote(
  change: BrandMetricChange,
  db: PrismaClient = getWriteDb(),
) {
  await runWriteTransaction(db, async (tx) => {
    const { brandId, existing } = await ids(tx, change);
    if (!existing) throw new BrandMetricSetError("missing");
    const note = change.note ?? null;
    await tx.brandMetric.update({ where: { id: existing.id }, data: { note } });
    await audit(tx, change, brandId, "update", { note: existing.note }, { note });
  });
}
