"use client";

import Link from "next/link";
import { useActionState } from "react";
import { CLAIM_FIELD_LABELS, type ClaimField, type ClaimFormState } from "@/lib/domain/claim-input";
import {
  CLAIM_COMPARISONS,
  CLAIM_KINDS,
  CLAIMANT_KIND_LABELS,
  CLAIMANT_KINDS,
  HEDGE_LABELS,
  HEDGES,
} from "@/lib/domain/claims";

type ClaimAction = (state: ClaimFormState, formData: FormData) => Promise<ClaimFormState>;

const HINTS: Partial<Record<ClaimField, string>> = {
  quarter: "Like 2025Q3; leave empty only for a total over months (kind: cumulative).",
  kind: "level: the value; change: YoY/QoQ in % (pp for ratios); multiple: “tripled”; streak: quarters of YoY growth; share: % of another metric; record: first time above the stated level.",
  comparison: "For changes, multiples and streaks.",
  statedValue:
    "As stated, with its digits (8.2, not 8.20): the digits are the rounding the verdict allows.",
  statedUnit:
    "% or pp for changes and shares, × for multiples, quarters for streaks, else the metric's unit.",
  relativeMetric: "For a share: the metric it is a share of (e.g. revenue).",
  sourceUrl: "Optional when the document has no address.",
  sourcePublishedOn: "Optional: YYYY-MM-DD or YYYY-MM.",
};

function describedBy(field: ClaimField, state: ClaimFormState): string | undefined {
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
  field: ClaimField;
  state: ClaimFormState;
  children: React.ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={field}>{CLAIM_FIELD_LABELS[field]}</label>
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
 * Adding or revising a claim. The server action validates and answers with field errors; the
 * typed values stay; without JavaScript the form posts and renders the same way.
 */
export function ClaimForm({
  action,
  initial,
  metrics,
  revision,
  submitLabel,
  cancelHref,
}: {
  action: ClaimAction;
  initial: Record<ClaimField, string>;
  metrics: readonly { key: string; label: string }[];
  revision?: number;
  submitLabel: string;
  cancelHref: string;
}) {
  const [state, formAction, pending] = useActionState(action, {
    message: null,
    fieldErrors: {},
    values: initial,
  });
  const field = (name: ClaimField, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <FieldShell field={name} state={state}>
      <input
        id={name}
        name={name}
        defaultValue={state.values[name]}
        aria-invalid={state.fieldErrors[name] ? true : undefined}
        aria-describedby={describedBy(name, state)}
        {...props}
      />
    </FieldShell>
  );
  const select = (name: ClaimField, options: readonly { value: string; label: string }[]) => (
    <FieldShell field={name} state={state}>
      <select
        id={name}
        name={name}
        defaultValue={state.values[name]}
        aria-invalid={state.fieldErrors[name] ? true : undefined}
        aria-describedby={describedBy(name, state)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
  const metricOptions = metrics.map((metric) => ({ value: metric.key, label: metric.label }));
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
      <fieldset className="fieldset">
        <legend>Who said it, and where</legend>
        {select(
          "claimantKind",
          CLAIMANT_KINDS.map((kind) => ({ value: kind, label: CLAIMANT_KIND_LABELS[kind] })),
        )}
        {field("claimant", { required: true, maxLength: 200 })}
        {field("sourceTitle", { required: true, maxLength: 500 })}
        {field("sourceUrl", { type: "url", maxLength: 2000, placeholder: "https://" })}
        {field("sourcePublishedOn", { maxLength: 10 })}
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
      <fieldset className="fieldset">
        <legend>What it asserts</legend>
        {select("metric", [{ value: "", label: "Choose a metric" }, ...metricOptions])}
        {field("quarter", { maxLength: 6, placeholder: "2025Q3" })}
        {select(
          "kind",
          CLAIM_KINDS.map((kind) => ({ value: kind, label: kind })),
        )}
        {select("comparison", [
          { value: "", label: "None" },
          ...CLAIM_COMPARISONS.map((comparison) => ({
            value: comparison,
            label: comparison === "yoy" ? "Year on year (YoY)" : "Quarter on quarter (QoQ)",
          })),
        ])}
        {field("statedValue", { required: true, inputMode: "decimal", maxLength: 40 })}
        {field("statedUnit", { required: true, maxLength: 20 })}
        {select(
          "hedge",
          HEDGES.map((hedge) => ({ value: hedge, label: HEDGE_LABELS[hedge] })),
        )}
        {select("relativeMetric", [{ value: "", label: "None" }, ...metricOptions])}
        {field("note", { maxLength: 1000 })}
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
