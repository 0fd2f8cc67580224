import {
  changeTone,
  formatChangeHeadline,
  formatValue,
  QUALIFIER_WORDS,
} from "@/lib/domain/format";
import { type Change, changeMagnitude } from "@/lib/domain/kpi";
import {
  type QuarterCode,
  quarterFromIndex,
  quarterIndex,
  quarterLabel,
} from "@/lib/domain/quarter";
import type { PointRow } from "@/lib/domain/series-view";
import type { MetricDTO, RevisionDTO } from "@/lib/domain/types";
import { SourceLink } from "./SourceLink";

function ChangeCell({ delta, metric }: { delta: Change | null; metric: MetricDTO }) {
  if (!delta) return <td className="num muted">n/a</td>;
  const tone = changeTone(changeMagnitude(delta), metric.higherIsBetter);
  return <td className={`num change--${tone}`}>{formatChangeHeadline(delta)}</td>;
}

function HistoryNote({ history, metric }: { history: RevisionDTO[]; metric: MetricDTO }) {
  if (history.length === 0) return null;
  return (
    <ul className="history">
      {history.map((revision) => (
        <li key={revision.revision}>
          Revision {revision.revision}, superseded {revision.supersededAt?.slice(0, 10)} (by{" "}
          {revision.supersededBy}): was{" "}
          {revision.value === null
            ? "withdrawn"
            : formatValue(revision.value, metric.unit, revision.decimals, revision.qualifier)}
          {revision.source ? (
            <>
              {" "}
              (<SourceLink source={revision.source} prefix="" />)
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/**
 * The figures behind a chart, newest first, with the same rounding as the chart. A quarter with
 * no figure inside the span is listed as a gap, so its absence is visible and not read as zero.
 */
export function SeriesTable({
  metric,
  rows,
  caption,
  detailed,
  span,
  twoYearChanges,
}: {
  metric: MetricDTO;
  rows: readonly PointRow[];
  caption: string;
  detailed: boolean;
  span?: { from: QuarterCode; to: QuarterCode } | null;
  /** When given, a column with each quarter's change against the same quarter two years earlier. */
  twoYearChanges?: ReadonlyMap<QuarterCode, Change | null>;
}) {
  const first = rows[0]?.point.quarter;
  const last = rows.at(-1)?.point.quarter;
  const from = span?.from ?? first;
  const to = span?.to ?? last;
  const byQuarter = new Map(rows.map((row) => [row.point.quarter, row]));
  const quarters: QuarterCode[] = [];
  if (from && to) {
    for (let index = quarterIndex(to); index >= quarterIndex(from); index--) {
      quarters.push(quarterFromIndex(index));
    }
  }
  // A sum is only as precise as its least precise quarter.
  const ttmDecimals = (quarter: QuarterCode) =>
    Math.min(
      ...[0, 1, 2, 3].map(
        (back) =>
          byQuarter.get(quarterFromIndex(quarterIndex(quarter) - back))?.point.decimals ?? 0,
      ),
    );
  const showTtm = detailed && metric.kind === "flow";
  const columnCount = 4 + (detailed ? 2 : 0) + (showTtm ? 1 : 0) + (twoYearChanges ? 1 : 0);
  return (
    <div className="table-scroll">
      <table
        className={detailed ? "series-table series-table--detailed" : "series-table"}
        data-testid={`table-${metric.key}`}
      >
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Quarter</th>
            <th scope="col" className="num">
              Value ({metric.unit})
            </th>
            <th scope="col" className="num">
              YoY
            </th>
            {twoYearChanges ? (
              <th scope="col" className="num">
                vs 2 years ago
              </th>
            ) : null}
            {detailed ? (
              <th scope="col" className="num">
                QoQ
              </th>
            ) : null}
            {showTtm ? (
              <th scope="col" className="num">
                Trailing 12 months
              </th>
            ) : null}
            <th scope="col">Source</th>
            {detailed ? <th scope="col">History</th> : null}
          </tr>
        </thead>
        <tbody>
          {quarters.map((quarter) => {
            const row = byQuarter.get(quarter);
            if (!row) {
              return (
                <tr key={quarter} className="gap-row" data-quarter={quarter}>
                  <th scope="row">{quarterLabel(quarter)}</th>
                  <td colSpan={columnCount - 1} className="muted">
                    No figure found in a source (a gap, not zero)
                  </td>
                </tr>
              );
            }
            const point = row.point;
            return (
              <tr key={quarter} data-quarter={quarter}>
                <th scope="row">{quarterLabel(quarter)}</th>
                <td className="num" title={QUALIFIER_WORDS[point.qualifier]}>
                  {formatValue(point.value, metric.unit, point.decimals, point.qualifier)}
                  {point.history.length > 0 ? (
                    <span className="badge" title="This figure was restated">
                      restated
                    </span>
                  ) : null}
                </td>
                <ChangeCell delta={row.yoy} metric={metric} />
                {twoYearChanges ? (
                  <ChangeCell delta={twoYearChanges.get(quarter) ?? null} metric={metric} />
                ) : null}
                {detailed ? <ChangeCell delta={row.qoq} metric={metric} /> : null}
                {showTtm ? (
                  <td className="num">
                    {row.ttm === null
                      ? "n/a"
                      : formatValue(row.ttm, metric.unit, ttmDecimals(quarter))}
                  </td>
                ) : null}
                <td>
                  <SourceLink source={point.source} prefix="" />
                  {detailed && point.quote ? <span className="quote">{point.quote}</span> : null}
                </td>
                {detailed ? (
                  <td>
                    <HistoryNote history={point.history} metric={metric} />
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
