"use client";

import { useActionState } from "react";
import { type SignInState, signIn } from "@/lib/actions/sign-in";

const initialState: SignInState = { message: null, fieldErrors: {}, values: { name: "" } };

export function SignInForm({ next }: { next: string }) {
  const [state, formAction, pending] = useActionState(signIn, initialState);
  return (
    <form action={formAction} className="stack-form" noValidate>
      <input type="hidden" name="next" value={next} />
      <div className="field">
        <label htmlFor="name">Your name (recorded with every change you make)</label>
        <input
          id="name"
          name="name"
          autoComplete="name"
          required
          maxLength={60}
          defaultValue={state.values.name}
          aria-invalid={state.fieldErrors.name ? true : undefined}
          aria-describedby={state.fieldErrors.name ? "name-error" : undefined}
        />
        {state.fieldErrors.name ? (
          <p id="name-error" className="field-error">
            {state.fieldErrors.name}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="password">Editor password</label>
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
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
