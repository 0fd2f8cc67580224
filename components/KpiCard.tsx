import Link from "next/link";
import { useTranslations } from "@/i18n/messages";
import { useCurrentLocale } from "@/i18n/use-locale";
import { formatValue } from "@/lib/domain/format";
import { quarterLabel } from "@/lib/domain/quarter";
import type { MetricSummary } from "@/lib/domain/series-view";
import type { MetricDTO } from "@/lib/domain/types";
import { ChangeText } from "./ChangeText";
import { SourceLink } from "./SourceLink";
import { Sparkline } from "./Sparkline";

/** A metric's latest figure with its quarter, unit, changes, trend and source. */
export function KpiCard({
  metric,
  summary,
  href,
}: {
  metric: MetricDTO;
  summary: MetricSummary;
  href: string;
}) {
  const latest = summary.latest;
  const t = useTranslations("KpiCard");
  const locale = useCurrentLocale();
  return (
    <li className="card" data-testid={`card-${metric.key}`}>
      <h3 className="card__title">
        <Link href={href}>{metric.label}</Link>
      </h3>
      {latest === null ? (
        <p className="card__empty">{t("empty")}</p>
      ) : (
        <>
          <p className="card__value">
            <span data-testid="card-value">
              {formatValue(
                latest.point.value,
                metric.unit,
                latest.point.decimals,
                latest.point.qualifier,
                locale,
              )}
            </span>
            <span className="card__quarter" data-testid="card-quarter">
              {quarterLabel(latest.point.quarter, locale)}
            </span>
          </p>
          <p className="card__changes">
            {latest.yoy ? (
              <ChangeText
                delta={latest.yoy}
                label="YoY"
                unit={metric.unit}
                decimals={latest.point.decimals}
                higherIsBetter={metric.higherIsBetter}
              />
            ) : (
              <span className="change change--neutral" data-testid="change-yoy">
                {summary.missingYearAgo
                  ? t("yoyMissing", { quarter: quarterLabel(summary.missingYearAgo, locale) })
                  : t("yoyMissingGeneric")}
              </span>
            )}
            {latest.qoq ? (
              <ChangeText
                delta={latest.qoq}
                label="QoQ"
                unit={metric.unit}
                decimals={latest.point.decimals}
                higherIsBetter={metric.higherIsBetter}
                showAbsolute={false}
              />
            ) : (
              <span className="change change--neutral" data-testid="change-qoq">
                {t("qoqMissing")}
              </span>
            )}
          </p>
          <div className="card__trend">
            <Sparkline points={summary.sparkline} label={metric.label} />
            {summary.streak && summary.streak.quarters >= 2 ? (
              <p className="card__streak" data-testid="card-streak">
                {t("streak", {
                  count: summary.streak.quarters,
                  direction: summary.streak.direction,
                })}
              </p>
            ) : null}
          </div>
          {latest.point.history.length > 0 ? (
            <p className="card__restated">
              {t("restated", { count: latest.point.history.length })}
            </p>
          ) : null}
          <p className="card__source">
            <SourceLink source={latest.point.source} />
          </p>
        </>
      )}
    </li>
  );
}
