"use client";

import { useActionState } from "react";
import { withdrawFigure } from "@/lib/actions/withdraw-figure";
import { WITHDRAW_REASON_MAX, type WithdrawFormState } from "@/lib/domain/withdraw-input";

const initialState: WithdrawFormState = { message: null, fieldErrors: {}, values: { reason: "" } };

/** Withdraws one figure after a required reason and an explicit confirmation. Works without JS. */
export function WithdrawForm({
  brand,
  metricKey,
  quarter,
  revision,
  returnTo,
  description,
}: {
  brand: string;
  metricKey: string;
  quarter: string;
  revision: number;
  returnTo: string;
  /** "Total revenue, Q3 2025: RMB 113.1 bn", for the confirmation's label. */
  description: string;
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
        <label htmlFor="reason">Reason (required)</label>
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
          Shown with the history, e.g. "The source reported IFRS profit, not adjusted". At most{" "}
          {WITHDRAW_REASON_MAX} characters.
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
        <label htmlFor="confirm">
          Withdraw {description}. The quarter becomes a gap; the figure stays in the history.
        </label>
      </div>
      {state.fieldErrors.confirm ? (
        <p id="confirm-error" className="field-error">
          {state.fieldErrors.confirm}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button--danger" disabled={pending} aria-disabled={pending}>
          {pending ? "Withdrawing…" : "Withdraw the figure"}
        </button>
      </div>
    </form>
  );
}
