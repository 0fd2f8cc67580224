import Link from "next/link";
import { SourceLink } from "@/components/SourceLink";
import { useTranslations } from "@/i18n/messages";
import type { CompareMode, CompareTable as CompareTableData } from "@/lib/domain/compare";
import { formatValue, unitLabel } from "@/lib/domain/format";
import type { Locale } from "@/lib/domain/locale";
import type { CompareView } from "@/lib/queries/compare-view";
import { type CompareState, compareQuery, metricPageQuery } from "@/lib/url-state";
import { type ComparePageView, compareModeCell } from "@/lib/view-models/compare-page";

/**
 * The compared series by quarter, newest first: in YoY or index mode the drawn quantity, then the
 * value with its source (a derived value shows its inputs). An empty cell is a quarter with no
 * figure, never a zero.
 */
export function CompareTable({
  state,
  series,
  mode,
  table,
  pointsById,
  locale,
}: {
  state: CompareState;
  series: CompareView["series"];
  mode: CompareMode;
  table: CompareTableData;
  pointsById: ComparePageView["pointsById"];
  locale: Locale;
}) {
  const t = useTranslations("Compare");
  const words = useTranslations("CompareTable");
  return (
    <section aria-labelledby="compare-table-heading">
      <h2 id="compare-table-heading">{t("data")}</h2>
      <div className="table-scroll">
        <table className="series-table" data-testid="compare-table">
          <caption>{words("caption", { mode })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("quarter")}</th>
              {series.map((entry) => (
                <th key={entry.id} scope="col" className="num">
                  <Link
                    href={
                      entry.derived
                        ? `/compare${compareQuery({ ...state, brands: [entry.brandSlug], metrics: [entry.metricKey] })}`
                        : `/metrics/${entry.metricKey}${metricPageQuery({ brand: entry.brandSlug, view: "bars", from: null, to: null })}`
                    }
                  >
                    {entry.label}
                  </Link>{" "}
                  <span className="unit">({unitLabel(entry.unit, locale)})</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[...table.rows].reverse().map((row) => (
              <tr key={row.quarter} data-quarter={row.quarter}>
                <th scope="row">{row.label}</th>
                {series.map((entry) => {
                  const point = pointsById.get(entry.id)?.get(row.quarter);
                  const shown = row.values[entry.id] ?? null;
                  if (!point) return <td key={entry.id} className="num muted" />;
                  const evidence = point.evidence;
                  return (
                    <td key={entry.id} className="num">
                      {mode === "absolute" ? null : (
                        <span className="compare-cell__mode">
                          {shown === null ? t("na") : compareModeCell(shown, mode, entry, locale)}
                        </span>
                      )}
                      <span className="compare-cell__value">
                        {formatValue(
                          point.value,
                          entry.unit,
                          point.decimals,
                          point.qualifier,
                          locale,
                        )}
                      </span>
                      {evidence && "source" in evidence ? (
                        <span className="compare-cell__source">
                          <SourceLink source={evidence.source} prefix="" />
                        </span>
                      ) : null}
                      {evidence && "inputs" in evidence ? (
                        <span className="compare-cell__source">
                          ={" "}
                          {evidence.inputs
                            .map((input) =>
                              formatValue(
                                input.value,
                                input.unit,
                                input.decimals,
                                input.qualifier,
                                locale,
                              ),
                            )
                            .join(" ÷ ")}
                        </span>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
