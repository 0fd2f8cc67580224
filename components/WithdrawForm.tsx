"use client";

import { useActionState } from "react";
import { withdrawFigure } from "@/lib/actions/withdraw-figure";
import type { WithdrawFormState } from "@/lib/domain/withdraw-input";

const initialState: WithdrawFormState = { message: null, fieldErrors: {}, values: { reason: "" } };

/** Withdraws one figure after a required reason and an explicit confirmation. Works without JS. */
export function WithdrawForm({
  brand,
  metricKey,
  quarter,
  revision,
  returnTo,
  text,
}: {
  brand: string;
  metricKey: string;
  quarter: string;
  revision: number;
  returnTo: string;
  /** The form's words in the reader's language, from the page (no catalog in the browser). */
  text: {
    reason: string;
    reasonHint: string;
    /** "Withdraw Total revenue, Q3 2025: RMB 113.1 bn. The quarter becomes a gap; …" */
    confirm: string;
    withdrawing: string;
    submit: string;
  };
}) {
  const [state, formAction, pending] = useActionState(withdrawFigure, initialState);
  return (
    <form action={formAction} className="stack-form" noValidate>
      <input type="hidden" name="brand" value={brand} />
      <input type="hidden" name="metric" value={metricKey} />
      <input type="hidden" name="quarter" value={quarter} />
      <input type="hidden" name="revision" value={String(revision)} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <div aria-live="assertive" className="form-message">
        {state.message ? (
          <p className="field-error" role="alert">
            {state.message}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="reason">{text.reason}</label>
        <textarea
          id="reason"
          name="reason"
          rows={3}
          required
          defaultValue={state.values.reason}
          aria-invalid={state.fieldErrors.reason ? true : undefined}
          aria-describedby={`reason-hint${state.fieldErrors.reason ? " reason-error" : ""}`}
        />
        <p className="field-hint" id="reason-hint">
          {text.reasonHint}
        </p>
        {state.fieldErrors.reason ? (
          <p id="reason-error" className="field-error">
            {state.fieldErrors.reason}
          </p>
        ) : null}
      </div>
      <div className="checkbox-field">
        <input
          type="checkbox"
          id="confirm"
          name="confirm"
          value="yes"
          required
          aria-invalid={state.fieldErrors.confirm ? true : undefined}
          aria-describedby={state.fieldErrors.confirm ? "confirm-error" : undefined}
        />
        <label htmlFor="confirm">{text.confirm}</label>
      </div>
      {state.fieldErrors.confirm ? (
        <p id="confirm-error" className="field-error">
          {state.fieldErrors.confirm}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button--danger" disabled={pending} aria-disabled={pending}>
          {pending ? text.withdrawing : text.submit}
        </button>
      </div>
    </form>
  );
}
