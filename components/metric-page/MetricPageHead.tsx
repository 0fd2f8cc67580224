import Link from "next/link";
import { BrandSwitcher } from "@/components/BrandSwitcher";
import { type QuarterCode, quarterLabel } from "@/lib/domain/quarter";
import type { BrandDTO, MetricDTO } from "@/lib/domain/types";
import { overviewQuery } from "@/lib/url-state";
import { KIND_NOTES } from "@/lib/view-models/metric-page";

/** The metric page's top: skip link, breadcrumb, title with unit, definition, brand switcher. */
export function MetricPageHead({
  brand,
  brands,
  metric,
  brandHidden,
  withdrawnNotice,
}: {
  brand: BrandDTO;
  brands: readonly BrandDTO[];
  metric: MetricDTO;
  brandHidden: Record<string, string>;
  withdrawnNotice: QuarterCode | null;
}) {
  return (
    <>
      <a className="skip-link skip-link--inline" href="#data">
        Skip to the data table
      </a>
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href={`/${overviewQuery({ brand: brand.slug })}`}>{brand.name} overview</Link> ›{" "}
        <span aria-current="page">{metric.label}</span>
      </nav>
      <div className="page-head">
        <div>
          <h1>
            {brand.name}: {metric.label} <span className="unit">({metric.unit})</span>
          </h1>
          <p className="lede">
            {metric.definition} {KIND_NOTES[metric.kind]}
          </p>
        </div>
        <BrandSwitcher
          brands={brands}
          current={brand.slug}
          action={`/metrics/${metric.key}`}
          hidden={brandHidden}
        />
      </div>

      {withdrawnNotice ? (
        <p className="notice" role="status" data-testid="withdrawn-notice">
          Withdrew the {quarterLabel(withdrawnNotice)} figure: the quarter is now a gap, and the
          table below keeps what it was.
        </p>
      ) : null}
    </>
  );
}
