import type { ReactNode } from "react";
import { useTranslations } from "@/i18n/messages";
import { useCurrentLocale } from "@/i18n/use-locale";
import type { ImportPlan } from "@/lib/csv/import-plan";
import { formatChangeHeadline, formatValue } from "@/lib/domain/format";
import type { Locale } from "@/lib/domain/locale";
import { type QuarterCode, quarterLabel } from "@/lib/domain/quarter";
import type { MetricDTO, Qualifier } from "@/lib/domain/types";
import { ImportPreviewTable, ImportSourceCell, type PreviewColumn } from "./ImportPreviewTable";
import { ImportRejectedRows } from "./ImportRejectedRows";

function figureText(
  metric: MetricDTO | undefined,
  { value, decimals, qualifier }: { value: number | null; decimals: number; qualifier: Qualifier },
  locale: Locale,
  withdrawn: string,
): string {
  if (value === null) return withdrawn;
  return metric ? formatValue(value, metric.unit, decimals, qualifier, locale) : String(value);
}

/** The cells that say which figure a row of the file is: its line, brand, metric and quarter. */
function FigureCells({
  item,
  metric,
}: {
  item: { row: number; brand: string; metric: string; quarter: string };
  metric: MetricDTO | undefined;
}) {
  const locale = useCurrentLocale();
  return (
    <>
      <td className="num">{item.row}</td>
      <td>{item.brand}</td>
      <td>{metric?.label ?? item.metric}</td>
      <td>{quarterLabel(item.quarter as QuarterCode, locale)}</td>
    </>
  );
}

/** What an import would change, before anything is written: adds, restatements, rejections. */
export function ImportPreview({
  plan,
  metrics,
  applied = false,
}: {
  plan: ImportPlan;
  metrics: readonly MetricDTO[];
  /** After confirmation the same lists say what was done, not what would be. */
  applied?: boolean;
}) {
  const t = useTranslations("ImportPreview");
  const locale = useCurrentLocale();
  const text = (metric: MetricDTO | undefined, figure: Parameters<typeof figureText>[1]) =>
    figureText(metric, figure, locale, t("withdrawnGap"));
  const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;
  const n = (value: number) => value.toLocaleString("en-US");
  const figureColumns: readonly PreviewColumn[] = [
    { label: t("row"), num: true },
    { label: t("brand") },
    { label: t("metric") },
    { label: t("quarter") },
  ];
  const valueColumn: PreviewColumn = { label: t("value"), num: true };
  const yoyColumn: PreviewColumn = { label: t("yoy"), num: true };
  const byKey = new Map(metrics.map((metric) => [metric.key, metric]));
  const adds = plan.writes.filter((write) => write.kind === "add");
  const changes = plan.writes.filter((write) => write.kind !== "add");
  const unusual = plan.unusual ?? [];
  return (
    <>
      <ul className="import-counts" data-testid="import-counts">
        <li>{t.rich("rowsRead", { strong, count: n(plan.rowCount) })}</li>
        <li data-testid="count-add">
          {t.rich(applied ? "added" : "toAdd", { strong, count: n(adds.length) })}
        </li>
        <li data-testid="count-restate">
          {t.rich(applied ? "restated" : "restating", { strong, count: n(changes.length) })}
        </li>
        <li data-testid="count-unchanged">
          {t.rich("unchanged", { strong, count: n(plan.unchanged.length) })}
        </li>
        <li data-testid="count-rejected" className={plan.rejected.length > 0 ? "change--bad" : ""}>
          {t.rich("problems", { strong, count: n(plan.rejected.length) })}
        </li>
      </ul>

      <ImportRejectedRows rejected={plan.rejected} />

      {unusual.length > 0 ? (
        <ImportPreviewTable
          headingId="unusual-heading"
          testId="unusual-rows"
          heading={applied ? t("unusualHeadingApplied") : t("unusualHeading")}
          note={t("unusualNote")}
          columns={[
            ...figureColumns,
            valueColumn,
            { label: t("yearEarlier"), num: true },
            yoyColumn,
          ]}
          rows={unusual}
          row={(item) => {
            const metric = byKey.get(item.metric);
            return (
              <tr key={item.row} data-testid="unusual-row">
                <FigureCells item={item} metric={metric} />
                <td className="num">{text(metric, item.next)}</td>
                <td className="num">
                  {text(metric, item.base)}{" "}
                  <span className="muted">({quarterLabel(item.baseQuarter, locale)})</span>
                </td>
                <td className="num change--bad" data-testid="unusual-yoy">
                  {formatChangeHeadline(item.change, locale)}
                  {item.unitSlip ? t("tenfold") : ""}
                </td>
              </tr>
            );
          }}
        />
      ) : null}

      {changes.length > 0 ? (
        <ImportPreviewTable
          headingId="restate-heading"
          testId="restated-rows"
          heading={applied ? t("restateHeadingApplied") : t("restateHeading")}
          note={t("restateNote")}
          columns={[
            ...figureColumns,
            { label: t("stored"), num: true },
            { label: t("new"), num: true },
            { label: t("newSource") },
          ]}
          rows={changes}
          row={(write) => {
            const metric = byKey.get(write.metric);
            return (
              <tr key={write.row}>
                <FigureCells item={write} metric={metric} />
                <td className="num">{write.before ? text(metric, write.before) : t("none")}</td>
                <td className="num">{text(metric, write)}</td>
                <td>{write.sourceTitle ?? t("none")}</td>
              </tr>
            );
          }}
        />
      ) : null}

      {adds.length > 0 ? (
        <ImportPreviewTable
          headingId="add-heading"
          testId="added-rows"
          heading={applied ? t("addHeadingApplied") : t("addHeading")}
          columns={[...figureColumns, valueColumn, { label: t("source") }]}
          rows={adds}
          row={(write) => {
            const metric = byKey.get(write.metric);
            return (
              <tr key={write.row}>
                <FigureCells item={write} metric={metric} />
                <td className="num">{text(metric, write)}</td>
                <ImportSourceCell
                  title={write.sourceTitle}
                  url={write.sourceUrl}
                  date={write.sourceDate}
                />
              </tr>
            );
          }}
        />
      ) : null}
    </>
  );
}
