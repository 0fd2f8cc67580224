"use client";

import { useActionState } from "react";
import { restateFigure } from "@/lib/actions/restate-figure";
import { type ConfirmationWords, describeConfirmation } from "@/lib/domain/confirmation-text";
import type { Locale } from "@/lib/domain/locale";
import {
  QUOTE_MAX,
  RESTATE_TOKEN_FIELD,
  type RestateField,
  type RestateFormState,
  type RestateFormValues,
} from "@/lib/domain/restate-input";
import type { Qualifier } from "@/lib/domain/types";

/**
 * Restates one figure on one page: the stored value, qualifier and whole source are the
 * defaults, so a typo fix is one change, one tick and one click. A plain form post to a server
 * action, so it works without JavaScript.
 */
export function RestateForm({
  hidden,
  defaults,
  metric,
  returnTo,
  text,
  locale = "en",
}: {
  /** brand, metric, quarter and the revision shown, sent back to refuse a stale restatement. */
  hidden: { brand: string; metric: string; quarter: string; revision: number };
  defaults: RestateFormValues;
  metric: { label: string; unit: string };
  returnTo: string;
  /** The form's words in the reader's language, from the page (no catalog in the browser). */
  text: {
    figure: string;
    /** The value's label: "Total revenue (RMB bn)". */
    value: string;
    qualifier: string;
    qualifiers: { value: Qualifier; label: string }[];
    source: string;
    sourceTitle: string;
    sourceUrl: string;
    sourcePublishedOn: string;
    dateHint: string;
    quote: string;
    note: string;
    confirmTitle: string;
    /** "Restate Total revenue, Q3 2025: I have checked it against the source. …" */
    confirm: string;
    saving: string;
    submit: string;
    /** The confirmation sentences' templates (messages `ConfirmationSentence`). */
    confirmation: ConfirmationWords;
  };
  locale?: Locale;
}) {
  const initial: RestateFormState = {
    status: "idle",
    message: null,
    fieldErrors: {},
    values: defaults,
    confirmations: [],
  };
  const [state, formAction, pending] = useActionState(restateFigure, initial);
  const values = state.values;
  const error = (name: RestateField) =>
    state.fieldErrors[name] ? (
      <p id={`${name}-error`} className="field-error">
        {state.fieldErrors[name]}
      </p>
    ) : null;
  const described = (name: RestateField, hint?: string) =>
    [hint, state.fieldErrors[name] ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
  const input = (name: RestateField) => ({
    id: name,
    name,
    defaultValue: values[name] ?? "",
    "aria-invalid": state.fieldErrors[name] ? true : undefined,
  });

  return (
    <form action={formAction} className="stack-form quarter-form" noValidate>
      <input type="hidden" name="brand" value={hidden.brand} />
      <input type="hidden" name="metric" value={hidden.metric} />
      <input type="hidden" name="quarter" value={hidden.quarter} />
      <input type="hidden" name="revision" value={String(hidden.revision)} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <div aria-live="assertive" className="form-message">
        {state.message ? (
          <p className="field-error" role="alert" data-testid="restate-message">
            {state.message}
          </p>
        ) : null}
      </div>

      <fieldset className="form-section">
        <legend>{text.figure}</legend>
        <div className="field">
          <label htmlFor="value">{text.value}</label>
          <input
            {...input("value")}
            inputMode="decimal"
            autoComplete="off"
            spellCheck={false}
            aria-describedby={described("value")}
          />
          {error("value")}
        </div>
        <div className="field">
          <label htmlFor="qualifier">{text.qualifier}</label>
          <select {...input("qualifier")} aria-describedby={described("qualifier")}>
            {text.qualifiers.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
          {error("qualifier")}
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>{text.source}</legend>
        <div className="field">
          <label htmlFor="sourceTitle">{text.sourceTitle}</label>
          <input {...input("sourceTitle")} aria-describedby={described("sourceTitle")} />
          {error("sourceTitle")}
        </div>
        <div className="field">
          <label htmlFor="sourceUrl">{text.sourceUrl}</label>
          <input
            {...input("sourceUrl")}
            type="url"
            inputMode="url"
            aria-describedby={described("sourceUrl")}
          />
          {error("sourceUrl")}
        </div>
        <div className="field">
          <label htmlFor="sourcePublishedOn">{text.sourcePublishedOn}</label>
          <input
            {...input("sourcePublishedOn")}
            placeholder="YYYY-MM-DD"
            autoComplete="off"
            size={12}
            aria-describedby={described("sourcePublishedOn", "restate-date-hint")}
          />
          <p className="field-hint" id="restate-date-hint">
            {text.dateHint}
          </p>
          {error("sourcePublishedOn")}
        </div>
        <div className="field">
          <label htmlFor="quote">{text.quote}</label>
          <textarea
            {...input("quote")}
            rows={3}
            maxLength={QUOTE_MAX + 50}
            aria-describedby={described("quote")}
          />
          {error("quote")}
        </div>
      </fieldset>

      <div className="field">
        <label htmlFor="note">{text.note}</label>
        <textarea {...input("note")} rows={2} aria-describedby={described("note")} />
        {error("note")}
      </div>

      {state.status === "confirm" && state.confirmations.length > 0 ? (
        <section className="confirm-panel" aria-labelledby="restate-confirm-title">
          <h2 id="restate-confirm-title">{text.confirmTitle}</h2>
          <ul>
            {state.confirmations.map((item) => (
              <li key={item.token} data-kind={item.kind}>
                {describeConfirmation(item, metric, text.confirmation, locale)}
              </li>
            ))}
          </ul>
          {state.confirmations.map((item) => (
            <input key={item.token} type="hidden" name={RESTATE_TOKEN_FIELD} value={item.token} />
          ))}
        </section>
      ) : null}

      <div className="checkbox-field">
        <input
          type="checkbox"
          id="confirm"
          name="confirm"
          value="yes"
          required
          aria-invalid={state.fieldErrors.confirm ? true : undefined}
          aria-describedby={described("confirm")}
        />
        <label htmlFor="confirm">{text.confirm}</label>
      </div>
      {error("confirm")}
      <div className="form-actions">
        <button type="submit" disabled={pending} aria-disabled={pending}>
          {pending ? text.saving : text.submit}
        </button>
      </div>
    </form>
  );
}
