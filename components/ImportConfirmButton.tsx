"use client";

import { useFormStatus } from "react-dom";

/**
 * The preview's confirm button: while the import is applied it says so instead of looking
 * frozen. Without JavaScript it is a plain submit button. Its words come from the page, in the
 * reader's language (no catalog is sent to the browser).
 */
export function ImportConfirmButton({
  label,
  applying,
  applyingHint,
}: {
  label: string;
  applying: string;
  applyingHint: string;
}) {
  const { pending } = useFormStatus();
  return (
    <>
      <button type="submit" disabled={pending} aria-disabled={pending} data-testid="confirm-import">
        {pending ? applying : label}
      </button>
      {pending ? (
        <p className="import-progress__stage" role="status" data-stage="applying">
          <progress aria-label={applying} /> {applyingHint}
        </p>
      ) : null}
    </>
  );
}
