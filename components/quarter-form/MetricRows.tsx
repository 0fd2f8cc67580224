import { fill } from "@/i18n/fill";
import { splitUnit, unitLabel } from "@/lib/domain/format";
import type { Locale } from "@/lib/domain/locale";
import type { QuarterCode } from "@/lib/domain/quarter";
import type { FormMetricView } from "@/lib/domain/quarter-form-view";
import { type QuarterFormValues, qualifierField, valueField } from "@/lib/domain/quarter-input";
import type { Qualifier } from "@/lib/domain/types";
import { describedBy, errorId, typedNumber } from "./field-helpers";
import type { FieldKit } from "./field-kit";
import { MetricHints, type MetricHintsText } from "./MetricHints";
import { QUALIFIER_OPTIONS } from "./qualifier-options";

/** The rows' words: the qualifier select's label template and options, and the hints'. */
export interface MetricRowsText {
  qualifierLabel: string;
  qualifiers: Record<Qualifier, string>;
  hints: MetricHintsText;
}

/** One row per metric of the brand: the value with its unit, the qualifier, live hints. */
export function MetricRows({
  metrics,
  quarter,
  live,
  field,
  errorText,
  errors,
  text,
  locale,
}: FieldKit & {
  metrics: FormMetricView[];
  quarter: QuarterCode | null;
  live: QuarterFormValues;
  text: MetricRowsText;
  locale: Locale;
}) {
  return (
    <div className="metric-rows">
      {metrics.map((metric) => {
        const name = valueField(metric.key);
        const qualifierName = qualifierField(metric.key);
        // Chinese says the whole unit after the number (十亿元), as its hint and values do.
        const { prefix, suffix } =
          locale === "zh"
            ? { prefix: "", suffix: unitLabel(metric.unit, locale) }
            : splitUnit(metric.unit);
        const hintId = `${name}-hint`;
        return (
          <div className="metric-row" key={metric.key} data-testid={`metric-row-${metric.key}`}>
            <label htmlFor={name} className="metric-row__label">
              {metric.label}
            </label>
            <div className="metric-row__inputs">
              <span className="affix-input">
                {prefix ? <span className="affix">{prefix.trim()}</span> : null}
                <input
                  {...field(name)}
                  inputMode="decimal"
                  autoComplete="off"
                  spellCheck={false}
                  aria-describedby={describedBy(hintId, errors[name] && errorId(name))}
                />
                {suffix ? <span className="affix">{suffix.trim()}</span> : null}
              </span>
              <label className="visually-hidden" htmlFor={qualifierName}>
                {fill(text.qualifierLabel, { metric: metric.label })}
              </label>
              <select
                {...field(qualifierName)}
                aria-describedby={describedBy(errors[qualifierName] && errorId(qualifierName))}
              >
                {QUALIFIER_OPTIONS.map((value) => (
                  <option key={value} value={value}>
                    {text.qualifiers[value]}
                  </option>
                ))}
              </select>
            </div>
            <p className="field-hint metric-row__hint" id={hintId}>
              <MetricHints
                metric={metric}
                quarter={quarter}
                typed={typedNumber(live[name])?.value ?? null}
                readAs={typedNumber(live[name])?.readAs ?? null}
                qualifier={(live[qualifierName] as Qualifier | undefined) ?? "exact"}
                text={text.hints}
                locale={locale}
              />
            </p>
            {errorText(name)}
            {errorText(qualifierName)}
          </div>
        );
      })}
    </div>
  );
}
