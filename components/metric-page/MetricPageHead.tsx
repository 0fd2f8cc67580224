import Link from "next/link";
import { BrandSwitcher } from "@/components/BrandSwitcher";
import { useTranslations } from "@/i18n/messages";
import { useCurrentLocale } from "@/i18n/use-locale";
import { unitLabel } from "@/lib/domain/format";
import { type QuarterCode, quarterLabel } from "@/lib/domain/quarter";
import type { BrandDTO, MetricDTO } from "@/lib/domain/types";
import { overviewQuery } from "@/lib/url-state";

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
  const t = useTranslations("MetricPage");
  const locale = useCurrentLocale();
  return (
    <>
      <a className="skip-link skip-link--inline" href="#data">
        {t("skip")}
      </a>
      <nav className="breadcrumb" aria-label={t("breadcrumb")}>
        <Link href={`/${overviewQuery({ brand: brand.slug })}`}>
          {t("overviewOf", { brand: brand.name })}
        </Link>{" "}
        › <span aria-current="page">{metric.label}</span>
      </nav>
      <div className="page-head">
        <div>
          <h1>
            {t("heading", { brand: brand.name, metric: metric.label })}{" "}
            <span className="unit">({unitLabel(metric.unit, locale)})</span>
          </h1>
          <p className="lede">
            {metric.definition} {t(`kindNotes.${metric.kind}`)}
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
          {t("withdrawn", { quarter: quarterLabel(withdrawnNotice, locale) })}
        </p>
      ) : null}
    </>
  );
}
