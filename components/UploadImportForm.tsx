"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useActionState, useState } from "react";
import { fill } from "@/i18n/fill";
import { type UploadImportState, uploadImport } from "@/lib/actions/upload-import";
import type { ImportKind } from "@/lib/csv/import-types";
import type { Locale } from "@/lib/domain/locale";

const initialState: UploadImportState = { message: null, problems: [] };

/**
 * The form's words, from the server (components/UploadImport.tsx) in the reader's language;
 * `uploaded`, `unreadable` and `tooLarge` are templates with {percent}, {status}, {size}, {max}.
 */
export interface UploadImportText {
  uploading: string;
  uploaded: string;
  checking: string;
  checkingHint: string;
  lost: string;
  unreadable: string;
  tooLarge: string;
  cannotImport: string;
  file: string;
  hint: string;
  submit: string;
}

type Stage =
  | { name: "idle" }
  | { name: "uploading"; loaded: number; total: number }
  | { name: "checking" };

interface ImportCreated {
  id?: number;
  error?: string;
  problems?: unknown;
}

export function UploadImportForm({
  maxBytes,
  kind = "figures",
  text,
  locale,
}: {
  maxBytes: number;
  /** What the file holds; the action plans it accordingly. */
  kind?: ImportKind;
  text: UploadImportText;
  /** The page's language: the API's refusal (lib/api/http.ts requestLocale) is said in it. */
  locale: Locale;
}) {
  const [state, formAction, pending] = useActionState(uploadImport, initialState);
  // Checked in the browser too, so a file far over the limit is not sent at all; the server
  // checks again (and is what works without JavaScript).
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  const maxMegabytes = maxBytes / 1024 / 1024;

  const router = useRouter();
  const [stage, setStage] = useState<Stage>({ name: "idle" });
  // The answer of the upload sent with progress (below), shown like the action's state.
  const [sent, setSent] = useState<UploadImportState | null>(null);

  /**
   * With JavaScript the file goes to POST /api/imports (the same checks and the same pending
   * import as the action) so that its upload can report progress; the form's action is what
   * runs without JavaScript.
   */
  function upload(event: FormEvent<HTMLFormElement>) {
    const input = event.currentTarget.elements.namedItem("file");
    const file = input instanceof HTMLInputElement ? input.files?.[0] : undefined;
    if (file && file.size > maxBytes) {
      event.preventDefault();
      setTooLarge(
        fill(text.tooLarge, { size: (file.size / 1024 / 1024).toFixed(1), max: maxMegabytes }),
      );
      return;
    }
    setTooLarge(null);
    if (!file || typeof XMLHttpRequest === "undefined") return;
    event.preventDefault();
    setSent(null);
    setStage({ name: "uploading", loaded: 0, total: file.size });
    const request = new XMLHttpRequest();
    const name = encodeURIComponent((file.name || "upload.csv").slice(0, 200));
    request.open("POST", `/api/imports?kind=${kind}&name=${name}&lang=${locale}`);
    request.setRequestHeader("Content-Type", "text/csv");
    request.upload.onprogress = (progress) => {
      if (progress.lengthComputable) {
        setStage({ name: "uploading", loaded: progress.loaded, total: progress.total });
      }
    };
    // Sent: the server now reads and plans every row, which is most of the wait on a large file.
    request.upload.onload = () => setStage({ name: "checking" });
    request.onerror = () => {
      setStage({ name: "idle" });
      setSent({ message: text.lost, problems: [] });
    };
    request.onload = () => {
      let body: ImportCreated = {};
      try {
        body = JSON.parse(request.responseText) as ImportCreated;
      } catch {
        body = {};
      }
      if (request.status === 201 && typeof body.id === "number") {
        // "Checking" stays until the preview has loaded and replaces this page.
        setStage({ name: "checking" });
        router.push(`/import/${body.id}`);
        return;
      }
      setStage({ name: "idle" });
      setSent({
        message: body.error ?? fill(text.unreadable, { status: request.status }),
        problems: Array.isArray(body.problems) ? body.problems.map(String) : [],
      });
    };
    request.send(file);
  }

  const busy = pending || stage.name !== "idle";
  const shown = sent ?? state;
  const message = tooLarge ? text.cannotImport : shown.message;
  const problems = tooLarge ? [tooLarge] : shown.problems;
  const percent =
    stage.name === "uploading" && stage.total > 0
      ? Math.min(100, Math.round((stage.loaded / stage.total) * 100))
      : 0;
  const invalid = message !== null;
  return (
    <form action={formAction} onSubmit={upload} className="stack-form">
      <input type="hidden" name="kind" value={kind} />
      <div className="field">
        <label htmlFor="import-file">{text.file}</label>
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
          {text.hint}
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
      {stage.name === "uploading" ? (
        <p className="import-progress__stage" role="status" data-stage="uploading">
          <label htmlFor="import-progress">{text.uploading}</label>{" "}
          <progress id="import-progress" max={100} value={percent} />{" "}
          {fill(text.uploaded, { percent })}
        </p>
      ) : stage.name === "checking" ? (
        <p className="import-progress__stage" role="status" data-stage="checking">
          <progress aria-label={text.checking} /> {text.checking} {text.checkingHint}
        </p>
      ) : null}
      <button type="submit" disabled={busy} aria-disabled={busy}>
        {busy ? text.checking : text.submit}
      </button>
    </form>
  );
}
