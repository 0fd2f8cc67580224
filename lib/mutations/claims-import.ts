import "server-only";
import { formatValueCell } from "@/lib/csv/cells";
import {
  type ClaimImportPlan,
  planClaimImport,
  readClaimsImportFile,
  type StoredClaim,
} from "@/lib/csv/claims-import";
import type { Actor } from "@/lib/domain/actor";
import type { ClaimInput } from "@/lib/domain/claim-input";
import type { ClaimantKind, ClaimComparison, ClaimKind, Hedge } from "@/lib/domain/claims";
import type { Locale } from "@/lib/domain/locale";
import type { Tx } from "./audit";
import { planChecksum } from "./plan-import-file";
import { newClaimUid, saveClaimRevision } from "./save-claim";

export type PlannedClaimsFile =
  | { ok: true; plan: ClaimImportPlan; planChecksum: string }
  | { ok: false; problems: string[] };

async function readStoredClaims(
  tx: Tx,
  brands: readonly string[],
  uids: readonly string[],
): Promise<StoredClaim[]> {
  const rows = await tx.claim.findMany({
    where: {
      isCurrent: true,
      OR: [{ brand: { slug: { in: [...brands] } }, deleted: false }, { uid: { in: [...uids] } }],
    },
    include: {
      brand: { select: { slug: true } },
      metric: { select: { key: true } },
      relativeMetric: { select: { key: true } },
      source: { select: { title: true, url: true, publishedOn: true } },
    },
    orderBy: { id: "asc" },
  });
  return rows.map((row) => {
    const claim: ClaimInput = {
      brand: row.brand.slug,
      claimantKind: row.claimantKind as ClaimantKind,
      claimant: row.claimant,
      sourceTitle: row.source.title,
      sourceUrl: row.source.url ?? undefined,
      sourcePublishedOn: row.source.publishedOn ?? undefined,
      quote: row.quote,
      metric: row.metric.key,
      quarter: (row.quarter ?? undefined) as ClaimInput["quarter"],
      kind: row.kind as ClaimKind,
      comparison: (row.comparison ?? undefined) as ClaimComparison | undefined,
      statedValue: formatValueCell(row.statedValue, row.statedDecimals),
      statedUnit: row.statedUnit,
      hedge: row.hedge as Hedge,
      relativeMetric: row.relativeMetric?.key,
      note: row.note ?? undefined,
    };
    return { uid: row.uid, claim };
  });
}

/**
 * Reads a claims file and plans it against the claims as `tx` sees them: at upload for the
 * preview, and again inside the confirming transaction.
 */
export async function planClaimsImportFile(
  tx: Tx,
  bytes: Uint8Array,
  locale: Locale = "en",
): Promise<PlannedClaimsFile> {
  const file = readClaimsImportFile(bytes, locale);
  if (!file.ok) return file;
  const [brands, metrics] = await Promise.all([
    tx.brand.findMany({ select: { slug: true } }),
    tx.metric.findMany({ select: { key: true } }),
  ]);
  const named = (column: "brand" | "claim_uid") => [
    ...new Set(file.records.map((record) => record.cells[column]?.trim() ?? "").filter(Boolean)),
  ];
  const stored = await readStoredClaims(
    tx,
    named("brand"),
    file.shape === "export" ? named("claim_uid") : [],
  );
  const plan = planClaimImport(
    file,
    {
      brands: new Set(brands.map((brand) => brand.slug)),
      metrics: new Set(metrics.map((metric) => metric.key)),
    },
    stored,
  );
  return { ok: true, plan, planChecksum: planChecksum(plan) };
}

/**
 * Writes every planned claim as revision 1 with its audit row (action "import") and its first
 * verdict, in the caller's transaction.
 */
export async function applyClaimImport(
  tx: Tx,
  plan: ClaimImportPlan,
  actor: Actor,
  at: Date,
): Promise<void> {
  for (const write of plan.writes) {
    await saveClaimRevision(tx, write.uid ?? newClaimUid(), write.claim, actor, at, "import");
  }
}
