import "server-only";
import { cache } from "react";
import { getReadDb } from "@/lib/db";
import type { QuarterCode } from "@/lib/domain/quarter";
import type {
  MetricDTO,
  PointDTO,
  Qualifier,
  RevisionDTO,
  SeriesDTO,
  SourceDTO,
  WithdrawalDTO,
} from "@/lib/domain/types";
import { memoByVersion } from "./data-version";
import { listMetrics } from "./metrics";

interface SourceRow {
  title: string;
  url: string | null;
  publishedOn: string | null;
}

function toSource(row: SourceRow): SourceDTO {
  return { title: row.title, url: row.url, publishedOn: row.publishedOn };
}

const sourceSelect = { select: { title: true, url: true, publishedOn: true } } as const;

/**
 * Every current figure of a brand, per metric in catalog order, each with its source and the
 * revisions it superseded, and the quarters whose figure was withdrawn, with their history. Two
 * queries whatever the number of metrics: current revisions, then the superseded ones.
 */
export const listBrandSeries = cache(async function listBrandSeries(
  brandSlug: string,
  options: { metricKeys?: readonly string[] } = {},
): Promise<SeriesDTO[]> {
  const key = `series:${options.metricKeys?.join(",") ?? "*"}`;
  return memoByVersion(brandSlug, key, () => readBrandSeries(brandSlug, options));
});

async function readBrandSeries(
  brandSlug: string,
  options: { metricKeys?: readonly string[] },
): Promise<SeriesDTO[]> {
  const db = getReadDb();
  const catalog = await listMetrics();
  const metrics = options.metricKeys
    ? catalog.filter((metric) => options.metricKeys?.includes(metric.key))
    : catalog;
  const metricFilter = options.metricKeys ? { key: { in: [...options.metricKeys] } } : undefined;

  const [current, superseded] = await Promise.all([
    db.observation.findMany({
      where: {
        brand: { slug: brandSlug },
        metric: metricFilter,
        isCurrent: true,
      },
      select: {
        quarter: true,
        value: true,
        decimals: true,
        qualifier: true,
        quote: true,
        statedYoyPct: true,
        note: true,
        revision: true,
        createdAt: true,
        createdBy: true,
        metric: { select: { key: true } },
        source: sourceSelect,
      },
      orderBy: { quarter: "asc" },
    }),
    db.observation.findMany({
      where: { brand: { slug: brandSlug }, metric: metricFilter, isCurrent: false },
      select: {
        quarter: true,
        revision: true,
        value: true,
        decimals: true,
        qualifier: true,
        createdAt: true,
        createdBy: true,
        supersededAt: true,
        supersededBy: true,
        note: true,
        metric: { select: { key: true } },
        source: sourceSelect,
      },
      orderBy: [{ quarter: "asc" }, { revision: "asc" }],
    }),
  ]);

  const historyByKey = new Map<string, RevisionDTO[]>();
  for (const row of superseded) {
    const key = `${row.metric.key}/${row.quarter}`;
    const list = historyByKey.get(key) ?? [];
    list.push({
      revision: row.revision,
      value: row.value,
      decimals: row.decimals,
      qualifier: row.qualifier as Qualifier,
      source: row.source ? toSource(row.source) : null,
      createdAt: row.createdAt.toISOString(),
      createdBy: row.createdBy,
      supersededAt: row.supersededAt?.toISOString() ?? null,
      supersededBy: row.supersededBy,
      note: row.note,
    });
    historyByKey.set(key, list);
  }

  const pointsByMetric = new Map<string, PointDTO[]>(metrics.map((metric) => [metric.key, []]));
  const withdrawnByMetric = new Map<string, WithdrawalDTO[]>(
    metrics.map((metric) => [metric.key, []]),
  );
  for (const row of current) {
    const history = historyByKey.get(`${row.metric.key}/${row.quarter}`) ?? [];
    if (row.value === null) {
      withdrawnByMetric.get(row.metric.key)?.push({
        quarter: row.quarter as QuarterCode,
        revision: row.revision,
        withdrawnAt: row.createdAt.toISOString(),
        withdrawnBy: row.createdBy,
        reason: row.note,
        history,
      });
      continue;
    }
    // A current figure always has a source; the schema allows none only for withdrawals.
    if (row.source === null) continue;
    pointsByMetric.get(row.metric.key)?.push({
      quarter: row.quarter as QuarterCode,
      value: row.value,
      decimals: row.decimals,
      qualifier: row.qualifier as Qualifier,
      source: toSource(row.source),
      quote: row.quote,
      statedYoyPct: row.statedYoyPct,
      note: row.note,
      revision: row.revision,
      enteredAt: row.createdAt.toISOString(),
      enteredBy: row.createdBy,
      history,
    });
  }
  return metrics.map((metric: MetricDTO) => ({
    metric,
    points: pointsByMetric.get(metric.key) ?? [],
    withdrawn: withdrawnByMetric.get(metric.key) ?? [],
  }));
}
