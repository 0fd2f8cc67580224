"use client";

import { type FormEvent, useActionState, useState } from "react";
import { type UploadImportState, uploadImport } from "@/lib/actions/upload-import";
import type { ImportKind } from "@/lib/csv/import-types";

const initialState: UploadImportState = { message: null, problems: [] };

export function UploadImportForm({
  maxBytes,
  maxRows,
  kind = "figures",
}: {
  maxBytes: number;
  maxRows: number;
  /** What the file holds; the action plans it accordingly. */
  kind?: ImportKind;
}) {
  const [state, formAction, pending] = useActionState(uploadImport, initialState);
  // Checked in the browser too, so a file far over the limit is not sent at all; the server
  // checks again (and is what works without JavaScript).
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  const maxMegabytes = maxBytes / 1024 / 1024;

  function checkSize(event: FormEvent<HTMLFormElement>) {
    const input = event.currentTarget.elements.namedItem("file");
    const file = input instanceof HTMLInputElement ? input.files?.[0] : undefined;
    if (file && file.size > maxBytes) {
      event.preventDefault();
      setTooLarge(
        `The file is ${(file.size / 1024 / 1024).toFixed(1)} MB; an import takes at most ${maxMegabytes} MB. Split it into smaller files.`,
      );
    } else setTooLarge(null);
  }

  const message = tooLarge ? "This file cannot be imported." : state.message;
  const problems = tooLarge ? [tooLarge] : state.problems;
  const invalid = message !== null;
  return (
    <form action={formAction} onSubmit={checkSize} className="stack-form">
      <input type="hidden" name="kind" value={kind} />
      <div className="field">
        <label htmlFor="import-file">
          {kind === "claims" ? "CSV file (claims)" : "CSV file (long shape)"}
        </label>
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
        {message ? (
          <div className="field-error" role="alert">
            <p>{message}</p>
            {problems.length > 0 ? (
              <ul>
                {problems.map((problem) => (
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
