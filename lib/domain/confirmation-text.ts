/**
 * A confirmation (restatement or extreme change, see confirmations.ts) as one plain sentence,
 * for answers that have no page to lay it out on: the JSON API's 409. The quarter form says the
 * same with links (components/QuarterForm.tsx).
 */
import type { Confirmation } from "./confirmations";
import { formatChangeHeadline, formatValue } from "./format";
import { quarterLabel } from "./quarter";

export function describeConfirmation(
  item: Confirmation,
  metric: { label: string; unit: string } | undefined,
): string {
  const unit = metric?.unit ?? "";
  const label = metric?.label ?? item.metricKey;
  const next = formatValue(item.next.value, unit, item.next.decimals, item.next.qualifier);
  if (item.kind === "restatement") {
    const { current } = item;
    const source = current.source
      ? ` from "${current.source.title}"${current.source.url ? ` (${current.source.url})` : ""}`
      : "";
    return (
      `${label}, ${quarterLabel(item.quarter)}: restatement. The stored figure is ` +
      `${formatValue(current.value, unit, current.decimals, current.qualifier)}${source}, ` +
      `entered by ${current.createdBy} on ${current.createdAt.slice(0, 10)}. Saving ${next} ` +
      `makes it revision ${current.revision + 1}; the stored figure stays as history.`
    );
  }
  return (
    `${label}, ${quarterLabel(item.quarter)}: ${formatChangeHeadline(item.change)} year over ` +
    `year, ${next} against ${formatValue(item.base.value, unit, item.base.decimals, item.base.qualifier)} ` +
    `in ${quarterLabel(item.baseQuarter)}. ` +
    (item.unitSlip
      ? `That is more than tenfold: check that the value is in ${unit || "the metric's unit"}.`
      : "That is an unusually large change: check it against the source.")
  );
}
