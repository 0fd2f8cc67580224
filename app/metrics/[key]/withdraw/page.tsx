import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ParamProblems } from "@/components/ParamProblems";
import { SourceLink } from "@/components/SourceLink";
import { WithdrawForm } from "@/components/WithdrawForm";
import { requireRole } from "@/lib/auth/current-user";
import { MetricKeySchema } from "@/lib/domain/fields";
import { formatValue } from "@/lib/domain/format";
import { quarterLabel } from "@/lib/domain/quarter";
import { getBrand } from "@/lib/queries/brands";
import { getMetric } from "@/lib/queries/metrics";
import { listBrandSeries } from "@/lib/queries/series";
import {
  metricPageQuery,
  parseWithdrawParams,
  type SearchParams,
  withdrawHref,
} from "@/lib/url-state";

export const metadata: Metadata = { title: "Withdraw a figure" };

export default async function WithdrawPage({
  params,
  searchParams,
}: {
  params: Promise<{ key: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { key } = await params;
  const parsedKey = MetricKeySchema.safeParse(key);
  if (!parsedKey.success) notFound();
  const parsed = parseWithdrawParams(await searchParams);
  await requireRole(
    "editor",
    parsed.ok
      ? withdrawHref(parsedKey.data, parsed.value.brand, parsed.value.quarter)
      : `/metrics/${parsedKey.data}`,
  );
  if (!parsed.ok) {
    return <ParamProblems problems={parsed.problems} resetHref={`/metrics/${parsedKey.data}`} />;
  }
  const [metric, brand] = await Promise.all([
    getMetric(parsedKey.data),
    getBrand(parsed.value.brand),
  ]);
  if (!metric || !brand) notFound();
  const [series] = await listBrandSeries(brand.slug, { metricKeys: [metric.key] });
  const point = series?.points.find((entry) => entry.quarter === parsed.value.quarter);
  const metricHref = `/metrics/${metric.key}${metricPageQuery({ brand: brand.slug, view: "bars", from: null, to: null })}`;
  const label = quarterLabel(parsed.value.quarter);

  return (
    <section className="narrow">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href={metricHref}>
          {brand.name}: {metric.label}
        </Link>{" "}
        › <span aria-current="page">Withdraw {label}</span>
      </nav>
      <h1>
        Withdraw {metric.label}, {label}
      </h1>
      {point ? (
        <>
          <p className="lede">
            The current figure is{" "}
            <strong>
              {formatValue(point.value, metric.unit, point.decimals, point.qualifier)}
            </strong>{" "}
            (revision {point.revision}, <SourceLink source={point.source} prefix="source: " />
            ). Withdrawing it adds a revision without a value: charts show the quarter as a gap, and
            the figure stays in the history with your reason.
          </p>
          <WithdrawForm
            brand={brand.slug}
            metricKey={metric.key}
            quarter={parsed.value.quarter}
            revision={point.revision}
            returnTo={withdrawHref(metric.key, brand.slug, parsed.value.quarter)}
            description={`${metric.label}, ${label}: ${formatValue(point.value, metric.unit, point.decimals, point.qualifier)}`}
          />
        </>
      ) : (
        <p className="problem" role="alert">
          {brand.name} has no current {metric.label} figure for {label}, so there is nothing to
          withdraw. <Link href={metricHref}>Back to {metric.label}</Link>
        </p>
      )}
    </section>
  );
}
