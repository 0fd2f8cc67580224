/**
 * The seed's claims and corrections. Both are idempotent: a claim is identified by a digest of
 * what it says and where, a correction by its note, so a second run adds nothing and an editor's
 * later revision is never undone.
 */

import { createHash } from "node:crypto";
import type { Actor } from "@/lib/domain/actor";
import { type ClaimInput, ClaimInputSchema } from "@/lib/domain/claim-input";
import type { ClaimantKind } from "@/lib/domain/claims";
import { decimalsOf } from "@/lib/domain/kpi";
import { appendObservationRevision } from "@/lib/mutations/append-observation-revision";
import type { Tx } from "@/lib/mutations/audit";
import { saveClaimRevision } from "@/lib/mutations/save-claim";
import type { ClaimRow, CorrectionRow, ObservationRow } from "./seed-files";
import { SeedFileError } from "./seed-files";

/** Who applies data/corrections.csv: a system actor, not a person. */
export const CORRECTIONS_ACTOR: Actor = { id: null, name: "system (data/corrections.csv)" };

function digest(parts: readonly string[]): string {
  return createHash("sha256").update(parts.join("\n")).digest("hex").slice(0, 20);
}

/** Applies each correction as a new revision with its note, while the figure is still the one it corrects. */
export async function seedCorrections(
  tx: Tx,
  rows: readonly CorrectionRow[],
  ids: { brands: Map<string, number>; metrics: Map<string, number> },
  now: Date,
): Promise<{ applied: number; skipped: number }> {
  let applied = 0;
  let skipped = 0;
  for (const row of rows) {
    const brandId = ids.brands.get(row.brand);
    const metricId = ids.metrics.get(row.metric);
    if (brandId === undefined || metricId === undefined) {
      throw new SeedFileError([
        `corrections.csv: unknown brand or metric in ${row.brand}/${row.metric}`,
      ]);
    }
    const key = { brandId, metricId, quarter: row.quarter };
    const done = await tx.observation.findFirst({
      where: { ...key, createdBy: CORRECTIONS_ACTOR.name, note: row.note },
      select: { id: true },
    });
    const current = await tx.observation.findFirst({ where: { ...key, isCurrent: true } });
    const value = Number(row.value);
    if (done || !current || current.value !== value || current.qualifier !== row.from_qualifier) {
      skipped++;
      continue;
    }
    await appendObservationRevision(tx, {
      brandId,
      brandSlug: row.brand,
      metricId,
      metricKey: row.metric,
      quarter: row.quarter,
      value,
      decimals: decimalsOf(row.value),
      qualifier: row.qualifier,
      sourceId: current.sourceId,
      quote: current.quote,
      note: row.note,
      statedYoyPct: row.stated_yoy_pct === undefined ? null : Number(row.stated_yoy_pct),
      actor: CORRECTIONS_ACTOR,
      at: now,
    });
    applied++;
  }
  return { applied, skipped };
}

/**
 * Who states a YoY in observations.csv: Li Auto's own results releases are the brand; broker
 * research (the reportify.ai report pages) is an analyst; every other article is press.
 */
export function statedYoyClaimantKind(row: ObservationRow): ClaimantKind {
  if (/^Li Auto Inc\. Announces/.test(row.source_title)) return "brand";
  if (/reportify\.ai\/(reports|companies)/.test(row.source_url ?? "")) return "analyst";
  return "press";
}

function parseClaim(input: Record<string, unknown>, where: string): ClaimInput {
  const result = ClaimInputSchema.safeParse(input);
  if (result.success) return result.data;
  throw new SeedFileError(
    result.error.issues.map((issue) => `${where}, ${issue.path.join(".")}: ${issue.message}`),
  );
}

export interface SeedClaim {
  uid: string;
  input: ClaimInput;
}

/** claims.csv rows as claims (validated like the form), each with a stable uid. */
export function claimsFromClaimRows(rows: readonly ClaimRow[]): SeedClaim[] {
  return rows.map((row, index) => ({
    uid: `seed-claim-${digest([row.brand, row.metric, row.quarter, row.kind, row.comparison, row.stated_value, row.quote])}`,
    input: parseClaim(
      {
        brand: row.brand,
        claimantKind: row.claimant_kind,
        claimant: row.claimant,
        sourceTitle: row.source_title,
        sourceUrl: row.source_url,
        sourcePublishedOn: row.published_on,
        quote: row.quote,
        metric: row.metric,
        quarter: row.quarter,
        kind: row.kind,
        comparison: row.comparison,
        statedValue: row.stated_value,
        statedUnit: row.stated_unit,
        hedge: row.hedge,
        relativeMetric: row.relative_to,
        note: row.note,
      },
      `claims.csv row ${index + 2}`,
    ),
  }));
}

/**
 * Every stated YoY in observations.csv as a claim by that row's source, except those a correction
 * drops (a correction of the same figure whose stated_yoy_pct is empty).
 */
export function claimsFromStatedYoy(
  rows: readonly ObservationRow[],
  corrections: readonly CorrectionRow[],
): SeedClaim[] {
  const dropped = new Set(
    corrections
      .filter((row) => row.stated_yoy_pct === undefined)
      .map((row) => `${row.brand}/${row.metric}/${row.quarter}`),
  );
  return rows
    .filter((row) => row.stated_yoy_pct !== undefined)
    .filter((row) => !dropped.has(`${row.brand}/${row.metric}/${row.quarter}`))
    .map((row) => ({
      uid: `seed-yoy-${digest([row.brand, row.metric, row.quarter, row.source_title])}`,
      input: parseClaim(
        {
          brand: row.brand,
          claimantKind: statedYoyClaimantKind(row),
          claimant: row.source_title.slice(0, 200),
          sourceTitle: row.source_title,
          sourceUrl: row.source_url ?? "",
          quote: row.quote ?? `stated YoY ${row.stated_yoy_pct}%`,
          metric: row.metric,
          quarter: row.quarter,
          kind: "change",
          comparison: "yoy",
          statedValue: row.stated_yoy_pct,
          statedUnit: "%",
          hedge: "exact",
          note: "the YoY change this figure's source states (observations.csv, stated_yoy_pct)",
        },
        `observations.csv ${row.brand} ${row.metric} ${row.quarter}`,
      ),
    }));
}

/** Records each claim not yet stored (and so judges it); returns how many were added. */
export async function seedClaims(
  tx: Tx,
  claims: readonly SeedClaim[],
  actor: Actor,
  now: Date,
): Promise<{ added: number; unchanged: number }> {
  let added = 0;
  let unchanged = 0;
  for (const claim of claims) {
    const exists = await tx.claim.findFirst({ where: { uid: claim.uid }, select: { id: true } });
    if (exists) {
      unchanged++;
      continue;
    }
    await saveClaimRevision(tx, claim.uid, claim.input, actor, now, "seed");
    added++;
  }
  return { added, unchanged };
}
