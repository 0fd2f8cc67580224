import "server-only";
import { CLAIM_TEXT } from "@/i18n/claim-words";
import { FEED_LANGUAGE } from "@/i18n/feed-words";
import { fill } from "@/i18n/fill";
import { SIGNAL_LANGUAGE } from "@/i18n/signal-words";
import { now } from "@/lib/clock";
import { getReadDb } from "@/lib/db";
import {
  type EventChange,
  FEED_ENTRY_LIMIT,
  type FeedChange,
  type FeedFigure,
  type ObservationChange,
  type ObservationSnapshot,
  readEventAudit,
  readObservationAudit,
  type SignalChange,
  type VerdictChange,
} from "@/lib/domain/change-feed";
import {
  claimTriggerText,
  formatStatedClaim,
  formatVerdictDifference,
  type Verdict,
  verdictLabel,
} from "@/lib/domain/claims";
import type { Locale } from "@/lib/domain/locale";
import { localizeMetric, localizeSeries } from "@/lib/domain/metric-locale";
import { ruleWords } from "@/lib/domain/signal-text";
import { evaluateSignals, type SignalRuleName } from "@/lib/domain/signals";
import type { BrandDTO, SeriesDTO, SourceDTO } from "@/lib/domain/types";
import { listBrandMetrics } from "./brand-metrics";
import { listClaims } from "./claims";
import { listMetrics } from "./metrics";
import { listBrandSeries } from "./series";

const auditSelect = {
  id: true,
  at: true,
  actor: true,
  entityKey: true,
  before: true,
  after: true,
} as const;
const newestFirst = [{ at: "desc" as const }, { id: "desc" as const }];

/**
 * A brand's latest changes, each with what the feed needs to state it (metric label and unit, the
 * figures with their sources): audited changes to figures and events, claim verdicts, and the
 * signal findings as they stand. At most `limit` of each kind: the feed keeps `limit` in all
 * after merging them.
 */
export async function listFeedChanges(
  brand: BrandDTO,
  limit = FEED_ENTRY_LIMIT,
  locale: Locale = "en",
): Promise<FeedChange[]> {
  const [audited, verdicts, signals] = await Promise.all([
    listAuditedChanges(brand.slug, limit, locale),
    listVerdictChanges(brand.slug, limit, locale),
    listSignalChanges(brand, locale),
  ]);
  return [...audited, ...verdicts, ...signals];
}

async function listAuditedChanges(
  brandSlug: string,
  limit: number,
  locale: Locale,
): Promise<FeedChange[]> {
  const db = getReadDb();
  const eventUids = await db.event.findMany({
    where: { brand: { slug: brandSlug } },
    select: { uid: true },
    distinct: ["uid"],
  });
  const [observationRows, eventRows, metrics] = await Promise.all([
    db.auditEntry.findMany({
      // Keys are "<brand>/<metric>/<quarter>"; '0' follows '/', so this is the brand's prefix
      // as a range the (entity, entityKey) index answers (LIKE would scan the table).
      where: { entity: "observation", entityKey: { gte: `${brandSlug}/`, lt: `${brandSlug}0` } },
      orderBy: newestFirst,
      take: limit,
      select: auditSelect,
    }),
    eventUids.length === 0
      ? Promise.resolve([])
      : db.auditEntry.findMany({
          where: { entity: "event", entityKey: { in: eventUids.map((row) => row.uid) } },
          orderBy: newestFirst,
          take: limit,
          select: auditSelect,
        }),
    listMetrics().then((all) => all.map((metric) => localizeMetric(metric, locale))),
  ]);

  const observations = observationRows.flatMap((row) => {
    const read = readObservationAudit(row);
    const metric = read && metrics.find((m) => m.key === read.metricKey);
    return read && metric ? [{ row, read, metric }] : [];
  });
  const events = eventRows.flatMap((row) => {
    const read = readEventAudit(row);
    return read ? [{ row, read }] : [];
  });

  const sourceIds = new Set<number>();
  for (const { read } of observations) {
    for (const snapshot of [read.before, read.after]) {
      if (snapshot?.sourceId != null) sourceIds.add(snapshot.sourceId);
    }
  }
  for (const { read } of events) sourceIds.add(read.after.sourceId);
  const sourceRows = await db.source.findMany({
    where: { id: { in: [...sourceIds] } },
    select: { id: true, title: true, url: true, publishedOn: true },
  });
  const sources = new Map<number, SourceDTO>(
    sourceRows.map((row) => [
      row.id,
      { title: row.title, url: row.url, publishedOn: row.publishedOn },
    ]),
  );
  const figure = (snapshot: ObservationSnapshot | null): FeedFigure | null =>
    snapshot === null || snapshot.value === null
      ? null
      : {
          value: snapshot.value,
          decimals: snapshot.decimals,
          qualifier: snapshot.qualifier,
          source: snapshot.sourceId === null ? null : (sources.get(snapshot.sourceId) ?? null),
        };

  const observationChanges = observations.map(
    ({ row, read, metric }): ObservationChange => ({
      kind: "observation",
      auditId: row.id,
      at: row.at.toISOString(),
      actor: row.actor,
      brandSlug: read.brandSlug,
      metric: { key: metric.key, label: metric.label, unit: metric.unit },
      quarter: read.quarter,
      change: read.change,
      figure: figure(read.after),
      previous: figure(read.before),
      note: read.after.note ?? null,
    }),
  );
  const eventChanges = events.map(
    ({ row, read }): EventChange => ({
      kind: "event",
      auditId: row.id,
      at: row.at.toISOString(),
      actor: row.actor,
      brandSlug,
      uid: row.entityKey,
      change: read.change,
      date: read.after.date,
      title: read.after.title,
      description: read.after.description,
      metrics: read.after.metricKeys
        ? read.after.metricKeys
            .split(",")
            .map((key) => metrics.find((m) => m.key === key)?.label ?? key)
        : null,
      source: sources.get(read.after.sourceId) ?? null,
    }),
  );
  return [...observationChanges, ...eventChanges];
}

/** Every stored judgement of the brand's current claims: each row is a new or changed verdict. */
async function listVerdictChanges(
  brandSlug: string,
  limit: number,
  locale: Locale,
): Promise<VerdictChange[]> {
  const claims = await listClaims({ brand: brandSlug }, locale);
  return claims
    .flatMap((claim) => {
      const judgements = [...claim.history, ...(claim.verdict ? [claim.verdict] : [])];
      return judgements.map(
        (judgement, index): VerdictChange => ({
          kind: "claim_verdict",
          verdictId: judgement.id,
          at: judgement.computedAt,
          brandSlug,
          claimUid: claim.uid,
          metric: { key: claim.metricKey, label: claim.metricLabel },
          quarter: claim.quarter,
          claimant: claim.claimant,
          stated: formatStatedClaim(claim, CLAIM_TEXT[locale]),
          verdict: verdictLabel(judgement.verdict, CLAIM_TEXT[locale]),
          previousVerdict:
            index > 0
              ? verdictLabel((judgements[index - 1] ?? judgement).verdict, CLAIM_TEXT[locale])
              : null,
          detail:
            judgement.verdict === "unverifiable"
              ? judgement.reason
              : judgement.verdict === "holds"
                ? null
                : formatVerdictDetail(judgement, locale),
          trigger: claimTriggerText(judgement.trigger, CLAIM_TEXT[locale]),
          quote: claim.quote,
          source: claim.source,
        }),
      );
    })
    .sort((a, b) => b.verdictId - a.verdictId)
    .slice(0, limit);
}

function formatVerdictDetail(
  judgement: {
    verdict: Verdict;
    difference: number | null;
    differenceUnit: "%" | "pp" | "quarters" | null;
    ratio: number | null;
  },
  locale: Locale,
): string | null {
  const by = formatVerdictDifference(judgement, CLAIM_TEXT[locale]);
  return by
    ? fill(FEED_LANGUAGE[locale].words.verdictBy, {
        verdict: verdictLabel(judgement.verdict, CLAIM_TEXT[locale]),
        by,
      })
    : null;
}

/*
 * Findings that move with the clock rather than with a write (stale data, a metric not updated)
 * would change on every poll; an overstated claim is already a verdict entry.
 */
const FEED_SKIPS_RULES: readonly SignalRuleName[] = [
  "stale_data",
  "metric_not_updated",
  "overstated_claim",
];

function englishWords(
  finding: { title: string; numbers: SignalChange["numbers"] } | undefined,
): SignalChange["english"] {
  return finding ? { title: finding.title, numbers: finding.numbers } : undefined;
}

/** When a metric's figures last changed: its newest entry or withdrawal. */
function lastChangedAt(series: SeriesDTO): string | null {
  const times = [
    ...series.points.map((point) => point.enteredAt),
    ...series.withdrawn.map((withdrawal) => withdrawal.withdrawnAt),
  ].filter((time): time is string => time !== undefined);
  return times.sort().at(-1) ?? null;
}

async function listSignalChanges(brand: BrandDTO, locale: Locale): Promise<SignalChange[]> {
  const metricKeys = (await listBrandMetrics(brand.slug)).map((m) => m.key);
  const series = (await listBrandSeries(brand.slug, { metricKeys })).filter(
    (s) => s.points.length > 0,
  );
  const changedAt = new Map(series.map((s) => [s.metric.key, lastChangedAt(s)]));
  const evaluate = (language: Locale) =>
    evaluateSignals({
      brand,
      series: localizeSeries(series, language),
      now: now(),
      metricHref: (key) =>
        `/metrics/${encodeURIComponent(key)}?${new URLSearchParams({ brand: brand.slug })}#chart`,
      language: SIGNAL_LANGUAGE[language],
    });
  const findings = evaluate(locale);
  // The entry's id is made from the English words, so a finding keeps its id in every language.
  const english =
    locale === "en" ? null : new Map(evaluate("en").map((finding) => [finding.id, finding]));
  return findings.flatMap((finding): SignalChange[] => {
    if (FEED_SKIPS_RULES.includes(finding.rule)) return [];
    const at = finding.metricKeys
      .map((key) => changedAt.get(key) ?? null)
      .filter((time): time is string => time !== null)
      .sort()
      .at(-1);
    if (!at) return [];
    return [
      {
        kind: "signal",
        at,
        brandSlug: brand.slug,
        findingId: finding.id,
        ruleName: ruleWords(finding.rule, SIGNAL_LANGUAGE[locale]).name,
        title: finding.title,
        explanation: ruleWords(finding.rule, SIGNAL_LANGUAGE[locale]).explanation,
        numbers: finding.numbers,
        path: finding.href,
        ...(english ? { english: englishWords(english.get(finding.id)) } : {}),
      },
    ];
  });
}
