import { useTranslations } from "@/i18n/messages";
import { useCurrentLocale } from "@/i18n/use-locale";
import { type AnnualRow, annualStatusText } from "@/lib/domain/annual";
import { changeTone, formatChangeHeadline, formatValue, unitLabel } from "@/lib/domain/format";
import { changeMagnitude } from "@/lib/domain/kpi";
import type { MetricDTO } from "@/lib/domain/types";
import { SourceLink } from "./SourceLink";

/** Fiscal-year figures beside the annual chart, newest first, with how each was obtained. */
export function AnnualTable({ metric, rows }: { metric: MetricDTO; rows: readonly AnnualRow[] }) {
  const t = useTranslations("AnnualTable");
  const locale = useCurrentLocale();
  const valueHeading = metric.kind === "flow" ? t("total") : t("yearEnd");
  return (
    <div className="table-scroll">
      <table className="series-table" data-testid={`annual-${metric.key}`}>
        <caption>{t("caption", { metric: metric.label, kind: metric.kind })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("year")}</th>
            <th scope="col" className="num">
              {t("valueColumn", { heading: valueHeading, unit: unitLabel(metric.unit, locale) })}
            </th>
            <th scope="col" className="num">
              {t("yoy")}
            </th>
            <th scope="col">{t("how")}</th>
            <th scope="col">{t("sources")}</th>
          </tr>
        </thead>
        <tbody>
          {[...rows].reverse().map((row) => {
            const tone = row.yoy
              ? changeTone(changeMagnitude(row.yoy), metric.higherIsBetter)
              : null;
            return (
              <tr key={row.year} data-year={row.year} data-status={row.status.kind}>
                <th scope="row">{row.label}</th>
                <td className="num">
                  {row.value === null ? (
                    <span className="muted">{t("noValue")}</span>
                  ) : (
                    formatValue(row.value, metric.unit, row.decimals, row.qualifier, locale)
                  )}
                </td>
                <td className={`num${tone ? ` change--${tone}` : " muted"}`}>
                  {row.yoy ? formatChangeHeadline(row.yoy, locale) : t("na")}
                </td>
                <td className={row.value === null ? "muted" : undefined}>
                  {annualStatusText(row, locale)}
                </td>
                <td>
                  {row.sources.length === 0 ? (
                    <span className="muted">{t("none")}</span>
                  ) : (
                    <ul className="source-list">
                      {row.sources.map((source) => (
                        <li key={`${source.title}|${source.url}`}>
                          <SourceLink source={source} prefix="" />
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
