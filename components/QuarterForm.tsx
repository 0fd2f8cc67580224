"use client";

import { type FormEvent, useActionState, useEffect, useMemo, useRef, useState } from "react";
import { fill } from "@/i18n/fill";
import { addQuarter } from "@/lib/actions/add-quarter";
import type { Locale } from "@/lib/domain/locale";
import { parseQuarter, type QuarterCode, quarterLabel } from "@/lib/domain/quarter";
import type { FormMetricView } from "@/lib/domain/quarter-form-view";
import {
  CONFIRM_FIELD,
  createQuarterInputSchema,
  INITIAL_QUARTER_FORM_STATE,
  QUARTER_FIELDS,
  type QuarterErrorWords,
  type QuarterFormValues,
  qualifierField,
  quarterFieldErrors,
  quarterFormValues,
  VALUES_FIELD,
} from "@/lib/domain/quarter-input";
import type { ConfirmPanelText } from "./quarter-form/ConfirmationText";
import { ConfirmPanel } from "./quarter-form/ConfirmPanel";
import { describedBy, errorId, selectedQuarter } from "./quarter-form/field-helpers";
import type { FieldKit } from "./quarter-form/field-kit";
import { MetricRows, type MetricRowsText } from "./quarter-form/MetricRows";
import { SourceFields, type SourceFieldsText } from "./quarter-form/SourceFields";

/**
 * The form's own words in the reader's language, from the page (no catalog in the browser);
 * `summaryOne`, `summaryOther`, `figuresFor` and `saveQuarter` are templates with {count} and
 * {quarter}, which only the browser knows as the editor types.
 */
export interface QuarterFormText {
  summaryOne: string;
  summaryOther: string;
  quarterLegend: string;
  fiscalYear: string;
  quarter: string;
  /** Which quarter is offered and why, and the range allowed. */
  quarterHint: string;
  figures: string;
  figuresFor: string;
  figuresHint: string;
  note: string;
  noteHint: string;
  saving: string;
  confirmSave: string;
  saveQuarter: string;
  saveGeneric: string;
  savingFigures: string;
  /** The parts' words: the metric rows and their hints, the source, the confirmation panel. */
  rows: MetricRowsText;
  source: SourceFieldsText;
  confirm: ConfirmPanelText;
  /** The field errors' words, so the browser's check speaks as the server's does. */
  errors: QuarterErrorWords;
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
  locale = "en",
  text,
}: {
  brand: { slug: string; name: string };
  metrics: FormMetricView[];
  defaultQuarter: QuarterCode;
  /** The server's clock (ISO), so the browser's check of "not in the future" agrees with it. */
  now: string;
  locale?: Locale;
  text: QuarterFormText;
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
    return result.success ? {} : quarterFieldErrors(result.error, metrics, text.errors);
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
  const field: FieldKit["field"] = (name) => ({
    id: name,
    name,
    defaultValue: values[name] ?? "",
    "aria-invalid": errors[name] ? true : undefined,
  });
  const errorText: FieldKit["errorText"] = (name) =>
    errors[name] ? (
      <p id={errorId(name)} className="field-error">
        {errors[name]}
      </p>
    ) : null;
  const summaryMessage =
    errorEntries.length > 0
      ? fill(errorEntries.length === 1 ? text.summaryOne : text.summaryOther, {
          count: errorEntries.length,
        })
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
        <legend>{text.quarterLegend}</legend>
        <div className="quarter-pick">
          <div className="field">
            <label htmlFor={QUARTER_FIELDS.year}>{text.fiscalYear}</label>
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
            <label htmlFor={QUARTER_FIELDS.quarter}>{text.quarter}</label>
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
          {text.quarterHint}
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
        <legend>
          {quarter
            ? fill(text.figuresFor, { quarter: quarterLabel(quarter, locale) })
            : text.figures}
        </legend>
        <p className="field-hint" id="figures-hint">
          {text.figuresHint}
        </p>
        {errorText(VALUES_FIELD)}
        <MetricRows
          metrics={metrics}
          quarter={quarter}
          live={live}
          field={field}
          errorText={errorText}
          errors={errors}
          text={text.rows}
          locale={locale}
        />
      </fieldset>

      <SourceFields field={field} errorText={errorText} errors={errors} text={text.source} />

      <div className="field">
        <label htmlFor={QUARTER_FIELDS.note}>{text.note}</label>
        <textarea
          {...field(QUARTER_FIELDS.note)}
          rows={3}
          aria-describedby={describedBy(
            "note-hint",
            errors[QUARTER_FIELDS.note] && errorId(QUARTER_FIELDS.note),
          )}
        />
        <p className="field-hint" id="note-hint">
          {text.noteHint}
        </p>
        {errorText(QUARTER_FIELDS.note)}
      </div>

      {state.status === "confirm" && state.confirmations.length > 0 ? (
        <ConfirmPanel
          panelRef={confirmRef}
          message={state.message}
          confirmations={state.confirmations}
          metricByKey={metricByKey}
          errorText={errorText}
          errors={errors}
          text={text.confirm}
          locale={locale}
        />
      ) : null}

      <div className="form-actions">
        <button type="submit" disabled={pending} aria-disabled={pending}>
          {pending
            ? text.saving
            : state.status === "confirm"
              ? text.confirmSave
              : quarter
                ? fill(text.saveQuarter, { quarter: quarterLabel(quarter, locale) })
                : text.saveGeneric}
        </button>
        <p className="field-hint" aria-live="polite">
          {pending ? text.savingFigures : ""}
        </p>
      </div>
    </form>
  );
}
