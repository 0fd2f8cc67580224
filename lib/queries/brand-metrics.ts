import "server-only";
import { getReadDb } from "@/lib/db";
import type { BrandMetricDTO, BrandMetricNote } from "@/lib/domain/brand-metrics";
import type { Locale } from "@/lib/domain/locale";
import { metricLabelIn } from "@/lib/domain/metric-locale";
import type { MetricDTO, MetricKind } from "@/lib/domain/types";
import { memoByVersion } from "./data-version";
import { listMetrics } from "./metrics";

function metricDto(row: {
  key: string;
  label: string;
  unit: string;
  kind: string;
  higherIsBetter: boolean;
  definition: string;
  labelZh: string;
  definitionZh: string;
}): MetricDTO {
  return {
    key: row.key,
    label: row.label,
    unit: row.unit,
    kind: row.kind as MetricKind,
    higherIsBetter: row.higherIsBetter,
    definition: row.definition,
    labelZh: row.labelZh,
    definitionZh: row.definitionZh,
  };
}

/**
 * The metrics a brand tracks, in the brand's order, with its notes. A brand without a set of its
 * own (one just added to brands.csv) tracks the whole catalog, so nothing is hidden by default.
 */
export async function listBrandMetrics(brandSlug: string): Promise<BrandMetricDTO[]> {
  return memoByVersion(brandSlug, "brand-metrics", () => readBrandMetrics(brandSlug));
}

async function readBrandMetrics(brandSlug: string): Promise<BrandMetricDTO[]> {
  const rows = await getReadDb().brandMetric.findMany({
    where: { brand: { slug: brandSlug } },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: { note: true, metric: true },
  });
  if (rows.length === 0) {
    return (await listMetrics()).map((metric) => ({ ...metric, note: null }));
  }
  return rows.map((row) => ({ ...metricDto(row.metric), note: row.note }));
}

/**
 * The notes of these brands on these metrics, for wherever brands are compared; the metric named
 * in the reader's language (a note itself is stored in English only).
 */
export async function listBrandMetricNotes(
  brandSlugs: readonly string[],
  metricKeys: readonly string[],
  locale: Locale,
): Promise<BrandMetricNote[]> {
  const rows = await getReadDb().brandMetric.findMany({
    where: {
      brand: { slug: { in: [...brandSlugs] } },
      metric: { key: { in: [...metricKeys] } },
      note: { not: null },
    },
    select: {
      note: true,
      brand: { select: { slug: true, name: true } },
      metric: { select: { key: true, label: true, labelZh: true } },
    },
  });
  return rows
    .map((row) => ({
      brand: row.brand.slug,
      brandName: row.brand.name,
      metric: row.metric.key,
      metricLabel: metricLabelIn(row.metric, locale),
      note: row.note ?? "",
    }))
    .sort(
      (a, b) =>
        brandSlugs.indexOf(a.brand) - brandSlugs.indexOf(b.brand) ||
        metricKeys.indexOf(a.metric) - metricKeys.indexOf(b.metric),
    );
}
