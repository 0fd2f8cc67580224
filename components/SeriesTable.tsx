import { useTranslations } from "@/i18n/messages";
import { useCurrentLocale } from "@/i18n/use-locale";
import {
  changeTone,
  formatChangeHeadline,
  formatValue,
  qualifierWord,
  unitLabel,
} from "@/lib/domain/format";
import { type Change, changeMagnitude } from "@/lib/domain/kpi";
import {
  type QuarterCode,
  quarterFromIndex,
  quarterIndex,
  quarterLabel,
} from "@/lib/domain/quarter";
import type { QuarterEditTemplates } from "@/lib/domain/quarter-edit-templates";
import { historyEntries } from "@/lib/domain/revision-history";
import type { PointRow } from "@/lib/domain/series-view";
import type { TableWindow } from "@/lib/domain/table-window";
import type { MetricDTO, Qualifier, RevisionDTO, WithdrawalDTO } from "@/lib/domain/types";
import { QuarterEditLinks, QuarterEditLinksProvider } from "./QuarterEditLinks";
import { SourceLink } from "./SourceLink";

function ChangeCell({ delta, metric }: { delta: Change | null; metric: MetricDTO }) {
  const t = useTranslations("SeriesTable");
  const locale = useCurrentLocale();
  if (!delta) return <td className="num muted">{t("na")}</td>;
  const tone = changeTone(changeMagnitude(delta), metric.higherIsBetter);
  return <td className={`num change--${tone}`}>{formatChangeHeadline(delta, locale)}</td>;
}

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
  const t = useTranslations("SeriesTable");
  const locale = useCurrentLocale();
  const entries = historyEntries(history, current);
  if (entries.length === 0 && !current.enteredBy) return null;
  return (
    <ul className="history">
      {current.enteredBy ? (
        <li data-testid="entered-by">
          {entries.length > 0 ? t("currentEntered") : t("entered")}
          {current.enteredAt ? t("on", { date: current.enteredAt.slice(0, 10) }) : ""}
          {t("by", { name: current.enteredBy })}
        </li>
      ) : null}
      {entries.map((entry) => (
        <li key={entry.revision}>
          {t(`events.${entry.event}`)}
          {entry.on ? t("on", { date: entry.on }) : ""}
          {entry.by ? t("by", { name: entry.by }) : ""}
          {entry.event === "source_updated" ? t("sourceUpdatedWas") : t("was")}
          {entry.event === "source_updated"
            ? null
            : entry.was === null
              ? t("withdrawnValue")
              : formatValue(
                  entry.was.value,
                  metric.unit,
                  entry.was.decimals,
                  entry.was.qualifier,
                  locale,
                )}
          {entry.source ? (
            <>
              {" "}
              (<SourceLink source={entry.source} prefix="" />)
            </>
          ) : null}
          {entry.reason ? (
            <span className="history__reason">{t("reason", { reason: entry.reason })}</span>
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
  withdrawn = [],
  editorLinks = null,
  twoYearChanges,
  fold,
}: {
  metric: MetricDTO;
  rows: readonly PointRow[];
  caption: string;
  detailed: boolean;
  span?: { from: QuarterCode; to: QuarterCode } | null;
  /** Withdrawn quarters: shown as gaps that say so, with what was there before. */
  withdrawn?: readonly WithdrawalDTO[];
  /** For a signed-in editor: where to restate or withdraw a quarter's figure (`quarterEditTemplates`). */
  editorLinks?: QuarterEditTemplates | null;
  /** When given, a column with each quarter's change against the same quarter two years earlier. */
  twoYearChanges?: ReadonlyMap<QuarterCode, Change | null>;
  /** The quarters to list when not every quarter of the span (`tableWindow`), and where all are. */
  fold?: (TableWindow & { allHref: string }) | null;
}) {
  const t = useTranslations("SeriesTable");
  const locale = useCurrentLocale();
  const first = rows[0]?.point.quarter;
  const last = rows.at(-1)?.point.quarter;
  const from = span?.from ?? first;
  const to = span?.to ?? last;
  const byQuarter = new Map(rows.map((row) => [row.point.quarter, row]));
  const withdrawnByQuarter = new Map(withdrawn.map((entry) => [entry.quarter, entry]));
  const quarters: QuarterCode[] = fold ? [...fold.quarters] : [];
  if (!fold && from && to) {
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
  const showEdit = detailed && editorLinks !== null;
  const columnCount =
    4 + (detailed ? 2 : 0) + (showTtm ? 1 : 0) + (showEdit ? 1 : 0) + (twoYearChanges ? 1 : 0);
  const table = (
    <>
      <div className="table-scroll">
        <table
          className={detailed ? "series-table series-table--detailed" : "series-table"}
          data-testid={`table-${metric.key}`}
        >
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t("quarter")}</th>
              <th scope="col" className="num">
                {/* Chinese says no unit here: its cells pick 亿 or 万 by size and name their own. */}
                {t("value", { unit: unitLabel(metric.unit, locale) })}
              </th>
              <th scope="col" className="num">
                {t("yoy")}
              </th>
              {twoYearChanges ? (
                <th scope="col" className="num">
                  {t("vs2y")}
                </th>
              ) : null}
              {detailed ? (
                <th scope="col" className="num">
                  {t("qoq")}
                </th>
              ) : null}
              {showTtm ? (
                <th scope="col" className="num">
                  {t("ttm")}
                </th>
              ) : null}
              <th scope="col">{t("source")}</th>
              {detailed ? <th scope="col">{t("history")}</th> : null}
              {showEdit ? <th scope="col">{t("edit")}</th> : null}
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
                    <th scope="row">{quarterLabel(quarter, locale)}</th>
                    <td colSpan={columnCount - 1 - (showEdit ? 1 : 0)} className="muted">
                      {withdrawal ? (
                        <>
                          {t("withdrawnGap", {
                            date: withdrawal.withdrawnAt.slice(0, 10),
                            name: withdrawal.withdrawnBy,
                          })}
                          {detailed ? (
                            <HistoryNote
                              history={withdrawal.history}
                              current={{ value: null, note: withdrawal.reason }}
                              metric={metric}
                            />
                          ) : null}
                        </>
                      ) : (
                        t("gap")
                      )}
                    </td>
                    {showEdit ? (
                      <td>
                        <QuarterEditLinks quarter={quarter} gap />
                      </td>
                    ) : null}
                  </tr>
                );
              }
              const point = row.point;
              return (
                <tr key={quarter} data-quarter={quarter}>
                  <th scope="row">{quarterLabel(quarter, locale)}</th>
                  <td className="num" title={qualifierWord(point.qualifier, locale)}>
                    {formatValue(point.value, metric.unit, point.decimals, point.qualifier, locale)}
                    {point.history.length > 0 ? (
                      <span className="badge" title={t("restatedTitle")}>
                        {t("restatedBadge")}
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
                        ? t("na")
                        : formatValue(row.ttm, metric.unit, ttmDecimals(quarter), "exact", locale)}
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
                      <QuarterEditLinks quarter={quarter} />
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {fold?.folded ? (
        <p className="table-fold" data-testid="table-fold">
          {t("foldLatest", {
            shown: fold.quarters.length - fold.recentOlder.length,
            total: fold.total,
          })}
          {fold.recentOlder.length > 0
            ? t("foldRecent", {
                quarters: fold.recentOlder
                  .map((quarter) => quarterLabel(quarter, locale))
                  .join(", "),
              })
            : ""}{" "}
          <a href={fold.allHref}>{t("foldAll", { total: fold.total })}</a>
        </p>
      ) : null}
    </>
  );
  if (!showEdit) return table;
  const text = { restate: t("restate"), withdraw: t("withdraw"), add: t("addFigure") };
  return (
    <QuarterEditLinksProvider value={{ ...editorLinks, text }}>{table}</QuarterEditLinksProvider>
  );
}
