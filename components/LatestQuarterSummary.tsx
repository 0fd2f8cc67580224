import Link from "next/link";
import { useTranslations } from "@/i18n/messages";
import { useCurrentLocale } from "@/i18n/use-locale";
import { formatValue } from "@/lib/domain/format";
import type { LatestQuarterDigest } from "@/lib/domain/overview-news";
import { quarterLabel } from "@/lib/domain/quarter";
import { ChangeText } from "./ChangeText";
import { SourceLink } from "./SourceLink";

/** How many metrics the headline names; the rest are one link away (the figures below). */
const HEADLINE_LINES = 5;

/**
 * The overview's first lines: what the brand's latest quarter changed, the largest YoY moves
 * first (the rule is in lib/domain/overview-news.ts), each with its value, unit and source.
 */
export function LatestQuarterSummary({
  digest,
  metricHref,
  newsCount,
}: {
  digest: LatestQuarterDigest;
  metricHref: (key: string) => string;
  newsCount: number;
}) {
  const shown = digest.changes.slice(0, HEADLINE_LINES);
  const more = digest.changes.length - shown.length;
  const t = useTranslations("LatestQuarter");
  const locale = useCurrentLocale();
  const quarter = quarterLabel(digest.quarter, locale);
  return (
    <section aria-labelledby="latest-heading" id="latest" data-testid="latest-quarter">
      <h2 id="latest-heading">{t("heading", { quarter })}</h2>
      <ul className="latest-list">
        {shown.map(({ metric, row, yoy }) => (
          <li key={metric.key} data-metric={metric.key}>
            <Link href={metricHref(metric.key)}>{metric.label}</Link>:{" "}
            <strong>
              {formatValue(
                row.point.value,
                metric.unit,
                row.point.decimals,
                row.point.qualifier,
                locale,
              )}
            </strong>
            ,{" "}
            {yoy ? (
              <ChangeText
                delta={yoy}
                label="YoY"
                unit={metric.unit}
                decimals={row.point.decimals}
                higherIsBetter={metric.higherIsBetter}
                showAbsolute={false}
              />
            ) : (
              <span className="change change--neutral">{t("noYearAgo")}</span>
            )}{" "}
            <span className="latest-list__source">
              <SourceLink source={row.point.source} />
            </span>
          </li>
        ))}
      </ul>
      <p className="section-note">
        {t("largestFirst")}{" "}
        {more > 0 ? (
          <>
            <a href="#kpi-heading">{t("more", { count: more })}</a>
            {t("below")}{" "}
          </>
        ) : null}
        {digest.notReported.length > 0
          ? t("notReported", {
              quarter,
              metrics: digest.notReported.map((metric) => metric.label).join(", "),
            })
          : ""}
        {newsCount > 0 ? (
          <a href="#signals-heading">{t("findings", { count: newsCount })}</a>
        ) : (
          t("noFinding")
        )}{" "}
        {t("moves", { count: newsCount })}
      </p>
    </section>
  );
}
