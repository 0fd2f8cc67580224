"use client";

import { type FormEvent, useActionState, useEffect, useMemo, useRef, useState } from "react";
import { addQuarter } from "@/lib/actions/add-quarter";
import { type Confirmation, extremeYoy } from "@/lib/domain/confirmations";
import { decimalLiteralProblem } from "@/lib/domain/fields";
import { formatChangeHeadline, formatValue, splitUnit } from "@/lib/domain/format";
import { change } from "@/lib/domain/kpi";
import { valueRuleFor } from "@/lib/domain/metric-bounds";
import {
  isQuarterCode,
  MIN_YEAR,
  parseQuarter,
  type QuarterCode,
  quarterLabel,
  shiftQuarter,
} from "@/lib/domain/quarter";
import type { FormMetricView } from "@/lib/domain/quarter-form-view";
import {
  CONFIRM_FIELD,
  CONFIRM_TOKEN_FIELD,
  createQuarterInputSchema,
  INITIAL_QUARTER_FORM_STATE,
  NOTE_MAX,
  QUARTER_FIELDS,
  type QuarterFormValues,
  qualifierField,
  quarterFieldErrors,
  quarterFormValues,
  SOURCE_TITLE_MAX,
  VALUES_FIELD,
  valueField,
} from "@/lib/domain/quarter-input";
import type { Qualifier } from "@/lib/domain/types";
import { SourceLink } from "./SourceLink";

const QUALIFIER_OPTIONS: { value: Qualifier; label: string }[] = [
  { value: "exact", label: "exact" },
  { value: "approximate", label: "about (approximate)" },
  { value: "at_least", label: "at least (over)" },
];

function errorId(field: string): string {
  return `${field}-error`;
}

function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const list = ids.filter((id): id is string => typeof id === "string" && id !== "");
  return list.length > 0 ? list.join(" ") : undefined;
}

/** The quarter the year and quarter inputs name, when they name one. */
function selectedQuarter(values: QuarterFormValues): QuarterCode | null {
  const code = `${values[QUARTER_FIELDS.year]?.trim()}Q${values[QUARTER_FIELDS.quarter]?.trim().replace(/^q/i, "")}`;
  return isQuarterCode(code) ? code : null;
}

function typedNumber(text: string | undefined): number | null {
  const trimmed = text?.trim() ?? "";
  if (trimmed === "" || decimalLiteralProblem(trimmed) !== null) return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

function plainNumber(value: number, decimals: number): string {
  return value.toFixed(Math.min(Math.max(decimals, 0), 20));
}

function MetricHints({
  metric,
  quarter,
  typed,
  qualifier,
}: {
  metric: FormMetricView;
  quarter: QuarterCode | null;
  typed: number | null;
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

function ConfirmationText({
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
            from <SourceLink source={current.source} prefix="" />
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

/**
 * The "add a quarter" form. A plain form post to a server action, so it works without
 * JavaScript; with it, the same schema checks the fields before posting and the hints follow
 * what is typed. Errors are listed in a summary (announced, with links to the fields) and next
 * to each field; what was typed is kept.
 */
export function QuarterForm({
  brand,
  metrics,
  defaultQuarter,
  now,
}: {
  brand: { slug: string; name: string };
  metrics: FormMetricView[];
  defaultQuarter: QuarterCode;
  /** The server's clock (ISO), so the browser's check of "not in the future" agrees with it. */
  now: string;
}) {
  const [state, formAction, pending] = useActionState(addQuarter, INITIAL_QUARTER_FORM_STATE);
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const confirmRef = useRef<HTMLElement>(null);
  const schema = useMemo(() => createQuarterInputSchema(metrics, new Date(now)), [metrics, now]);
  const metricByKey = useMemo(() => new Map(metrics.map((m) => [m.key, m])), [metrics]);

  const defaults = useMemo(() => {
    const { year, quarter } = parseQuarter(defaultQuarter);
    const values: QuarterFormValues = {
      [QUARTER_FIELDS.brand]: brand.slug,
      [QUARTER_FIELDS.year]: String(year),
      [QUARTER_FIELDS.quarter]: String(quarter),
    };
    for (const metric of metrics) values[qualifierField(metric.key)] = "exact";
    return values;
  }, [brand.slug, defaultQuarter, metrics]);
  const values = state.status === "idle" ? defaults : state.values;

  const [live, setLive] = useState<QuarterFormValues>(values);
  const [clientErrors, setClientErrors] = useState<Record<string, string> | null>(null);
  const errors = clientErrors ?? state.fieldErrors;
  const errorEntries = Object.entries(errors).filter(([field]) => field !== CONFIRM_FIELD);

  useEffect(() => {
    if (formRef.current) setLive(quarterFormValues(new FormData(formRef.current), metrics));
    setClientErrors(null);
    if (state.status === "confirm") confirmRef.current?.focus();
    else if (state.status !== "idle") summaryRef.current?.focus();
  }, [state, metrics]);

  function check(form: HTMLFormElement): Record<string, string> {
    const result = schema.safeParse(quarterFormValues(new FormData(form), metrics));
    return result.success ? {} : quarterFieldErrors(result.error, metrics);
  }

  function onChange(event: FormEvent<HTMLFormElement>) {
    const form = event.currentTarget;
    setLive(quarterFormValues(new FormData(form), metrics));
    if (clientErrors !== null || Object.keys(state.fieldErrors).length > 0) {
      setClientErrors(check(form));
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const found = check(event.currentTarget);
    if (Object.keys(found).length > 0) {
      event.preventDefault();
      setClientErrors(found);
      requestAnimationFrame(() => summaryRef.current?.focus());
    } else {
      setClientErrors(null);
    }
  }

  const quarter = selectedQuarter(live);
  const field = (name: string) => ({
    id: name,
    name,
    defaultValue: values[name] ?? "",
    "aria-invalid": errors[name] ? true : undefined,
  });
  const errorText = (name: string) =>
    errors[name] ? (
      <p id={errorId(name)} className="field-error">
        {errors[name]}
      </p>
    ) : null;
  const summaryMessage =
    errorEntries.length > 0
      ? `Nothing was saved: ${errorEntries.length} ${errorEntries.length === 1 ? "field needs" : "fields need"} correcting.`
      : state.status === "conflict"
        ? state.message
        : null;

  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={onSubmit}
      onChange={onChange}
      className="quarter-form"
      noValidate
      aria-describedby={summaryMessage ? "error-summary-title" : undefined}
    >
      <input type="hidden" name={QUARTER_FIELDS.brand} value={brand.slug} />
      <div ref={summaryRef} tabIndex={-1} className="summary-slot">
        {summaryMessage ? (
          <div className="error-summary" role="alert" aria-labelledby="error-summary-title">
            <h2 id="error-summary-title">{summaryMessage}</h2>
            {errorEntries.length > 0 ? (
              <ul>
                {errorEntries.map(([name, message]) => (
                  <li key={name}>
                    <a href={`#${name === VALUES_FIELD ? "figures" : name}`}>{message}</a>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>

      <fieldset className="form-section">
        <legend>Quarter</legend>
        <div className="quarter-pick">
          <div className="field">
            <label htmlFor={QUARTER_FIELDS.year}>Fiscal year</label>
            <input
              {...field(QUARTER_FIELDS.year)}
              inputMode="numeric"
              autoComplete="off"
              maxLength={4}
              size={6}
              aria-describedby={describedBy(
                "quarter-hint",
                errors[QUARTER_FIELDS.year] && errorId(QUARTER_FIELDS.year),
              )}
            />
          </div>
          <div className="field">
            <label htmlFor={QUARTER_FIELDS.quarter}>Quarter</label>
            <select
              {...field(QUARTER_FIELDS.quarter)}
              aria-describedby={describedBy(
                "quarter-hint",
                errors[QUARTER_FIELDS.quarter] && errorId(QUARTER_FIELDS.quarter),
              )}
            >
              {[1, 2, 3, 4].map((number) => (
                <option key={number} value={String(number)}>
                  Q{number}
                </option>
              ))}
            </select>
          </div>
        </div>
        <p className="field-hint" id="quarter-hint">
          Offered: {quarterLabel(defaultQuarter)}, the quarter after the latest one stored for{" "}
          {brand.name}. From {MIN_YEAR} up to the current quarter.
        </p>
        {errorText(QUARTER_FIELDS.year)}
        {errorText(QUARTER_FIELDS.quarter)}
        {errorText(QUARTER_FIELDS.brand)}
      </fieldset>

      <fieldset
        className="form-section"
        id="figures"
        tabIndex={-1}
        aria-describedby={describedBy(
          "figures-hint",
          errors[VALUES_FIELD] && errorId(VALUES_FIELD),
        )}
      >
        <legend>Figures{quarter ? ` for ${quarterLabel(quarter)}` : ""}</legend>
        <p className="field-hint" id="figures-hint">
          Type each figure in the unit shown beside it, with a point for decimals and no thousands
          separators (1234.5). Leave a metric empty when the source does not report it. Choose
          "about" or "at least" when the source says "about" or "over".
        </p>
        {errorText(VALUES_FIELD)}
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
                    typed={typedNumber(live[name])}
                    qualifier={(live[qualifierName] as Qualifier | undefined) ?? "exact"}
                  />
                </p>
                {errorText(name)}
                {errorText(qualifierName)}
              </div>
            );
          })}
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>Source</legend>
        <div className="field">
          <label htmlFor={QUARTER_FIELDS.sourceTitle}>Title (required)</label>
          <input
            {...field(QUARTER_FIELDS.sourceTitle)}
            maxLength={SOURCE_TITLE_MAX + 50}
            aria-describedby={describedBy(
              "source-title-hint",
              errors[QUARTER_FIELDS.sourceTitle] && errorId(QUARTER_FIELDS.sourceTitle),
            )}
          />
          <p className="field-hint" id="source-title-hint">
            The report or article the figures come from, e.g. "Xiaomi Q4 2025 results announcement".
          </p>
          {errorText(QUARTER_FIELDS.sourceTitle)}
        </div>
        <div className="field">
          <label htmlFor={QUARTER_FIELDS.sourceUrl}>Web address (when it has one)</label>
          <input
            {...field(QUARTER_FIELDS.sourceUrl)}
            type="url"
            inputMode="url"
            placeholder="https://"
            aria-describedby={describedBy(
              errors[QUARTER_FIELDS.sourceUrl] && errorId(QUARTER_FIELDS.sourceUrl),
            )}
          />
          {errorText(QUARTER_FIELDS.sourceUrl)}
        </div>
        <div className="field">
          <label htmlFor={QUARTER_FIELDS.sourcePublishedOn}>Publication date (when known)</label>
          <input
            {...field(QUARTER_FIELDS.sourcePublishedOn)}
            placeholder="YYYY-MM-DD"
            autoComplete="off"
            size={12}
            aria-describedby={describedBy(
              "published-hint",
              errors[QUARTER_FIELDS.sourcePublishedOn] && errorId(QUARTER_FIELDS.sourcePublishedOn),
            )}
          />
          <p className="field-hint" id="published-hint">
            YYYY-MM-DD, or YYYY-MM when the source gives only the month.
          </p>
          {errorText(QUARTER_FIELDS.sourcePublishedOn)}
        </div>
      </fieldset>

      <div className="field">
        <label htmlFor={QUARTER_FIELDS.note}>Note (optional)</label>
        <textarea
          {...field(QUARTER_FIELDS.note)}
          rows={3}
          aria-describedby={describedBy(
            "note-hint",
            errors[QUARTER_FIELDS.note] && errorId(QUARTER_FIELDS.note),
          )}
        />
        <p className="field-hint" id="note-hint">
          Kept with every figure of this save, e.g. why a figure is restated. At most {NOTE_MAX}{" "}
          characters.
        </p>
        {errorText(QUARTER_FIELDS.note)}
      </div>

      {state.status === "confirm" && state.confirmations.length > 0 ? (
        <section
          ref={confirmRef}
          tabIndex={-1}
          className="confirm-panel"
          role="alert"
          aria-labelledby="confirm-title"
        >
          <h2 id="confirm-title">Please confirm before saving</h2>
          <p>{state.message}</p>
          <ul>
            {state.confirmations.map((item) => (
              <li key={item.token} data-kind={item.kind}>
                <ConfirmationText item={item} metric={metricByKey.get(item.metricKey)} />
              </li>
            ))}
          </ul>
          {state.confirmations.map((item) => (
            <input key={item.token} type="hidden" name={CONFIRM_TOKEN_FIELD} value={item.token} />
          ))}
          <div className="checkbox-field">
            <input
              type="checkbox"
              id={CONFIRM_FIELD}
              name={CONFIRM_FIELD}
              value="yes"
              required
              aria-invalid={errors[CONFIRM_FIELD] ? true : undefined}
              aria-describedby={describedBy(errors[CONFIRM_FIELD] && errorId(CONFIRM_FIELD))}
            />
            <label htmlFor={CONFIRM_FIELD}>
              I have checked these figures against the source: save them. Earlier figures stay
              visible as history.
            </label>
          </div>
          {errorText(CONFIRM_FIELD)}
        </section>
      ) : null}

      <div className="form-actions">
        <button type="submit" disabled={pending} aria-disabled={pending}>
          {pending
            ? "Saving…"
            : state.status === "confirm"
              ? "Confirm and save"
              : `Save ${quarter ? quarterLabel(quarter) : "quarter"}`}
        </button>
        <p className="field-hint" aria-live="polite">
          {pending ? "Saving the figures…" : ""}
        </p>
      </div>
    </form>
  );
}
