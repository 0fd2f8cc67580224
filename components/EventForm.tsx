"use client";

import { useActionState } from "react";
import type { EventField, EventFormState } from "@/lib/domain/event-input";
import { EVENT_KINDS, type EventKind } from "@/lib/domain/types";
import {
  FormActions,
  type FormActionWords,
  FormMessage,
  recordFormFields,
} from "./RecordFormFields";

type EventAction = (state: EventFormState, formData: FormData) => Promise<EventFormState>;

/** The form's words in the reader's language, from its server page (app/_claims/form-words.ts). */
export interface EventFormWords {
  labels: Record<EventField, string>;
  hints: Partial<Record<EventField, string>>;
  kinds: Record<EventKind, string>;
  metricsHint: string;
  source: string;
  actions: FormActionWords;
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
  words,
}: {
  action: EventAction;
  /** The metrics an editor can tie the event to (the catalog, in its order). */
  metrics: readonly { key: string; label: string }[];
  initial: Record<EventField, string>;
  /** The revision being edited, sent back so that a concurrent edit is detected. */
  revision?: number;
  submitLabel: string;
  cancelHref: string;
  words: EventFormWords;
}) {
  const [state, formAction, pending] = useActionState(action, {
    message: null,
    fieldErrors: {},
    values: initial,
  });
  const { input: text, select, textarea } = recordFormFields(words.labels, words.hints, state);
  const chosen = new Set(state.values.metrics.split(",").filter((key) => key !== ""));
  // `key` resets the uncontrolled inputs to the values the server sent back after a submit.
  const formKey = JSON.stringify(state.values);
  return (
    <form action={formAction} className="stack-form" noValidate key={formKey}>
      {revision !== undefined ? <input type="hidden" name="revision" value={revision} /> : null}
      <FormMessage message={state.message} />
      {text("date", {
        required: true,
        placeholder: "2025-05-07",
        inputMode: "numeric",
        maxLength: 10,
      })}
      {select(
        "kind",
        EVENT_KINDS.map((kind) => ({ value: kind, label: words.kinds[kind] })),
      )}
      {text("title", { required: true, maxLength: 200 })}
      {text("description", { required: true, maxLength: 300 })}
      <fieldset
        className="fieldset metric-choice"
        aria-describedby={["metrics-hint", state.fieldErrors.metrics ? "metrics-error" : null]
          .filter(Boolean)
          .join(" ")}
      >
        <legend>{words.labels.metrics}</legend>
        <p id="metrics-hint" className="field-hint">
          {words.metricsHint}
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
        <legend>{words.source}</legend>
        {text("sourceTitle", { required: true, maxLength: 500 })}
        {text("sourceUrl", { type: "url", maxLength: 2000, placeholder: "https://" })}
        {text("sourcePublishedOn", { maxLength: 10 })}
        {textarea("quote", { rows: 3, maxLength: 4000 })}
      </fieldset>
      <FormActions
        pending={pending}
        submitLabel={submitLabel}
        cancelHref={cancelHref}
        words={words.actions}
      />
    </form>
  );
}
