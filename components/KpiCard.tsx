import Link from "next/link";
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
  return (
    <li className="card" data-testid={`card-${metric.key}`}>
      <h3 className="card__title">
        <Link href={href}>{metric.label}</Link>
      </h3>
      {latest === null ? (
        <p className="card__empty">No figures stored yet.</p>
      ) : (
        <>
          <p className="card__value">
            <span data-testid="card-value">
              {formatValue(
                latest.point.value,
                metric.unit,
                latest.point.decimals,
                latest.point.qualifier,
              )}
            </span>
            <span className="card__quarter" data-testid="card-quarter">
              {quarterLabel(latest.point.quarter)}
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
                YoY n/a: no{" "}
                {summary.missingYearAgo ? quarterLabel(summary.missingYearAgo) : "year-ago"} figure
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
                QoQ n/a: previous quarter missing
              </span>
            )}
          </p>
          <div className="card__trend">
            <Sparkline points={summary.sparkline} label={metric.label} />
            {summary.streak && summary.streak.quarters >= 2 ? (
              <p className="card__streak" data-testid="card-streak">
                {summary.streak.quarters} consecutive quarters of YoY {summary.streak.direction}
              </p>
            ) : null}
          </div>
          {latest.point.history.length > 0 ? (
            <p className="card__restated">
              Restated: {latest.point.history.length} earlier figure
              {latest.point.history.length > 1 ? "s" : ""} kept as history
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
