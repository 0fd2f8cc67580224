"use client";

import { useActionState } from "react";
import { type AccountFormState, IDLE_ACCOUNT_FORM } from "@/lib/actions/account-form-state";

export interface AccountField {
  name: string;
  label: string;
  type?: "text" | "email" | "password" | "select";
  autoComplete?: string;
  defaultValue?: string;
  /** A select's choices: the submitted code and the words shown for it. */
  options?: readonly { value: string; label: string }[];
  hint?: string;
}

/** The form's own words, from its server parent (no catalog is sent to the browser). */
export interface AccountFormWords {
  /**
   * Follows a one-time link, with its own leading space where the language wants one; `{time}`
   * is replaced by the link's UTC expiry.
   */
  validUntil: string;
}

/**
 * The account forms (setup, invitation, reset, change password, invite someone): fields with
 * their messages, the form's message, and a one-time link when the action made one.
 */
export function AccountForm({
  action,
  fields,
  submitLabel,
  testId,
  words,
}: {
  action: (state: AccountFormState, formData: FormData) => Promise<AccountFormState>;
  fields: readonly AccountField[];
  submitLabel: string;
  testId?: string;
  words: AccountFormWords;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE_ACCOUNT_FORM);
  return (
    <form action={formAction} className="stack-form" noValidate data-testid={testId}>
      {fields.map((field) => {
        const error = state.fieldErrors[field.name];
        const id = `${testId ?? "account"}-${field.name}`;
        const described = [error ? `${id}-error` : null, field.hint ? `${id}-hint` : null]
          .filter(Boolean)
          .join(" ");
        return (
          <div className="field" key={field.name}>
            <label htmlFor={id}>{field.label}</label>
            {field.type === "select" ? (
              <select id={id} name={field.name} defaultValue={field.defaultValue}>
                {(field.options ?? []).map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id={id}
                name={field.name}
                type={field.type ?? "text"}
                autoComplete={field.autoComplete}
                defaultValue={field.defaultValue}
                aria-invalid={error ? true : undefined}
                aria-describedby={described || undefined}
              />
            )}
            {field.hint ? (
              <p id={`${id}-hint`} className="hint">
                {field.hint}
              </p>
            ) : null}
            {error ? (
              <p id={`${id}-error`} className="field-error">
                {error}
              </p>
            ) : null}
          </div>
        );
      })}
      <div aria-live="polite" className="form-message">
        {state.message ? (
          <p className={state.status === "done" ? "notice" : "field-error"}>{state.message}</p>
        ) : null}
        {state.link ? (
          <p>
            <code data-testid="one-time-link">{state.link.url}</code>
            {words.validUntil.replace(
              "{time}",
              state.link.expiresAt.slice(0, 16).replace("T", " "),
            )}
          </p>
        ) : null}
      </div>
      <button type="submit" disabled={pending} aria-disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
}
