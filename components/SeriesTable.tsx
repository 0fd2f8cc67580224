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
import { historyEntries } from "@/lib/domain/revision-history";
import type { PointRow } from "@/lib/domain/series-view";
import type { MetricDTO, Qualifier, RevisionDTO, WithdrawalDTO } from "@/lib/domain/types";
import { SourceLink } from "./SourceLink";

function ChangeCell({ delta, metric }: { delta: Change | null; metric: MetricDTO }) {
  if (!delta) return <td className="num muted">n/a</td>;
  const tone = changeTone(changeMagnitude(delta), metric.higherIsBetter);
  return <td className={`num change--${tone}`}>{formatChangeHeadline(delta)}</td>;
}

const EVENT_WORDS = {
  restated: "restated",
  source_updated: "source updated",
  withdrawn: "withdrawn",
  reentered: "re-entered",
};

function HistoryNote({
  history,
  current,
  metric,
}: {
  history: RevisionDTO[];
  current: {
    value: number | null;
    note: string | null;
    decimals?: number;
    qualifier?: Qualifier;
    enteredAt?: string;
    enteredBy?: string;
  };
  metric: MetricDTO;
}) {
  const entries = historyEntries(history, current);
  if (entries.length === 0 && !current.enteredBy) return null;
  return (
    <ul className="history">
      {current.enteredBy ? (
        <li data-testid="entered-by">
          {entries.length > 0 ? "current figure entered" : "entered"}
          {current.enteredAt ? ` on ${current.enteredAt.slice(0, 10)}` : ""} by {current.enteredBy}
        </li>
      ) : null}
      {entries.map((entry) => (
        <li key={entry.revision}>
          {EVENT_WORDS[entry.event]}
          {entry.on ? ` on ${entry.on}` : ""}
          {entry.by ? ` by ${entry.by}` : ""}
          {entry.event === "source_updated" ? ", value unchanged, was from" : ", was "}
          {entry.event === "source_updated"
            ? null
            : entry.was === null
              ? "withdrawn"
              : formatValue(entry.was.value, metric.unit, entry.was.decimals, entry.was.qualifier)}
          {entry.source ? (
            <>
              {" "}
              (<SourceLink source={entry.source} prefix="" />)
            </>
          ) : null}
          {entry.reason ? <span className="history__reason"> Reason: {entry.reason}</span> : null}
        </li>
      ))}
    </ul>
  );
}

export interface EditorLinks {
  restate: (quarter: QuarterCode) => string;
  /** For a gap row: the quarter form with the quarter chosen. */
  add: (quarter: QuarterCode) => string;
  withdraw: (quarter: QuarterCode) => string;
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
  withdrawn = [],
  editorLinks = null,
  twoYearChanges,
  latest,
}: {
  metric: MetricDTO;
  rows: readonly PointRow[];
  caption: string;
  detailed: boolean;
  span?: { from: QuarterCode; to: QuarterCode } | null;
  /** Withdrawn quarters: shown as gaps that say so, with what was there before. */
  withdrawn?: readonly WithdrawalDTO[];
  /** For a signed-in editor: where to restate or withdraw a quarter's figure. */
  editorLinks?: EditorLinks | null;
  /** When given, a column with each quarter's change against the same quarter two years earlier. */
  twoYearChanges?: ReadonlyMap<QuarterCode, Change | null>;
  /**
   * Lists only the newest `count` quarters, with a link to the table of all of them: every row
   * carries its source and quote, so a long history would make the page heavy for everyone.
   */
  latest?: { count: number; allHref: string };
}) {
  const first = rows[0]?.point.quarter;
  const last = rows.at(-1)?.point.quarter;
  const from = span?.from ?? first;
  const to = span?.to ?? last;
  const byQuarter = new Map(rows.map((row) => [row.point.quarter, row]));
  const withdrawnByQuarter = new Map(withdrawn.map((entry) => [entry.quarter, entry]));
  const allQuarters: QuarterCode[] = [];
  if (from && to) {
    for (let index = quarterIndex(to); index >= quarterIndex(from); index--) {
      allQuarters.push(quarterFromIndex(index));
    }
  }
  const cut = latest !== undefined && allQuarters.length > latest.count;
  const quarters = cut ? allQuarters.slice(0, latest.count) : allQuarters;
  // A sum is only as precise as its least precise quarter.
  const ttmDecimals = (quarter: QuarterCode) =>
    Math.min(
      ...[0, 1, 2, 3].map(
        (back) =>
          byQuarter.get(quarterFromIndex(quarterIndex(quarter) - back))?.point.decimals ?? 0,
      ),
    );
  const showTtm = detailed && metric.kind === "flow";
  const showEdit = detailed && editorLinks !== null;
  const columnCount =
    4 + (detailed ? 2 : 0) + (showTtm ? 1 : 0) + (showEdit ? 1 : 0) + (twoYearChanges ? 1 : 0);
  return (
    <>
      <div className="table-scroll">
        <table
          className={detailed ? "series-table series-table--detailed" : "series-table"}
          data-testid={`table-${metric.key}`}
        >
          <caption>
            {caption}
            {cut ? `: the latest ${quarters.length} of ${allQuarters.length} quarters` : ""}
          </caption>
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
              {showEdit ? <th scope="col">Edit</th> : null}
            </tr>
          </thead>
          <tbody>
            {quarters.map((quarter) => {
              const row = byQuarter.get(quarter);
              if (!row) {
                const withdrawal = withdrawnByQuarter.get(quarter);
                return (
                  <tr
                    key={quarter}
                    className="gap-row"
                    data-quarter={quarter}
                    data-withdrawn={withdrawal ? "true" : undefined}
                  >
                    <th scope="row">{quarterLabel(quarter)}</th>
                    <td colSpan={columnCount - 1 - (showEdit ? 1 : 0)} className="muted">
                      {withdrawal ? (
                        <>
                          No current figure: withdrawn on {withdrawal.withdrawnAt.slice(0, 10)} by{" "}
                          {withdrawal.withdrawnBy} (a gap, not zero).
                          {detailed ? (
                            <HistoryNote
                              history={withdrawal.history}
                              current={{ value: null, note: withdrawal.reason }}
                              metric={metric}
                            />
                          ) : null}
                        </>
                      ) : (
                        "No figure found in a source (a gap, not zero)"
                      )}
                    </td>
                    {showEdit ? (
                      <td>
                        <a href={editorLinks.add(quarter)}>Add a figure</a>
                      </td>
                    ) : null}
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
                      <HistoryNote history={point.history} current={point} metric={metric} />
                    </td>
                  ) : null}
                  {showEdit ? (
                    <td className="edit-links">
                      <a href={editorLinks.restate(quarter)}>Restate</a>{" "}
                      <a href={editorLinks.withdraw(quarter)}>Withdraw</a>
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {cut ? (
        <p className="table-more">
          <a href={latest.allHref} data-testid={`table-all-${metric.key}`}>
            All {allQuarters.length} quarters
          </a>{" "}
          in the table, each with its source
        </p>
      ) : null}
    </>
  );
}
