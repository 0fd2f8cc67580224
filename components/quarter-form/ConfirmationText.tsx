import { fill } from "@/i18n/fill";
import type { Confirmation, FigureValue } from "@/lib/domain/confirmations";
import { formatChangeHeadline, formatValue, unitLabel } from "@/lib/domain/format";
import type { Locale } from "@/lib/domain/locale";
import { quarterLabel } from "@/lib/domain/quarter";
import type { FormMetricView } from "@/lib/domain/quarter-form-view";
import { SourceCitation } from "../SourceCitation";

/**
 * The confirmation panel's words (messages `ConfirmPanel`), handed down by the page as raw
 * templates: the form is a client component and fills them itself.
 */
export interface ConfirmPanelText {
  title: string;
  tick: string;
  restatementHead: string;
  storedIs: string;
  from: string;
  noAddress: string;
  enteredBy: string;
  extremeHead: string;
  extremeBody: string;
  unitSlip: string;
  metricUnit: string;
  unusual: string;
}

/** One item of the quarter form's confirmation panel, with the stored figure's source linked. */
export function ConfirmationText({
  item,
  metric,
  text,
  locale,
}: {
  item: Confirmation;
  metric: FormMetricView | undefined;
  text: ConfirmPanelText;
  locale: Locale;
}) {
  const unit = metric?.unit ?? "";
  const label = metric?.label ?? item.metricKey;
  const value = (figure: FigureValue) =>
    formatValue(figure.value, unit, figure.decimals, figure.qualifier, locale);
  const next = value(item.next);
  if (item.kind === "restatement") {
    const current = item.current;
    return (
      <>
        <strong>
          {fill(text.restatementHead, { label, quarter: quarterLabel(item.quarter, locale) })}
        </strong>
        {fill(text.storedIs, { value: value(current) })}
        {current.source ? (
          <>
            {text.from}
            <SourceCitation source={current.source} prefix="" noAddress={text.noAddress} />
          </>
        ) : null}
        {fill(text.enteredBy, {
          name: current.createdBy,
          date: current.createdAt.slice(0, 10),
          next,
          revision: current.revision + 1,
        })}
      </>
    );
  }
  return (
    <>
      <strong>
        {fill(text.extremeHead, {
          label,
          quarter: quarterLabel(item.quarter, locale),
          change: formatChangeHeadline(item.change, locale),
        })}
      </strong>
      {fill(text.extremeBody, {
        next,
        base: value(item.base),
        baseQuarter: quarterLabel(item.baseQuarter, locale),
      })}
      {item.unitSlip
        ? fill(text.unitSlip, { unit: unit ? unitLabel(unit, locale) : text.metricUnit })
        : text.unusual}
    </>
  );
}
