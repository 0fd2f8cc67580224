"use client";

import { useActionState } from "react";
import { type AccountFormState, IDLE_ACCOUNT_FORM } from "@/lib/actions/account-form-state";

/** Issues a password-reset link for one account and shows it to the admin to pass on. */
export function ResetLinkButton({
  action,
  label,
  words,
}: {
  action: (state: AccountFormState, formData: FormData) => Promise<AccountFormState>;
  label: string;
  /** From the server parent; `until` carries its own leading space and `{time}` for the expiry. */
  words: { button: string; until: string };
}) {
  const [state, formAction, pending] = useActionState(action, IDLE_ACCOUNT_FORM);
  return (
    <form action={formAction} className="inline-form">
      <button type="submit" className="link-button" disabled={pending} aria-label={label}>
        {words.button}
      </button>
      <span aria-live="polite">
        {state.link ? (
          <>
            {" "}
            <code data-testid="reset-link">{state.link.url}</code>
            {words.until.replace("{time}", state.link.expiresAt.slice(0, 16).replace("T", " "))}
          </>
        ) : state.message && state.status !== "done" ? (
          <span className="field-error"> {state.message}</span>
        ) : null}
      </span>
    </form>
  );
}
