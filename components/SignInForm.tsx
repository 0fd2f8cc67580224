"use client";

import { useActionState } from "react";
import { type SignInState, signIn } from "@/lib/actions/sign-in";

const initialState: SignInState = { message: null, fieldErrors: {}, values: { email: "" } };

/** The form's words, from the login page (no catalog is sent to the browser). */
export interface SignInWords {
  email: string;
  password: string;
  submit: string;
  pending: string;
}

export function SignInForm({ next, words }: { next: string; words: SignInWords }) {
  const [state, formAction, pending] = useActionState(signIn, initialState);
  return (
    <form action={formAction} className="stack-form" noValidate>
      <input type="hidden" name="next" value={next} />
      <div className="field">
        <label htmlFor="email">{words.email}</label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          maxLength={254}
          defaultValue={state.values.email}
          aria-invalid={state.fieldErrors.email ? true : undefined}
          aria-describedby={state.fieldErrors.email ? "email-error" : undefined}
        />
        {state.fieldErrors.email ? (
          <p id="email-error" className="field-error">
            {state.fieldErrors.email}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="password">{words.password}</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={state.fieldErrors.password ? true : undefined}
          aria-describedby={state.fieldErrors.password ? "password-error" : undefined}
        />
        {state.fieldErrors.password ? (
          <p id="password-error" className="field-error">
            {state.fieldErrors.password}
          </p>
        ) : null}
      </div>
      <div aria-live="polite" className="form-message">
        {state.message ? <p className="field-error">{state.message}</p> : null}
      </div>
      <button type="submit" disabled={pending} aria-disabled={pending}>
        {pending ? words.pending : words.submit}
      </button>
    </form>
  );
}
