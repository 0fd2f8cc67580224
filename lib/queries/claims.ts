import "server-only";
import { CLAIM_PHRASES, CLAIM_TEXT } from "@/i18n/claim-words";
import { getReadDb } from "@/lib/db";
import {
  type ClaimArithmeticText,
  type ClaimantKind,
  type ClaimComparison,
  type ClaimKind,
  formatClaimNumber,
  formatStatedClaim,
  formatVerdictDifference,
  type Hedge,
  readStoredReason,
  type StoredClaimArithmetic,
  type StoredClaimPhrase,
  sayArithmetic,
  sayOptionalClaimPhrase,
  type Verdict,
} from "@/lib/domain/claims";
import type { Locale } from "@/lib/domain/locale";
import { metricLabelIn } from "@/lib/domain/metric-locale";
import { type QuarterCode, quarterEndDate } from "@/lib/domain/quarter";
import type { SignalClaim } from "@/lib/domain/signals";
import type { SourceDTO } from "@/lib/domain/types";
import { memoByVersion } from "./data-version";

/** One cached judgement of a claim: what the figures said, from which revisions, and why it was made. */
export interface ClaimVerdictDTO {
  /** Never reused: the feed's entry id for this judgement. */
  id: number;
  verdict: Verdict;
  difference: number | null;
  differenceUnit: "%" | "pp" | "quarters" | null;
  ratio: number | null;
  /** Said in the language the claims were listed in (the export's and the API's: English). */
  reason: string | null;
  arithmetic: ClaimArithmeticText;
  computedAt: string;
  trigger: string;
  claimRevision: number;
}

/** A judgement as read, before it is said in a language: what the memo holds for both. */
interface StoredVerdictDTO extends Omit<ClaimVerdictDTO, "reason" | "arithmetic"> {
  reason: StoredClaimPhrase | null;
  arithmetic: StoredClaimArithmetic;
}

type StoredClaimDTO = Omit<ClaimDTO, "verdict" | "history"> & {
  verdict: StoredVerdictDTO | null;
  history: StoredVerdictDTO[];
};

export interface ClaimDTO {
  uid: string;
  revision: number;
  brandSlug: string;
  metricKey: string;
  metricLabel: string;
  metricUnit: string;
  quarter: QuarterCode | null;
  claimantKind: ClaimantKind;
  claimant: string;
  kind: ClaimKind;
  comparison: ClaimComparison | null;
  statedValue: number;
  statedDecimals: number;
  statedUnit: string;
  hedge: Hedge;
  relativeMetricKey: string | null;
  quote: string;
  note: string | null;
  source: SourceDTO;
  createdAt: string;
  createdBy: string;
  /** The current verdict, and the earlier ones, oldest first. */
  verdict: ClaimVerdictDTO | null;
  history: ClaimVerdictDTO[];
}

export interface ClaimFilter {
  brand: string;
  who?: ClaimantKind | undefined;
  metric?: string | undefined;
  verdict?: Verdict | undefined;
}

interface VerdictRow {
  id: number;
  verdict: string;
  difference: number | null;
  differenceUnit: string | null;
  ratio: number | null;
  reason: string | null;
  arithmetic: string;
  computedAt: Date;
  trigger: string;
  claim: { revision: number };
}

function toVerdict(row: VerdictRow): StoredVerdictDTO {
  return {
    id: row.id,
    verdict: row.verdict as Verdict,
    difference: row.difference,
    differenceUnit: row.differenceUnit as ClaimVerdictDTO["differenceUnit"],
    ratio: row.ratio,
    reason: readStoredReason(row.reason),
    arithmetic: JSON.parse(row.arithmetic) as StoredClaimArithmetic,
    computedAt: row.computedAt.toISOString(),
    trigger: row.trigger,
    claimRevision: row.claim.revision,
  };
}

function sayVerdict(verdict: StoredVerdictDTO, locale: Locale): ClaimVerdictDTO {
  return {
    ...verdict,
    reason: sayOptionalClaimPhrase(verdict.reason, locale, CLAIM_PHRASES),
    arithmetic: sayArithmetic(verdict.arithmetic, locale, CLAIM_PHRASES),
  };
}

/** When a claim was made, for "newest first": its source's date, else its quarter's end. */
function claimDate(claim: Pick<ClaimDTO, "source" | "quarter">): string {
  return claim.source.publishedOn ?? (claim.quarter ? quarterEndDate(claim.quarter) : "");
}

/**
 * A brand's current claims with their verdicts, newest first, filtered as the URL says. In
 * Chinese the metric is named by its `labelZh`, as lib/domain/metric-locale.ts does (English when
 * it has none); the memo holds both words, so both languages share one read.
 */
export async function listClaims(filter: ClaimFilter, locale: Locale = "en"): Promise<ClaimDTO[]> {
  const key = `claims:${filter.who ?? ""}:${filter.metric ?? ""}:${filter.verdict ?? ""}`;
  const read = await memoByVersion(filter.brand, key, () => readClaims(filter));
  return read.map(({ claim, metricLabelZh }) => ({
    ...claim,
    metricLabel: metricLabelIn({ label: claim.metricLabel, labelZh: metricLabelZh }, locale),
    verdict: claim.verdict ? sayVerdict(claim.verdict, locale) : null,
    history: claim.history.map((entry) => sayVerdict(entry, locale)),
  }));
}

async function readClaims(
  filter: ClaimFilter,
): Promise<{ claim: StoredClaimDTO; metricLabelZh: string }[]> {
  const db = getReadDb();
  const rows = await db.claim.findMany({
    where: {
      isCurrent: true,
      deleted: false,
      brand: { slug: filter.brand },
      ...(filter.who ? { claimantKind: filter.who } : {}),
      ...(filter.metric ? { metric: { key: filter.metric } } : {}),
    },
    include: {
      brand: { select: { slug: true } },
      metric: { select: { key: true, label: true, labelZh: true, unit: true } },
      relativeMetric: { select: { key: true } },
      source: { select: { title: true, url: true, publishedOn: true } },
    },
  });
  const verdicts = await db.claimVerdict.findMany({
    where: { claimUid: { in: rows.map((row) => row.uid) } },
    include: { claim: { select: { revision: true } } },
    orderBy: { id: "asc" },
  });
  const byUid = new Map<string, VerdictRow[]>();
  const currentByUid = new Map<string, VerdictRow>();
  for (const verdict of verdicts) {
    if (verdict.isCurrent) currentByUid.set(verdict.claimUid, verdict);
    else byUid.set(verdict.claimUid, [...(byUid.get(verdict.claimUid) ?? []), verdict]);
  }
  const claims = rows.map((row) => ({
    metricLabelZh: row.metric.labelZh,
    claim: {
      uid: row.uid,
      revision: row.revision,
      brandSlug: row.brand.slug,
      metricKey: row.metric.key,
      metricLabel: row.metric.label,
      metricUnit: row.metric.unit,
      quarter: row.quarter as QuarterCode | null,
      claimantKind: row.claimantKind as ClaimantKind,
      claimant: row.claimant,
      kind: row.kind as ClaimKind,
      comparison: row.comparison as ClaimComparison | null,
      statedValue: row.statedValue,
      statedDecimals: row.statedDecimals,
      statedUnit: row.statedUnit,
      hedge: row.hedge as Hedge,
      relativeMetricKey: row.relativeMetric?.key ?? null,
      quote: row.quote,
      note: row.note,
      source: row.source,
      createdAt: row.createdAt.toISOString(),
      createdBy: row.createdBy,
      verdict: currentByUid.has(row.uid)
        ? toVerdict(currentByUid.get(row.uid) as VerdictRow)
        : null,
      history: (byUid.get(row.uid) ?? []).map(toVerdict),
    } satisfies StoredClaimDTO,
  }));
  return claims
    .filter(({ claim }) => !filter.verdict || claim.verdict?.verdict === filter.verdict)
    .sort(
      ({ claim: a }, { claim: b }) =>
        claimDate(b).localeCompare(claimDate(a)) ||
        (b.quarter ?? "").localeCompare(a.quarter ?? "") ||
        b.createdAt.localeCompare(a.createdAt),
    );
}

/** One claim by uid (current revision), or null. */
export async function getClaim(uid: string): Promise<ClaimDTO | null> {
  const row = await getReadDb().claim.findFirst({
    where: { uid, isCurrent: true },
    select: { brand: { select: { slug: true } } },
  });
  if (!row) return null;
  const claims = await listClaims({ brand: row.brand.slug });
  return claims.find((claim) => claim.uid === uid) ?? null;
}

export type VerdictCounts = Record<Verdict, number>;

/** How many of a brand's current claims hold, are overstated, understated or cannot be checked. */
export async function countClaimVerdicts(brand: string): Promise<VerdictCounts> {
  return memoByVersion(brand, "claim-counts", () => readClaimCounts(brand));
}

async function readClaimCounts(brand: string): Promise<VerdictCounts> {
  const groups = await getReadDb().claimVerdict.groupBy({
    by: ["verdict"],
    where: { isCurrent: true, claim: { isCurrent: true, deleted: false, brand: { slug: brand } } },
    _count: { _all: true },
  });
  const counts: VerdictCounts = { holds: 0, overstated: 0, understated: 0, unverifiable: 0 };
  for (const group of groups) counts[group.verdict as Verdict] = group._count._all;
  return counts;
}

/** The brand's overstated claims, shaped for the signals' overstated-claim rule. */
export async function listSignalClaims(
  brand: string,
  locale: Locale = "en",
): Promise<SignalClaim[]> {
  const claims = await listClaims({ brand, verdict: "overstated" });
  return claims.map((claim) => ({
    uid: claim.uid,
    verdict: claim.verdict?.verdict ?? "unverifiable",
    metricKey: claim.metricKey,
    quarter: claim.quarter,
    claimant: claim.claimant,
    stated: formatStatedClaim(claim, CLAIM_TEXT[locale]),
    computed:
      claim.verdict?.arithmetic.computed == null
        ? null
        : formatClaimNumber(
            claim.verdict.arithmetic.computed,
            claim.statedUnit,
            claim.statedDecimals,
            CLAIM_TEXT[locale],
          ),
    difference: claim.verdict ? formatVerdictDifference(claim.verdict, CLAIM_TEXT[locale]) : null,
  }));
}
