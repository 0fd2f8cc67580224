"use client";

import { useActionState } from "react";
import { type UploadImportState, uploadImport } from "@/lib/actions/upload-import";

const initialState: UploadImportState = { message: null, problems: [] };

export function UploadImportForm({
  maxMegabytes,
  maxRows,
}: {
  maxMegabytes: number;
  maxRows: number;
}) {
  const [state, formAction, pending] = useActionState(uploadImport, initialState);
  const invalid = state.message !== null;
  return (
    <form action={formAction} className="stack-form">
      <div className="field">
        <label htmlFor="import-file">CSV file (long shape)</label>
        <input
          id="import-file"
          name="file"
          type="file"
          accept=".csv,text/csv"
          required
          aria-invalid={invalid ? true : undefined}
          aria-describedby={invalid ? "import-hint import-error" : "import-hint"}
        />
        <p id="import-hint" className="field-hint">
          UTF-8, at most {maxMegabytes} MB and {maxRows.toLocaleString("en-US")} rows. Nothing is
          written until you confirm the preview.
        </p>
      </div>
      <div id="import-error" aria-live="polite" className="form-message">
        {state.message ? (
          <div className="field-error" role="alert">
            <p>{state.message}</p>
            {state.problems.length > 0 ? (
              <ul>
                {state.problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>
      <button type="submit" disabled={pending} aria-disabled={pending}>
        {pending ? "Checking the file…" : "Upload and preview"}
      </button>
    </form>
  );
}
