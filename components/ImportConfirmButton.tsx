"use client";

import { useFormStatus } from "react-dom";

/** Every word this component shows, in one place for the message catalog. */
const TEXT = {
  applying: "Applying the import…",
  applyingHint:
    "Writing every row and its audit entry in one transaction; this page moves on when it is done.",
} as const;

/**
 * The preview's confirm button: while the import is applied it says so instead of looking
 * frozen. Without JavaScript it is a plain submit button.
 */
export function ImportConfirmButton({ label }: { label: string }) {
  const { pending } = useFormStatus();
  return (
    <>
      <button type="submit" disabled={pending} aria-disabled={pending} data-testid="confirm-import">
        {pending ? TEXT.applying : label}
      </button>
      {pending ? (
        <p className="import-progress__stage" role="status" data-stage="applying">
          <progress aria-label={TEXT.applying} /> {TEXT.applyingHint}
        </p>
      ) : null}
    </>
  );
}
