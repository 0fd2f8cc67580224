import { type AnnualRow, annualStatusText } from "@/lib/domain/annual";
import { changeTone, formatChangeHeadline, formatValue } from "@/lib/domain/format";
import { changeMagnitude } from "@/lib/domain/kpi";
import type { MetricDTO } from "@/lib/domain/types";
import { SourceLink } from "./SourceLink";

/** Fiscal-year figures beside the annual chart, newest first, with how each was obtained. */
export function AnnualTable({ metric, rows }: { metric: MetricDTO; rows: readonly AnnualRow[] }) {
  const valueHeading = metric.kind === "flow" ? "Fiscal-year total" : "Year-end value";
  return (
    <div className="table-scroll">
      <table className="series-table" data-testid={`annual-${metric.key}`}>
        <caption>
          {metric.label} by fiscal year (calendar year), newest first: {valueHeading.toLowerCase()},
          YoY against the previous fiscal year, and the quarters used
        </caption>
        <thead>
          <tr>
            <th scope="col">Fiscal year</th>
            <th scope="col" className="num">
              {valueHeading} ({metric.unit})
            </th>
            <th scope="col" className="num">
              YoY
            </th>
            <th scope="col">How</th>
            <th scope="col">Sources</th>
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
                    <span className="muted">no value</span>
                  ) : (
                    formatValue(row.value, metric.unit, row.decimals, row.qualifier)
                  )}
                </td>
                <td className={`num${tone ? ` change--${tone}` : " muted"}`}>
                  {row.yoy ? formatChangeHeadline(row.yoy) : "n/a"}
                </td>
                <td className={row.value === null ? "muted" : undefined}>
                  {annualStatusText(row)}
                </td>
                <td>
                  {row.sources.length === 0 ? (
                    <span className="muted">none</span>
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
