import { formatValue } from "@/lib/domain/format";
import { type QuarterCode, quarterLabel } from "@/lib/domain/quarter";
import type { SavedFigureDTO } from "@/lib/queries/saved-figures";

/** The confirmation after a save: the quarter and every figure stored, as read back. */
export function SavedNotice({
  brandName,
  quarter,
  figures,
}: {
  brandName: string;
  quarter: QuarterCode;
  figures: readonly SavedFigureDTO[];
}) {
  if (figures.length === 0) return null;
  return (
    <section
      className="notice"
      role="status"
      aria-labelledby="saved-title"
      data-testid="saved-notice"
    >
      <h2 id="saved-title">
        Saved {quarterLabel(quarter)} for {brandName}: {figures.length}{" "}
        {figures.length === 1 ? "figure" : "figures"}
      </h2>
      <ul>
        {figures.map((figure) => (
          <li key={figure.metricKey}>
            {figure.label}:{" "}
            {formatValue(figure.value, figure.unit, figure.decimals, figure.qualifier)}
            {figure.restated ? " (restated: the earlier figure is kept as history)" : " (new)"}
          </li>
        ))}
      </ul>
    </section>
  );
}
