import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { changeBrandMetrics } from "@/lib/actions/change-brand-metrics";
import { requireRole } from "@/lib/auth/current-user";
import { BRAND_METRIC_OUTCOMES, parseBrandMetricOutcome } from "@/lib/domain/brand-metric-input";
import { BRAND_METRIC_NOTE_MAX } from "@/lib/domain/brand-metrics";
import { SlugSchema } from "@/lib/domain/fields";
import { listBrandMetrics } from "@/lib/queries/brand-metrics";
import { getBrand } from "@/lib/queries/brands";
import { listMetrics } from "@/lib/queries/metrics";
import { brandMetricsHref, overviewQuery, type SearchParams } from "@/lib/url-state";

export const metadata: Metadata = { title: "A brand's metrics" };

/** An editor's page for the metrics a brand tracks: add, remove, and the brand's note on each. */
export default async function BrandMetricsPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const slug = SlugSchema.safeParse((await params).slug);
  if (!slug.success) notFound();
  await requireRole("editor", brandMetricsHref(slug.data));
  const brand = await getBrand(slug.data);
  if (!brand) notFound();
  const [tracked, catalog] = await Promise.all([listBrandMetrics(brand.slug), listMetrics()]);
  const outcome = parseBrandMetricOutcome(await searchParams);
  const trackedKeys = new Set(tracked.map((metric) => metric.key));
  const addable = catalog.filter((metric) => !trackedKeys.has(metric.key));

  return (
    <section className="narrow">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href={`/${overviewQuery({ brand: brand.slug })}`}>{brand.name} overview</Link> ›{" "}
        <span aria-current="page">Metrics</span>
      </nav>
      <h1>Metrics {brand.name} tracks</h1>
      <p className="lede">
        The quarter form, the import, the overview and comparisons offer only these. A note says how{" "}
        {brand.name} reports a metric (an accounting standard, what a count includes); it is shown
        wherever brands are compared. Removing a metric keeps its stored figures.
      </p>
      {outcome ? (
        <p
          className={outcome.ok ? "notice" : "problem"}
          role={outcome.ok ? "status" : "alert"}
          data-testid="brand-metrics-outcome"
        >
          {outcome.metric ? `${outcome.metric}: ` : ""}
          {BRAND_METRIC_OUTCOMES[outcome.code]}
        </p>
      ) : null}
      <ul className="brand-metric-list">
        {tracked.map((metric) => (
          <li key={metric.key} data-testid={`brand-metric-${metric.key}`}>
            <form action={changeBrandMetrics} className="stack-form">
              <input type="hidden" name="brand" value={brand.slug} />
              <input type="hidden" name="metric" value={metric.key} />
              <div className="field">
                <label htmlFor={`note-${metric.key}`}>
                  {metric.label} ({metric.unit || "units"}): note
                </label>
                <textarea
                  id={`note-${metric.key}`}
                  name="note"
                  rows={2}
                  maxLength={BRAND_METRIC_NOTE_MAX}
                  defaultValue={metric.note ?? ""}
                />
              </div>
              <div className="form-actions">
                <button type="submit" name="change" value="note">
                  Save the note on {metric.label}
                </button>{" "}
                <button type="submit" name="change" value="remove" className="button--danger">
                  Remove {metric.label}
                </button>
              </div>
            </form>
          </li>
        ))}
      </ul>
      {addable.length > 0 ? (
        <form action={changeBrandMetrics} className="stack-form">
          <h2>Add a metric</h2>
          <input type="hidden" name="brand" value={brand.slug} />
          <div className="field">
            <label htmlFor="add-metric">Metric</label>
            <select id="add-metric" name="metric">
              {addable.map((metric) => (
                <option key={metric.key} value={metric.key}>
                  {metric.label} ({metric.unit || "units"})
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="add-note">Note (optional)</label>
            <textarea id="add-note" name="note" rows={2} maxLength={BRAND_METRIC_NOTE_MAX} />
          </div>
          <div className="form-actions">
            <button type="submit" name="change" value="add">
              Add the metric
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
