"use client";

import { useActionState } from "react";
import type { ClaimField, ClaimFormState } from "@/lib/domain/claim-input";
import {
  CLAIM_COMPARISONS,
  CLAIM_KINDS,
  CLAIMANT_KINDS,
  type ClaimantKind,
  type ClaimKind,
  HEDGES,
  type Hedge,
} from "@/lib/domain/claims";
import {
  FormActions,
  type FormActionWords,
  FormMessage,
  recordFormFields,
} from "./RecordFormFields";

type ClaimAction = (state: ClaimFormState, formData: FormData) => Promise<ClaimFormState>;

/** The form's words in the reader's language, from its server page (app/_claims/form-words.ts). */
export interface ClaimFormWords {
  labels: Record<ClaimField, string>;
  hints: Partial<Record<ClaimField, string>>;
  claimants: Record<ClaimantKind, string>;
  kinds: Record<ClaimKind, string>;
  hedges: Record<Hedge, string>;
  who: string;
  what: string;
  chooseMetric: string;
  none: string;
  yoy: string;
  qoq: string;
  actions: FormActionWords;
}

/**
 * Adding or revising a claim. The server action validates and answers with field errors; the
 * typed values stay; without JavaScript the form posts and renders the same way.
 */
export function ClaimForm({
  action,
  initial,
  metrics,
  revision,
  submitLabel,
  cancelHref,
  words,
}: {
  action: ClaimAction;
  initial: Record<ClaimField, string>;
  metrics: readonly { key: string; label: string }[];
  revision?: number;
  submitLabel: string;
  cancelHref: string;
  words: ClaimFormWords;
}) {
  const [state, formAction, pending] = useActionState(action, {
    message: null,
    fieldErrors: {},
    values: initial,
  });
  const { input: field, select, textarea } = recordFormFields(words.labels, words.hints, state);
  const metricOptions = metrics.map((metric) => ({ value: metric.key, label: metric.label }));
  const formKey = JSON.stringify(state.values);
  return (
    <form action={formAction} className="stack-form" noValidate key={formKey}>
      {revision !== undefined ? <input type="hidden" name="revision" value={revision} /> : null}
      <FormMessage message={state.message} />
      <fieldset className="fieldset">
        <legend>{words.who}</legend>
        {select(
          "claimantKind",
          CLAIMANT_KINDS.map((kind) => ({ value: kind, label: words.claimants[kind] })),
        )}
        {field("claimant", { required: true, maxLength: 200 })}
        {field("sourceTitle", { required: true, maxLength: 500 })}
        {field("sourceUrl", { type: "url", maxLength: 2000, placeholder: "https://" })}
        {field("sourcePublishedOn", { maxLength: 10 })}
        {textarea("quote", { rows: 3, maxLength: 4000 })}
      </fieldset>
      <fieldset className="fieldset">
        <legend>{words.what}</legend>
        {select("metric", [{ value: "", label: words.chooseMetric }, ...metricOptions])}
        {field("quarter", { maxLength: 6, placeholder: "2025Q3" })}
        {select(
          "kind",
          CLAIM_KINDS.map((kind) => ({ value: kind, label: words.kinds[kind] })),
        )}
        {select("comparison", [
          { value: "", label: words.none },
          ...CLAIM_COMPARISONS.map((comparison) => ({
            value: comparison,
            label: comparison === "yoy" ? words.yoy : words.qoq,
          })),
        ])}
        {field("statedValue", { required: true, inputMode: "decimal", maxLength: 40 })}
        {field("statedUnit", { required: true, maxLength: 20 })}
        {select(
          "hedge",
          HEDGES.map((hedge) => ({ value: hedge, label: words.hedges[hedge] })),
        )}
        {select("relativeMetric", [{ value: "", label: words.none }, ...metricOptions])}
        {field("note", { maxLength: 1000 })}
      </fieldset>
      <FormActions
        pending={pending}
        submitLabel={submitLabel}
        cancelHref={cancelHref}
        words={words.actions}
      />
    </form>
  );
}
