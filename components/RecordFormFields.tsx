import Link from "next/link";
import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from "react";

/** What the event and claim forms' actions answer: a message, errors by field, the typed values. */
export interface RecordFormState<F extends string> {
  message: string | null;
  fieldErrors: Partial<Record<F, string>>;
  values: Record<F, string>;
}

/**
 * The inputs of a form whose every field has a label, may have a hint and may come back with an
 * error: each input is named by its hint and its error (aria-describedby) and keeps what was typed.
 */
export function recordFormFields<F extends string>(
  labels: Record<F, string>,
  hints: Partial<Record<F, string>>,
  state: RecordFormState<F>,
) {
  const describedBy = (field: F): string | undefined => {
    const ids = [
      hints[field] ? `${field}-hint` : null,
      state.fieldErrors[field] ? `${field}-error` : null,
    ].filter(Boolean);
    return ids.length > 0 ? ids.join(" ") : undefined;
  };
  const shell = (field: F, control: ReactNode) => (
    <div className="field">
      <label htmlFor={field}>{labels[field]}</label>
      {control}
      {hints[field] ? (
        <p id={`${field}-hint`} className="field-hint">
          {hints[field]}
        </p>
      ) : null}
      {state.fieldErrors[field] ? (
        <p id={`${field}-error`} className="field-error">
          {state.fieldErrors[field]}
        </p>
      ) : null}
    </div>
  );
  const common = (field: F) => ({
    id: field,
    name: field,
    defaultValue: state.values[field],
    "aria-invalid": state.fieldErrors[field] ? true : undefined,
    "aria-describedby": describedBy(field),
  });
  return {
    input: (field: F, props: InputHTMLAttributes<HTMLInputElement> = {}) =>
      shell(field, <input {...common(field)} {...props} />),
    textarea: (field: F, props: TextareaHTMLAttributes<HTMLTextAreaElement> = {}) =>
      shell(field, <textarea {...common(field)} {...props} />),
    select: (field: F, options: readonly { value: string; label: string }[]) =>
      shell(
        field,
        <select {...common(field)}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>,
      ),
  };
}

/** The form-wide message, announced when it changes. */
export function FormMessage({ message }: { message: string | null }) {
  return (
    <div aria-live="polite" className="form-message">
      {message ? (
        <p className="field-error" role="alert">
          {message}
        </p>
      ) : null}
    </div>
  );
}

/** The buttons' words, in the reader's language (a client form gets them from its server page). */
export interface FormActionWords {
  saving: string;
  cancel: string;
}

/** Save (disabled while the action runs) and Cancel. */
export function FormActions({
  pending,
  submitLabel,
  cancelHref,
  words,
}: {
  pending: boolean;
  submitLabel: string;
  cancelHref: string;
  words: FormActionWords;
}) {
  return (
    <div className="form-actions">
      <button type="submit" disabled={pending} aria-disabled={pending}>
        {pending ? words.saving : submitLabel}
      </button>
      <Link href={cancelHref}>{words.cancel}</Link>
    </div>
  );
}
