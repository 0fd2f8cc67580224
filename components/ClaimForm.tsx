"use client";

import { useActionState } from "react";
import { CLAIM_FIELD_LABELS, type ClaimField, type ClaimFormState } from "@/lib/domain/claim-input";
import {
  CLAIM_COMPARISONS,
  CLAIM_KINDS,
  CLAIMANT_KIND_LABELS,
  CLAIMANT_KINDS,
  HEDGE_LABELS,
  HEDGES,
} from "@/lib/domain/claims";
import { FormActions, FormMessage, recordFormFields } from "./RecordFormFields";

type ClaimAction = (state: ClaimFormState, formData: FormData) => Promise<ClaimFormState>;

const HINTS: Partial<Record<ClaimField, string>> = {
  quarter: "Like 2025Q3; leave empty only for a total over months (kind: cumulative).",
  kind: "level: the value; change: YoY/QoQ in % (pp for ratios); multiple: “tripled”; streak: quarters of YoY growth; share: % of another metric; record: first time above the stated level.",
  comparison: "For changes, multiples and streaks.",
  statedValue:
    "As stated, with its digits (8.2, not 8.20): the digits are the rounding the verdict allows.",
  statedUnit:
    "% or pp for changes and shares, × for multiples, quarters for streaks, else the metric's unit.",
  relativeMetric: "For a share: the metric it is a share of (e.g. revenue).",
  sourceUrl: "Optional when the document has no address.",
  sourcePublishedOn: "Optional: YYYY-MM-DD or YYYY-MM.",
};

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
}: {
  action: ClaimAction;
  initial: Record<ClaimField, string>;
  metrics: readonly { key: string; label: string }[];
  revision?: number;
  submitLabel: string;
  cancelHref: string;
}) {
  const [state, formAction, pending] = useActionState(action, {
    message: null,
    fieldErrors: {},
    values: initial,
  });
  const { input: field, select, textarea } = recordFormFields(CLAIM_FIELD_LABELS, HINTS, state);
  const metricOptions = metrics.map((metric) => ({ value: metric.key, label: metric.label }));
  const formKey = JSON.stringify(state.values);
  return (
    <form action={formAction} className="stack-form" noValidate key={formKey}>
      {revision !== undefined ? <input type="hidden" name="revision" value={revision} /> : null}
      <FormMessage message={state.message} />
      <fieldset className="fieldset">
        <legend>Who said it, and where</legend>
        {select(
          "claimantKind",
          CLAIMANT_KINDS.map((kind) => ({ value: kind, label: CLAIMANT_KIND_LABELS[kind] })),
        )}
        {field("claimant", { required: true, maxLength: 200 })}
        {field("sourceTitle", { required: true, maxLength: 500 })}
        {field("sourceUrl", { type: "url", maxLength: 2000, placeholder: "https://" })}
        {field("sourcePublishedOn", { maxLength: 10 })}
        {textarea("quote", { rows: 3, maxLength: 4000 })}
      </fieldset>
      <fieldset className="fieldset">
        <legend>What it asserts</legend>
        {select("metric", [{ value: "", label: "Choose a metric" }, ...metricOptions])}
        {field("quarter", { maxLength: 6, placeholder: "2025Q3" })}
        {select(
          "kind",
          CLAIM_KINDS.map((kind) => ({ value: kind, label: kind })),
        )}
        {select("comparison", [
          { value: "", label: "None" },
          ...CLAIM_COMPARISONS.map((comparison) => ({
            value: comparison,
            label: comparison === "yoy" ? "Year on year (YoY)" : "Quarter on quarter (QoQ)",
          })),
        ])}
        {field("statedValue", { required: true, inputMode: "decimal", maxLength: 40 })}
        {field("statedUnit", { required: true, maxLength: 20 })}
        {select(
          "hedge",
          HEDGES.map((hedge) => ({ value: hedge, label: HEDGE_LABELS[hedge] })),
        )}
        {select("relativeMetric", [{ value: "", label: "None" }, ...metricOptions])}
        {field("note", { maxLength: 1000 })}
      </fieldset>
      <FormActions pending={pending} submitLabel={submitLabel} cancelHref={cancelHref} />
    </form>
  );
}
