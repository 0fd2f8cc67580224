import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BrandSwitcher } from "@/components/BrandSwitcher";
import { ExportLinks } from "@/components/ExportLinks";
import { KpiCard } from "@/components/KpiCard";
import { ParamProblems } from "@/components/ParamProblems";
import { TrendPanel } from "@/components/TrendPanel";
import { quarterLabel } from "@/lib/domain/quarter";
import { summarizeSeries } from "@/lib/domain/series-view";
import { getBrand, listBrands } from "@/lib/queries/brands";
import { listBrandSeries } from "@/lib/queries/series";
import { metricPageQuery, parseOverviewParams, type SearchParams } from "@/lib/url-state";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const parsed = parseOverviewParams(await searchParams);
  if (!parsed.ok) return <ParamProblems problems={parsed.problems} resetHref="/" />;
  const { brand: brandSlug } = parsed.value;
  const [brand, brands] = await Promise.all([getBrand(brandSlug), listBrands()]);
  if (!brand) notFound();
  const allSeries = await listBrandSeries(brand.slug);
  const summaries = allSeries.map((series) => ({ series, summary: summarizeSeries(series) }));
  const latestQuarter = summaries
    .map(({ summary }) => summary.latest?.point.quarter)
    .filter((quarter) => quarter !== undefined)
    .sort()
    .at(-1);
  const metricHref = (key: string) =>
    `/metrics/${key}${metricPageQuery({ brand: brand.slug, view: "bars", from: null, to: null })}`;

  return (
    <>
      <div className="page-head">
        <div>
          <h1>{brand.name} brand health</h1>
          <p className="lede">
            {allSeries.length} metrics
            {latestQuarter ? `, latest reported quarter ${quarterLabel(latestQuarter)}` : ""}.{" "}
            {brand.description}
          </p>
        </div>
        <BrandSwitcher brands={brands} current={brand.slug} action="/" />
      </div>
      <ExportLinks brand={brand.slug} metrics={null} from={null} to={null} />

      <section aria-labelledby="kpi-heading">
        <h2 id="kpi-heading">Latest figures</h2>
        <ul className="card-grid">
          {summaries.map(({ series, summary }) => (
            <KpiCard
              key={series.metric.key}
              metric={series.metric}
              summary={summary}
              href={metricHref(series.metric.key)}
            />
          ))}
        </ul>
      </section>

      <section aria-labelledby="trend-heading">
        <h2 id="trend-heading">Year-over-year trends</h2>
        <p className="section-note">
          Bars: the quarter's value. Line: change against the same quarter a year earlier (right
          axis). Pale bars are approximate figures; an empty slot is a quarter no source reported.
        </p>
        <div className="panel-grid">
          {allSeries.map((series) => (
            <TrendPanel
              key={series.metric.key}
              series={series}
              href={metricHref(series.metric.key)}
            />
          ))}
        </div>
      </section>
    </>
  );
}
