import type { ImportPlan } from "@/lib/csv/import-plan";
import { formatChangeHeadline, formatValue } from "@/lib/domain/format";
import { type QuarterCode, quarterLabel } from "@/lib/domain/quarter";
import type { MetricDTO, Qualifier } from "@/lib/domain/types";
import { ImportPreviewTable, ImportSourceCell, type PreviewColumn } from "./ImportPreviewTable";
import { ImportRejectedRows } from "./ImportRejectedRows";

const FIGURE_COLUMNS: readonly PreviewColumn[] = [
  { label: "Row", num: true },
  { label: "Brand" },
  { label: "Metric" },
  { label: "Quarter" },
];
const VALUE: PreviewColumn = { label: "Value", num: true };
const YOY: PreviewColumn = { label: "YoY", num: true };

function figureText(
  metric: MetricDTO | undefined,
  { value, decimals, qualifier }: { value: number | null; decimals: number; qualifier: Qualifier },
): string {
  if (value === null) return "withdrawn (a gap)";
  return metric ? formatValue(value, metric.unit, decimals, qualifier) : String(value);
}

/** The cells that say which figure a row of the file is: its line, brand, metric and quarter. */
function FigureCells({
  item,
  metric,
}: {
  item: { row: number; brand: string; metric: string; quarter: string };
  metric: MetricDTO | undefined;
}) {
  return (
    <>
      <td className="num">{item.row}</td>
      <td>{item.brand}</td>
      <td>{metric?.label ?? item.metric}</td>
      <td>{quarterLabel(item.quarter as QuarterCode)}</td>
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
  const byKey = new Map(metrics.map((metric) => [metric.key, metric]));
  const adds = plan.writes.filter((write) => write.kind === "add");
  const changes = plan.writes.filter((write) => write.kind !== "add");
  const unusual = plan.unusual ?? [];
  return (
    <>
      <ul className="import-counts" data-testid="import-counts">
        <li>
          <strong>{plan.rowCount.toLocaleString("en-US")}</strong> rows read
        </li>
        <li data-testid="count-add">
          <strong>{adds.length.toLocaleString("en-US")}</strong> {applied ? "added" : "to add"}
        </li>
        <li data-testid="count-restate">
          <strong>{changes.length.toLocaleString("en-US")}</strong>{" "}
          {applied ? "restated a stored figure" : "restating a stored figure"}
        </li>
        <li data-testid="count-unchanged">
          <strong>{plan.unchanged.length.toLocaleString("en-US")}</strong> unchanged (skipped)
        </li>
        <li data-testid="count-rejected" className={plan.rejected.length > 0 ? "change--bad" : ""}>
          <strong>{plan.rejected.length.toLocaleString("en-US")}</strong> problems
        </li>
      </ul>

      <ImportRejectedRows rejected={plan.rejected} />

      {unusual.length > 0 ? (
        <ImportPreviewTable
          headingId="unusual-heading"
          testId="unusual-rows"
          heading={applied ? "Unusual changes (confirmed as checked)" : "Unusual changes to check"}
          note="The change against the same quarter a year earlier is as large as the quarter form asks to confirm: more often a typo or a wrong unit than news. Check each against its source."
          columns={[...FIGURE_COLUMNS, VALUE, { label: "Year earlier", num: true }, YOY]}
          rows={unusual}
          row={(item) => {
            const metric = byKey.get(item.metric);
            return (
              <tr key={item.row} data-testid="unusual-row">
                <FigureCells item={item} metric={metric} />
                <td className="num">{figureText(metric, item.next)}</td>
                <td className="num">
                  {figureText(metric, item.base)}{" "}
                  <span className="muted">({quarterLabel(item.baseQuarter)})</span>
                </td>
                <td className="num change--bad" data-testid="unusual-yoy">
                  {formatChangeHeadline(item.change)}
                  {item.unitSlip ? " (tenfold: check the unit)" : ""}
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
          heading={applied ? "Restated (old → new)" : "Restatements (old → new)"}
          note="Each becomes a new revision; the stored figure stays visible as history."
          columns={[
            ...FIGURE_COLUMNS,
            { label: "Stored", num: true },
            { label: "New", num: true },
            { label: "New source" },
          ]}
          rows={changes}
          row={(write) => {
            const metric = byKey.get(write.metric);
            return (
              <tr key={write.row}>
                <FigureCells item={write} metric={metric} />
                <td className="num">{write.before ? figureText(metric, write.before) : "none"}</td>
                <td className="num">{figureText(metric, write)}</td>
                <td>{write.sourceTitle ?? "none"}</td>
              </tr>
            );
          }}
        />
      ) : null}

      {adds.length > 0 ? (
        <ImportPreviewTable
          headingId="add-heading"
          testId="added-rows"
          heading={applied ? "Figures added" : "Figures to add"}
          columns={[...FIGURE_COLUMNS, VALUE, { label: "Source" }]}
          rows={adds}
          row={(write) => {
            const metric = byKey.get(write.metric);
            return (
              <tr key={write.row}>
                <FigureCells item={write} metric={metric} />
                <td className="num">{figureText(metric, write)}</td>
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
