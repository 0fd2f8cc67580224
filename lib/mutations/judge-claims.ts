/**
 * Keeps the verdict cache true: every write that changes a claim or a figure a claim reads calls
 * in here, inside its own transaction, so a verdict can never disagree with the figures it shows.
 * A verdict row is added only when the result differs from the current one; earlier rows stay as
 * the claim's history. "Differs" is on what the judgement says (its English, claim-phrases.ts),
 * not on how it was stored: rows stored with sentences before phrases were data stay current.
 */
import { CLAIM_PHRASES } from "@/i18n/claim-words";
import { fill } from "@/i18n/fill";
import { CLAIM_TRIGGERS } from "@/lib/domain/claim-text";
import {
  type ClaimComparison,
  type ClaimFigure,
  type ClaimKind,
  type Hedge,
  judgeClaim,
  judgementInEnglish,
  readStoredReason,
  type StoredClaimArithmetic,
  storedReason,
} from "@/lib/domain/claims";
import { storedFigureKey } from "@/lib/domain/figure-key";
import type { QuarterCode } from "@/lib/domain/quarter";
import type { MetricKind, Qualifier } from "@/lib/domain/types";
import type { Tx } from "./audit";

interface StoredClaim {
  id: number;
  uid: string;
  brandId: number;
  metricId: number;
  relativeMetricId: number | null;
  quarter: string | null;
  kind: string;
  comparison: string | null;
  statedValue: number;
  statedDecimals: number;
  statedUnit: string;
  hedge: string;
}

const CLAIM_SELECT = {
  id: true,
  uid: true,
  brandId: true,
  metricId: true,
  relativeMetricId: true,
  quarter: true,
  kind: true,
  comparison: true,
  statedValue: true,
  statedDecimals: true,
  statedUnit: true,
  hedge: true,
} as const;

/** What judging a brand's claims reads: their metrics' keys and kinds, and the current figures. */
interface ClaimInputs {
  metrics: Map<number, { key: string; kind: string }>;
  rows: {
    id: number;
    revision: number;
    metricId: number;
    quarter: string;
    value: number | null;
    decimals: number;
    qualifier: string;
  }[];
}

function claimMetricIds(claim: StoredClaim): number[] {
  return [claim.metricId, ...(claim.relativeMetricId ? [claim.relativeMetricId] : [])];
}

async function loadClaimInputs(
  tx: Tx,
  brandId: number,
  metricIds: readonly number[],
): Promise<ClaimInputs> {
  const ids = [...new Set(metricIds)];
  const metrics = await tx.metric.findMany({
    where: { id: { in: ids } },
    select: { id: true, key: true, kind: true },
  });
  const rows = await tx.observation.findMany({
    where: { brandId, metricId: { in: ids }, isCurrent: true, value: { not: null } },
    select: {
      id: true,
      revision: true,
      metricId: true,
      quarter: true,
      value: true,
      decimals: true,
      qualifier: true,
    },
  });
  return {
    metrics: new Map(metrics.map((metric) => [metric.id, { key: metric.key, kind: metric.kind }])),
    rows,
  };
}

type CurrentVerdict = Awaited<ReturnType<Tx["claimVerdict"]["findFirst"]>>;

/** Judges one stored claim revision against the current figures and caches the result if new. */
export async function judgeStoredClaim(
  tx: Tx,
  claim: StoredClaim,
  options: { at: Date; trigger: string },
): Promise<{ verdict: string; changed: boolean }> {
  const inputs = await loadClaimInputs(tx, claim.brandId, claimMetricIds(claim));
  const current = await tx.claimVerdict.findFirst({
    where: { claimUid: claim.uid, isCurrent: true },
  });
  return storeVerdict(tx, claim, inputs, current, options);
}

/**
 * The verdict of one claim from inputs loaded for it (or for all the claims of its brand a write
 * re-judges: what the judgement reads is filtered to the claim's own metrics), stored when it
 * differs from `current`.
 */
async function storeVerdict(
  tx: Tx,
  claim: StoredClaim,
  inputs: ClaimInputs,
  current: CurrentVerdict,
  options: { at: Date; trigger: string },
): Promise<{ verdict: string; changed: boolean }> {
  const metricIds = claimMetricIds(claim);
  const keyOf = (id: number) => inputs.metrics.get(id)?.key;
  const figures: ClaimFigure[] = inputs.rows
    .filter((row) => metricIds.includes(row.metricId))
    .map((row) => ({
      id: row.id,
      revision: row.revision,
      metricKey: keyOf(row.metricId) ?? "",
      quarter: row.quarter as QuarterCode,
      value: row.value as number,
      decimals: row.decimals,
      qualifier: row.qualifier as Qualifier,
    }));
  const metricKey = keyOf(claim.metricId) ?? "";
  const result = judgeClaim(
    {
      kind: claim.kind as ClaimKind,
      metricKey,
      metricKind: (inputs.metrics.get(claim.metricId)?.kind ?? "flow") as MetricKind,
      quarter: claim.quarter as QuarterCode | null,
      comparison: claim.comparison as ClaimComparison | null,
      statedValue: claim.statedValue,
      statedDecimals: claim.statedDecimals,
      statedUnit: claim.statedUnit,
      hedge: claim.hedge as Hedge,
      relativeMetricKey: claim.relativeMetricId ? (keyOf(claim.relativeMetricId) ?? null) : null,
    },
    figures,
  );
  const arithmetic = JSON.stringify(result.arithmetic);
  const figureIds = JSON.stringify(result.figureIds);
  if (
    current &&
    current.claimId === claim.id &&
    current.verdict === result.verdict &&
    current.figureIds === figureIds &&
    judgementInEnglish(
      readStoredReason(current.reason),
      JSON.parse(current.arithmetic) as StoredClaimArithmetic,
      CLAIM_PHRASES,
    ) === judgementInEnglish(result.reason, result.arithmetic, CLAIM_PHRASES)
  ) {
    return { verdict: result.verdict, changed: false };
  }
  if (current) {
    await tx.claimVerdict.update({ where: { id: current.id }, data: { isCurrent: false } });
  }
  await tx.claimVerdict.create({
    data: {
      claimUid: claim.uid,
      claimId: claim.id,
      isCurrent: true,
      verdict: result.verdict,
      difference: result.difference,
      differenceUnit: result.differenceUnit,
      ratio: result.ratio,
      reason: storedReason(result.reason),
      arithmetic,
      figureIds,
      computedAt: options.at,
      trigger: options.trigger,
    },
  });
  return { verdict: result.verdict, changed: true };
}

/**
 * Re-judges every current claim that reads any of these figures' metrics (as its own metric or as
 * the whole a share is taken of). Called once per write of figures, with all the figures written.
 */
export async function rejudgeClaimsForFigures(
  tx: Tx,
  figures: readonly {
    brandId: number;
    brandSlug: string;
    metricId: number;
    metricKey: string;
    quarter: string;
  }[],
  at: Date,
): Promise<void> {
  if (figures.length === 0) return;
  const byBrand = new Map<number, Set<number>>();
  for (const figure of figures) {
    const set = byBrand.get(figure.brandId) ?? new Set<number>();
    set.add(figure.metricId);
    byBrand.set(figure.brandId, set);
  }
  const keys = [...new Set(figures.map(storedFigureKey))];
  const trigger =
    keys.length <= 3
      ? fill(CLAIM_TRIGGERS.figures, { keys: keys.join(", ") })
      : fill(CLAIM_TRIGGERS.manyFigures, { count: keys.length });
  for (const [brandId, metricSet] of byBrand) {
    const metricIds = [...metricSet];
    const claims = await tx.claim.findMany({
      where: {
        brandId,
        isCurrent: true,
        deleted: false,
        OR: [{ metricId: { in: metricIds } }, { relativeMetricId: { in: metricIds } }],
      },
      select: CLAIM_SELECT,
    });
    if (claims.length === 0) continue;
    // Read once for all of them: a figure of a much-discussed metric is read by dozens of claims,
    // and each read through Prisma costs a query plan compiled anew (bench/NOTES.md, Round 4).
    const inputs = await loadClaimInputs(tx, brandId, claims.flatMap(claimMetricIds));
    const currents = await tx.claimVerdict.findMany({
      where: { claimUid: { in: claims.map((claim) => claim.uid) }, isCurrent: true },
    });
    const currentOf = new Map<string, NonNullable<CurrentVerdict>>();
    for (const verdict of currents) {
      if (!currentOf.has(verdict.claimUid)) currentOf.set(verdict.claimUid, verdict);
    }
    for (const claim of claims) {
      await storeVerdict(tx, claim, inputs, currentOf.get(claim.uid) ?? null, { at, trigger });
    }
  }
}

/** Judges the current revision of one claim (after it was created or revised). */
export async function judgeClaimByUid(tx: Tx, uid: string, at: Date, trigger: string) {
  const claim = await tx.claim.findFirst({ where: { uid, isCurrent: true }, select: CLAIM_SELECT });
  if (!claim) return null;
  return judgeStoredClaim(tx, claim, { at, trigger });
}
