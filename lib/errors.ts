/**
 * The one error module: every outcome a caller shows to a person (as opposed to a bug, which
 * stays a plain Error and ends as a 500) is an AppError with a code. The code decides the HTTP
 * status and the default message in one table, so a route answers the same status for the same
 * refusal wherever it comes from, and every JSON error body carries the code for programs to
 * branch on. Forms show `message`; routes send `{ error: message, code, ...details }`.
 */
import type { Confirmation } from "@/lib/domain/confirmations";
import type { QuarterCode } from "@/lib/domain/quarter";

export const ERROR_CODES = {
  unauthenticated: {
    status: 401,
    message:
      'Sign in first: POST /api/session with {"email", "password"} and send the cookie it sets. Nothing was saved.',
  },
  forbidden: { status: 403, message: "Your role does not allow this. Nothing was changed." },
  cross_origin: { status: 403, message: "Cross-site requests are refused. Nothing was saved." },
  invalid_input: { status: 400, message: "Nothing was saved: the request is malformed." },
  unknown_reference: { status: 400, message: "Nothing was saved: it names an unknown entry." },
  weak_password: { status: 400, message: "Choose another password." },
  not_found: { status: 404, message: "There is no such thing here. Nothing was changed." },
  method_not_allowed: { status: 405, message: "This method is not accepted here." },
  confirmation_required: {
    status: 409,
    message: "Nothing was saved: some changes need confirming first.",
  },
  write_conflict: {
    status: 409,
    message:
      "Another editor was saving figures at the same moment, so nothing was saved. Send it again: any figure they stored will be listed for you to confirm.",
  },
  stale_figure: {
    status: 409,
    message: "Nothing was saved: the figure changed since you opened it. Reload and try again.",
  },
  revision_conflict: {
    status: 409,
    message: "Someone else changed this meanwhile. Reload to see their version; nothing was saved.",
  },
  unchanged: { status: 400, message: "Nothing was saved: it would change no stored figure." },
  metric_not_tracked: {
    status: 400,
    message: "Nothing was saved: a figure is for a metric the brand does not track.",
  },
  brand_metric_set: {
    status: 409,
    message: "The brand's metric set does not allow this change. Nothing was changed.",
  },
  import_conflict: { status: 409, message: "The import no longer applies to the stored data." },
  conflict: { status: 409, message: "This conflicts with the stored data. Nothing was changed." },
  token_invalid: {
    status: 410,
    message: "This link is not valid: it was used already, has expired or never existed.",
  },
  payload_too_large: { status: 413, message: "The body is too large. Nothing was saved." },
  unsupported_media_type: {
    status: 415,
    message: "The body has the wrong type. Nothing was saved.",
  },
  rate_limited: { status: 429, message: "Too many failed sign-in attempts. Try again later." },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export function statusOf(code: ErrorCode): number {
  return ERROR_CODES[code].status;
}

export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string = ERROR_CODES[code].message,
    /** Extra fields for the JSON body (fieldErrors, confirmations, ...). */
    readonly details: Record<string, unknown> = {},
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = "AppError";
    this.status = ERROR_CODES[code].status;
  }
}

/** The one sentence for a form or body with invalid fields. */
export function fieldsNeedCorrecting(count: number, verb = "saved"): string {
  return `Nothing was ${verb}: ${count} ${count === 1 ? "field needs" : "fields need"} correcting.`;
}

/** Invalid fields: `fieldErrors` maps a field name to a sentence about it. */
export class ValidationError extends AppError {
  constructor(
    readonly fieldErrors: Record<string, string>,
    message: string = fieldsNeedCorrecting(Object.keys(fieldErrors).length),
  ) {
    super("invalid_input", message, { fieldErrors });
    this.name = "ValidationError";
  }
}

/** The submission replaces stored figures or changes them extremely, and that was not confirmed. */
export class ConfirmationRequiredError extends AppError {
  constructor(readonly confirmations: Confirmation[]) {
    super(
      "confirmation_required",
      `${confirmations.length} change(s) need confirmation before saving`,
    );
    this.name = "ConfirmationRequiredError";
  }
}

/** Another write to the same figures won a race several times over; nothing was written. */
export class WriteConflictError extends AppError {
  constructor(cause: unknown) {
    super("write_conflict", undefined, {}, { cause });
    this.name = "WriteConflictError";
  }
}

/** A brand or metric named in the input does not exist. */
export class UnknownReferenceError extends AppError {
  constructor(
    readonly entity: "brand" | "metric",
    readonly key: string,
  ) {
    super("unknown_reference", `There is no ${entity} "${key}".`);
    this.name = "UnknownReferenceError";
  }
}

/** The figure to change is not the one the editor saw: it changed or was removed meanwhile. */
export class StaleFigureError extends AppError {
  constructor(
    readonly expectedRevision: number,
    readonly currentRevision: number | null,
  ) {
    super(
      "stale_figure",
      `The figure is at revision ${currentRevision ?? "none"}, not ${expectedRevision} as expected`,
    );
    this.name = "StaleFigureError";
  }
}

/** What a revised record (an event, a claim) is called in a sentence. */
export type RevisedRecord = "event" | "claim";

/** The event or claim to revise or delete does not exist (any more). */
export class RecordNotFoundError extends AppError {
  constructor(
    readonly record: RevisedRecord,
    readonly uid: string,
  ) {
    super(
      "not_found",
      record === "event"
        ? "This event does not exist (or was deleted)."
        : "This claim does not exist.",
    );
    this.name = "RecordNotFoundError";
  }
}

/** The event or claim is no longer at the revision the editor opened: someone saved meanwhile. */
export class RevisionConflictError extends AppError {
  constructor(
    readonly record: RevisedRecord,
    readonly uid: string,
    readonly currentRevision: number,
    readonly changedBy: string,
  ) {
    super(
      "revision_conflict",
      `Someone else (${changedBy}) changed this ${record} while you were editing it: it is now at revision ${currentRevision}. Reload the page to see their version; nothing was saved.`,
    );
    this.name = "RevisionConflictError";
  }
}

/** A pending import no longer fits the stored data at confirmation. */
export class ImportConflictError extends AppError {
  constructor(message: string) {
    super("import_conflict", message);
    this.name = "ImportConflictError";
  }
}

/** Figures that are stored already exactly as submitted (value, qualifier, source): nothing to save. */
export class UnchangedFigureError extends AppError {
  constructor(
    readonly quarter: QuarterCode,
    readonly metricKeys: string[],
  ) {
    super(
      "unchanged",
      `Nothing would change: ${metricKeys.join(", ")} for ${quarter} are stored as submitted`,
    );
    this.name = "UnchangedFigureError";
  }
}

/** Figures for metrics outside the brand's own set (BrandMetric); nothing was written. */
export class MetricNotTrackedError extends AppError {
  constructor(
    readonly brand: { slug: string; name: string },
    readonly metricKeys: string[],
    /** The keys the brand does track, in its order. */
    readonly tracked: string[],
  ) {
    super("metric_not_tracked", `${brand.name} does not track ${metricKeys.join(", ")}`);
    this.name = "MetricNotTrackedError";
  }
}

/** What made a change to a brand's metric set inapplicable. */
export type BrandMetricSetRefusal = "exists" | "missing" | "last";

/** A change to a brand's metric set that does not apply (already there, not there, the last). */
export class BrandMetricSetError extends AppError {
  constructor(readonly outcome: BrandMetricSetRefusal) {
    super("brand_metric_set", `Brand metric set change refused: ${outcome}`);
    this.name = "BrandMetricSetError";
  }
}

/** An event names metrics that are not in the catalog: a field error on the event form. */
export class UnknownEventMetricError extends ValidationError {
  constructor(readonly keys: readonly string[]) {
    super(
      {
        metrics: `There is no metric ${keys.map((key) => `"${key}"`).join(", ")} in the catalog; nothing was saved.`,
      },
      "Please correct the highlighted fields; nothing was saved.",
    );
    this.name = "UnknownEventMetricError";
  }
}

/** A brand or metric the claim names does not exist. */
export class ClaimReferenceError extends AppError {
  constructor(
    readonly field: "brand" | "metric" | "relativeMetric",
    readonly key: string,
  ) {
    super("unknown_reference", `There is no ${field === "brand" ? "brand" : "metric"} "${key}".`);
    this.name = "ClaimReferenceError";
  }
}

/** The JSON body for an error: the message, the code and any details. */
export function errorBody(error: AppError): Record<string, unknown> {
  return { error: error.message, code: error.code, ...error.details };
}
