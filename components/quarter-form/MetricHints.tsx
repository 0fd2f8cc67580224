import { fill } from "@/i18n/fill";
import { extremeYoy } from "@/lib/domain/confirmations";
import { formatChangeHeadline, formatValue, unitLabel } from "@/lib/domain/format";
import { change } from "@/lib/domain/kpi";
import type { Locale } from "@/lib/domain/locale";
import { valueRuleFor } from "@/lib/domain/metric-bounds";
import { type QuarterCode, quarterLabel, shiftQuarter } from "@/lib/domain/quarter";
import type { FormMetricView } from "@/lib/domain/quarter-form-view";
import type { Qualifier } from "@/lib/domain/types";
import { plainNumber } from "./field-helpers";

/** The hints' words (messages `MetricHints`), raw templates from the page. */
export interface MetricHintsText {
  readAs: string;
  inUnit: string;
  units: string;
  wholeNumbers: string;
  example: string;
  stored: string;
  yoy: string;
  slip: string;
  large: string;
  end: string;
}

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
  text,
  locale,
}: {
  metric: FormMetricView;
  quarter: QuarterCode | null;
  typed: number | null;
  /** "1050" when "1,050" was typed: said back, so the reading is never a surprise. */
  readAs: string | null;
  qualifier: Qualifier;
  text: MetricHintsText;
  locale: Locale;
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
          {fill(text.readAs, { value: readAs })}
        </span>
      ) : null}
      <span>
        {fill(text.inUnit, {
          // The English unit is followed by its scale in words; the Chinese unit says it itself.
          unit: metric.unit ? unitLabel(metric.unit, locale) : text.units,
          scale: rule.scaleWords,
          whole: rule.whole ? text.wholeNumbers : "",
        })}
        {example
          ? fill(text.example, {
              typed: plainNumber(example.value, example.decimals),
              value: formatValue(example.value, metric.unit, example.decimals, "exact", locale),
              quarter: quarterLabel(example.quarter, locale),
            })
          : null}
      </span>
      {existing && quarter ? (
        <span className="hint--restate">
          {fill(text.stored, {
            quarter: quarterLabel(quarter, locale),
            value: formatValue(
              existing.value,
              metric.unit,
              existing.decimals,
              existing.qualifier,
              locale,
            ),
            source: existing.sourceTitle,
          })}
        </span>
      ) : null}
      {delta && base && baseQuarter ? (
        <span className={extreme ? "hint--extreme" : undefined}>
          {fill(text.yoy, {
            quarter: quarterLabel(baseQuarter, locale),
            value: formatValue(base.value, metric.unit, base.decimals, base.qualifier, locale),
            change: formatChangeHeadline(delta, locale),
          })}
          {extreme ? (extreme.unitSlip ? text.slip : text.large) : text.end}
        </span>
      ) : null}
    </>
  );
}
