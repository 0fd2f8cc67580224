"use client";

import Link from "next/link";
import { useActionState } from "react";
import { EVENT_FIELD_LABELS, type EventField, type EventFormState } from "@/lib/domain/event-input";
import { EVENT_KIND_LABELS } from "@/lib/domain/events";
import { EVENT_KINDS } from "@/lib/domain/types";

type EventAction = (state: EventFormState, formData: FormData) => Promise<EventFormState>;

const HINTS: Partial<Record<EventField, string>> = {
  date: "YYYY-MM-DD, or YYYY-MM when the source gives only the month (it stays month-precise).",
  description: "One line, shown under the chart marker.",
  sourceUrl: "The address of the article or report (optional when the document has none).",
  sourcePublishedOn: "Optional: YYYY-MM-DD or YYYY-MM.",
  quote: "Optional: the sentence from the source that reports the event.",
};

function describedBy(field: EventField, state: EventFormState): string | undefined {
  const ids = [
    HINTS[field] ? `${field}-hint` : null,
    state.fieldErrors[field] ? `${field}-error` : null,
  ].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

function FieldShell({
  field,
  state,
  children,
}: {
  field: EventField;
  state: EventFormState;
  children: React.ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={field}>{EVENT_FIELD_LABELS[field]}</label>
      {children}
      {HINTS[field] ? (
        <p id={`${field}-hint`} className="field-hint">
          {HINTS[field]}
        </p>
      ) : null}
      {state.fieldErrors[field] ? (
        <p id={`${field}-error`} className="field-error">
          {state.fieldErrors[field]}
        </p>
      ) : null}
    </div>
  );
}

/**
 * Adding or editing an event. The server action validates and answers with field errors; the
 * typed values stay; without JavaScript the form posts and renders the same way.
 */
export function EventForm({
  action,
  initial,
  revision,
  submitLabel,
  cancelHref,
  metrics,
}: {
  action: EventAction;
  /** The metrics an editor can tie the event to (the catalog, in its order). */
  metrics: readonly { key: string; label: string }[];
  initial: Record<EventField, string>;
  /** The revision being edited, sent back so that a concurrent edit is detected. */
  revision?: number;
  submitLabel: string;
  cancelHref: string;
}) {
  const [state, formAction, pending] = useActionState(action, {
    message: null,
    fieldErrors: {},
    values: initial,
  });
  const text = (field: EventField, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <FieldShell field={field} state={state}>
      <input
        id={field}
        name={field}
        defaultValue={state.values[field]}
        aria-invalid={state.fieldErrors[field] ? true : undefined}
        aria-describedby={describedBy(field, state)}
        {...props}
      />
    </FieldShell>
  );
  const chosen = new Set(state.values.metrics.split(",").filter((key) => key !== ""));
  // `key` resets the uncontrolled inputs to the values the server sent back after a submit.
  const formKey = JSON.stringify(state.values);
  return (
    <form action={formAction} className="stack-form" noValidate key={formKey}>
      {revision !== undefined ? <input type="hidden" name="revision" value={revision} /> : null}
      <div aria-live="polite" className="form-message">
        {state.message ? (
          <p className="field-error" role="alert">
            {state.message}
          </p>
        ) : null}
      </div>
      {text("date", {
        required: true,
        placeholder: "2025-05-07",
        inputMode: "numeric",
        maxLength: 10,
      })}
      <FieldShell field="kind" state={state}>
        <select
          id="kind"
          name="kind"
          defaultValue={state.values.kind}
          aria-invalid={state.fieldErrors.kind ? true : undefined}
          aria-describedby={describedBy("kind", state)}
        >
          {EVENT_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {EVENT_KIND_LABELS[kind]}
            </option>
          ))}
        </select>
      </FieldShell>
      {text("title", { required: true, maxLength: 200 })}
      {text("description", { required: true, maxLength: 300 })}
      <fieldset
        className="fieldset metric-choice"
        aria-describedby={["metrics-hint", state.fieldErrors.metrics ? "metrics-error" : null]
          .filter(Boolean)
          .join(" ")}
      >
        <legend>{EVENT_FIELD_LABELS.metrics}</legend>
        <p id="metrics-hint" className="field-hint">
          Tick the metrics whose charts should show this event. Leave all unticked for an event that
          concerns every metric (a brand-wide crisis, say).
        </p>
        <div className="metric-choice__list">
          {metrics.map((metric) => (
            <label key={metric.key} className="metric-choice__item">
              <input
                type="checkbox"
                name="metrics"
                value={metric.key}
                defaultChecked={chosen.has(metric.key)}
              />{" "}
              {metric.label}
            </label>
          ))}
        </div>
        {state.fieldErrors.metrics ? (
          <p id="metrics-error" className="field-error">
            {state.fieldErrors.metrics}
          </p>
        ) : null}
      </fieldset>
      <fieldset className="fieldset">
        <legend>Source (required: every event has one)</legend>
        {text("sourceTitle", { required: true, maxLength: 500 })}
        {text("sourceUrl", { type: "url", maxLength: 2000, placeholder: "https://" })}
        {text("sourcePublishedOn", { maxLength: 10 })}
        <FieldShell field="quote" state={state}>
          <textarea
            id="quote"
            name="quote"
            rows={3}
            maxLength={4000}
            defaultValue={state.values.quote}
            aria-invalid={state.fieldErrors.quote ? true : undefined}
            aria-describedby={describedBy("quote", state)}
          />
        </FieldShell>
      </fieldset>
      <div className="form-actions">
        <button type="submit" disabled={pending} aria-disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </button>
        <Link href={cancelHref}>Cancel</Link>
      </div>
    </form>
  );
}
