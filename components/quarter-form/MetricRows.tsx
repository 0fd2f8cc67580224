import { splitUnit } from "@/lib/domain/format";
import type { QuarterCode } from "@/lib/domain/quarter";
import type { FormMetricView } from "@/lib/domain/quarter-form-view";
import { type QuarterFormValues, qualifierField, valueField } from "@/lib/domain/quarter-input";
import type { Qualifier } from "@/lib/domain/types";
import { describedBy, errorId, typedNumber } from "./field-helpers";
import type { FieldKit } from "./field-kit";
import { MetricHints } from "./MetricHints";
import { QUALIFIER_OPTIONS } from "./qualifier-options";

/** One row per metric of the brand: the value with its unit, the qualifier, live hints. */
export function MetricRows({
  metrics,
  quarter,
  live,
  field,
  errorText,
  errors,
}: FieldKit & {
  metrics: FormMetricView[];
  quarter: QuarterCode | null;
  live: QuarterFormValues;
}) {
  return (
    <div className="metric-rows">
      {metrics.map((metric) => {
        const name = valueField(metric.key);
        const qualifierName = qualifierField(metric.key);
        const { prefix, suffix } = splitUnit(metric.unit);
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
                How the source states {metric.label}
              </label>
              <select
                {...field(qualifierName)}
                aria-describedby={describedBy(errors[qualifierName] && errorId(qualifierName))}
              >
                {QUALIFIER_OPTIONS.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
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
