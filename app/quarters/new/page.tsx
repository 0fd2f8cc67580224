import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BrandSwitcher } from "@/components/BrandSwitcher";
import { ParamProblems } from "@/components/ParamProblems";
import { QuarterForm } from "@/components/QuarterForm";
import { requireRole } from "@/lib/auth/current-user";
import { now } from "@/lib/clock";
import { defaultQuarterToAdd, quarterFormMetrics } from "@/lib/domain/quarter-form-view";
import { listBrandMetrics } from "@/lib/queries/brand-metrics";
import { getBrand, listBrands } from "@/lib/queries/brands";
import { listBrandSeries } from "@/lib/queries/series";
import {
  brandMetricsHref,
  overviewQuery,
  parseQuarterFormParams,
  quarterFormHref,
  type SearchParams,
} from "@/lib/url-state";

export const metadata: Metadata = { title: "Add a quarter" };

export default async function NewQuarterPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const params = await searchParams;
  const parsed = parseQuarterFormParams(params);
  // Signed out, the form is not shown at all: the sign-in page brings the editor back here.
  await requireRole(
    "editor",
    parsed.ok ? quarterFormHref(parsed.value.brand, parsed.value.quarter) : "/quarters/new",
  );
  if (!parsed.ok) return <ParamProblems problems={parsed.problems} resetHref="/quarters/new" />;
  const [brand, brands] = await Promise.all([getBrand(parsed.value.brand), listBrands()]);
  if (!brand) notFound();
  const tracked = await listBrandMetrics(brand.slug);
  const series = await listBrandSeries(brand.slug, { metricKeys: tracked.map((m) => m.key) });
  const today = now();
  const defaultQuarter = parsed.value.quarter ?? defaultQuarterToAdd(series, today);

  return (
    <>
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href={`/${overviewQuery({ brand: brand.slug })}`}>{brand.name} overview</Link> ›{" "}
        <span aria-current="page">Add a quarter</span>
      </nav>
      <div className="page-head">
        <div>
          <h1>Add a quarter for {brand.name}</h1>
          <p className="lede">
            Enter the figures a published source reports for one quarter. A figure already stored
            for that quarter is restated, never overwritten: the earlier value stays visible as
            history. The form offers the metrics {brand.name} tracks (
            <Link href={brandMetricsHref(brand.slug)}>change them</Link>).
          </p>
        </div>
        <BrandSwitcher brands={brands} current={brand.slug} action="/quarters/new" />
      </div>
      <QuarterForm
        brand={{ slug: brand.slug, name: brand.name }}
        metrics={quarterFormMetrics(series)}
        defaultQuarter={defaultQuarter}
        now={today.toISOString()}
        quarterRequested={parsed.value.quarter !== null}
      />
    </>
  );
}
