import { extremeYoy } from "@/lib/domain/confirmations";
import { formatChangeHeadline, formatValue } from "@/lib/domain/format";
import { change } from "@/lib/domain/kpi";
import { valueRuleFor } from "@/lib/domain/metric-bounds";
import { type QuarterCode, quarterLabel, shiftQuarter } from "@/lib/domain/quarter";
import type { FormMetricView } from "@/lib/domain/quarter-form-view";
import type { Qualifier } from "@/lib/domain/types";
import { plainNumber } from "./field-helpers";

/**
 * What a metric's row says as the analyst types: the unit and scale with the latest stored
 * figure as an example, the figure a value would restate, and the YoY against the year-ago
 * quarter (flagged when it will ask for confirmation).
 */
export function MetricHints({
  metric,
  quarter,
  typed,
  readAs,
  qualifier,
}: {
  metric: FormMetricView;
  quarter: QuarterCode | null;
  typed: number | null;
  /** "1050" when "1,050" was typed: said back, so the reading is never a surprise. */
  readAs: string | null;
  qualifier: Qualifier;
}) {
  const rule = valueRuleFor(metric);
  const example = metric.latest;
  const existing = quarter ? metric.stored[quarter] : undefined;
  const baseQuarter = quarter ? shiftQuarter(quarter, -4) : null;
  const base = baseQuarter ? metric.stored[baseQuarter] : undefined;
  const delta =
    typed !== null && base && quarter && baseQuarter
      ? change(
          metric.kind,
          { quarter: baseQuarter, value: base.value, qualifier: base.qualifier },
          { quarter, value: typed, qualifier },
        )
      : null;
  const extreme =
    typed !== null && base && quarter && baseQuarter
      ? extremeYoy(
          metric.kind,
          { quarter: baseQuarter, value: base.value, qualifier: base.qualifier },
          { quarter, value: typed, qualifier },
        )
      : null;
  return (
    <>
      {readAs !== null ? (
        <span className="hint--reading" data-testid="value-reading">
          Read as {readAs}.{" "}
        </span>
      ) : null}
      <span>
        In {metric.unit || "units"} ({rule.scaleWords}
        {rule.whole ? ", whole numbers" : ""}).
        {example ? (
          <>
            {" "}
            Type {plainNumber(example.value, example.decimals)} for{" "}
            {formatValue(example.value, metric.unit, example.decimals)} (the latest stored,{" "}
            {quarterLabel(example.quarter)}).
          </>
        ) : null}
      </span>
      {existing && quarter ? (
        <span className="hint--restate">
          {" "}
          Stored for {quarterLabel(quarter)}:{" "}
          {formatValue(existing.value, metric.unit, existing.decimals, existing.qualifier)} (
          {existing.sourceTitle}). A value here restates it.
        </span>
      ) : null}
      {delta && base && baseQuarter ? (
        <span className={extreme ? "hint--extreme" : undefined}>
          {" "}
          YoY against {quarterLabel(baseQuarter)} (
          {formatValue(base.value, metric.unit, base.decimals, base.qualifier)}):{" "}
          {formatChangeHeadline(delta)}
          {extreme
            ? extreme.unitSlip
              ? ": more than tenfold, check the unit. You will be asked to confirm."
              : ": unusually large. You will be asked to confirm."
            : "."}
        </span>
      ) : null}
    </>
  );
}
