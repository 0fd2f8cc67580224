import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ParamProblems } from "@/components/ParamProblems";
import { RestateForm } from "@/components/RestateForm";
import { SourceLink } from "@/components/SourceLink";
import { requireRole } from "@/lib/auth/current-user";
import { MetricKeySchema } from "@/lib/domain/fields";
import { formatValue } from "@/lib/domain/format";
import { quarterLabel } from "@/lib/domain/quarter";
import { restateDefaults } from "@/lib/domain/restate-view";
import { getBrand } from "@/lib/queries/brands";
import { getMetric } from "@/lib/queries/metrics";
import { listBrandSeries } from "@/lib/queries/series";
import {
  metricPageQuery,
  parseWithdrawParams,
  quarterFormHref,
  restateHref,
  type SearchParams,
} from "@/lib/url-state";

type Props = { params: Promise<{ key: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const key = MetricKeySchema.safeParse((await params).key);
  const parsed = parseWithdrawParams(await searchParams);
  if (!key.success || !parsed.ok) return { title: "Restate a figure" };
  const [metric, brand] = await Promise.all([getMetric(key.data), getBrand(parsed.value.brand)]);
  if (!metric || !brand) return { title: "Restate a figure" };
  return { title: `Restate ${metric.label}, ${quarterLabel(parsed.value.quarter)}, ${brand.name}` };
}

/** One figure's restatement on one page, prefilled with the stored figure and its whole source. */
export default async function RestatePage({ params, searchParams }: Props) {
  const { key } = await params;
  const parsedKey = MetricKeySchema.safeParse(key);
  if (!parsedKey.success) notFound();
  const parsed = parseWithdrawParams(await searchParams);
  await requireRole(
    "editor",
    parsed.ok
      ? restateHref(parsedKey.data, parsed.value.brand, parsed.value.quarter)
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
  const title = `Restate ${metric.label}, ${label}, ${brand.name}`;

  return (
    <section className="narrow">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href={metricHref}>
          {brand.name}: {metric.label}
        </Link>{" "}
        › <span aria-current="page">Restate {label}</span>
      </nav>
      <h1>{title}</h1>
      {point ? (
        <>
          <p className="lede" data-testid="restate-stored">
            Stored:{" "}
            <strong>
              {formatValue(point.value, metric.unit, point.decimals, point.qualifier)}
            </strong>{" "}
            (revision {point.revision}, <SourceLink source={point.source} prefix="source: " />
            ). Change what is wrong below; the stored figure stays visible as history. Changing only
            the source is saved as a source update.
          </p>
          <RestateForm
            hidden={{
              brand: brand.slug,
              metric: metric.key,
              quarter: parsed.value.quarter,
              revision: point.revision,
            }}
            defaults={restateDefaults(point)}
            metric={{ label: metric.label, unit: metric.unit }}
            returnTo={restateHref(metric.key, brand.slug, parsed.value.quarter)}
            description={`${metric.label}, ${label}`}
          />
        </>
      ) : (
        <p className="problem" role="alert">
          {brand.name} has no current {metric.label} figure for {label}, so there is nothing to
          restate. <Link href={quarterFormHref(brand.slug, parsed.value.quarter)}>Add one</Link> or
          go <Link href={metricHref}>back to {metric.label}</Link>.
        </p>
      )}
    </section>
  );
}
