import type { Confirmation } from "@/lib/domain/confirmations";
import { formatChangeHeadline, formatValue } from "@/lib/domain/format";
import { quarterLabel } from "@/lib/domain/quarter";
import type { FormMetricView } from "@/lib/domain/quarter-form-view";
import { SourceCitation } from "../SourceCitation";

/** One item of the quarter form's confirmation panel, with the stored figure's source linked. */
export function ConfirmationText({
  item,
  metric,
}: {
  item: Confirmation;
  metric: FormMetricView | undefined;
}) {
  const unit = metric?.unit ?? "";
  const label = metric?.label ?? item.metricKey;
  const next = formatValue(item.next.value, unit, item.next.decimals, item.next.qualifier);
  if (item.kind === "restatement") {
    const current = item.current;
    return (
      <>
        <strong>
          {label}, {quarterLabel(item.quarter)}: restatement.
        </strong>{" "}
        The stored figure is {formatValue(current.value, unit, current.decimals, current.qualifier)}
        {current.source ? (
          <>
            {" "}
            from {/* A client component, still in English like the rest of the form's panel. */}
            <SourceCitation
              source={current.source}
              prefix=""
              noAddress=" (document without a web address)"
            />
          </>
        ) : null}
        , entered by {current.createdBy} on {current.createdAt.slice(0, 10)}. Saving {next} makes it
        revision {current.revision + 1}; the stored figure stays visible as history.
      </>
    );
  }
  return (
    <>
      <strong>
        {label}, {quarterLabel(item.quarter)}: {formatChangeHeadline(item.change)} year over year.
      </strong>{" "}
      {next} against {formatValue(item.base.value, unit, item.base.decimals, item.base.qualifier)}{" "}
      in {quarterLabel(item.baseQuarter)}.{" "}
      {item.unitSlip
        ? `That is more than tenfold: check that the value is in ${unit || "the metric's unit"}.`
        : "That is an unusually large change: check it against the source."}
    </>
  );
}
