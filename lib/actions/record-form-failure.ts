import { serverTranslator } from "@/i18n/messages";
import "server-only";
import {
  type AppError,
  ClaimReferenceError,
  RecordNotFoundError,
  RevisionConflictError,
  UnknownEventMetricError,
} from "@/lib/errors";

/**
 * The event and claim forms' refusals in the reader's language (messages `RecordFormFailure`):
 * the errors keep their English message for the JSON API, the form says it from their fields.
 */
export async function recordFormWords() {
  return serverTranslator("RecordFormFailure");
}

type RecordFormWords = Awaited<ReturnType<typeof recordFormWords>>;

/** The form-level message of a refused event or claim write. */
export function recordFailureMessage(error: AppError, t: RecordFormWords): string {
  if (error instanceof RecordNotFoundError) return t("notFound", { record: error.record });
  if (error instanceof RevisionConflictError) {
    return t("conflict", {
      record: error.record,
      changedBy: error.changedBy,
      revision: String(error.currentRevision),
    });
  }
  if (error instanceof UnknownEventMetricError) return t("fieldsNeedCorrecting");
  if (error instanceof ClaimReferenceError) {
    return t("unknownReference", {
      entity: error.field === "brand" ? "brand" : "metric",
      key: error.key,
    });
  }
  return error.message;
}
