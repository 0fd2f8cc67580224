import { revalidatePath } from "next/cache";
import { apiEditorSession } from "@/lib/api/editor-session";
import {
  apiError,
  apiJson,
  crossOriginRefusal,
  methodNotAllowed,
  readJsonBody,
} from "@/lib/api/http";
import { untrackedMetricMessage } from "@/lib/domain/brand-metrics";
import { describeConfirmation } from "@/lib/domain/confirmation-text";
import { unchangedFigureMessage } from "@/lib/domain/figure-change";
import { quarterLabel } from "@/lib/domain/quarter";
import { parseQuarterApiBody } from "@/lib/domain/quarter-api-input";
import { createQuarterFigures, type SavedQuarter } from "@/lib/mutations/create-quarter-figures";
import {
  ConfirmationRequiredError,
  MetricNotTrackedError,
  UnchangedFigureError,
  UnknownReferenceError,
  WriteConflictError,
} from "@/lib/mutations/errors";
import { listMetrics } from "@/lib/queries/metrics";

export const dynamic = "force-dynamic";

export const GET = methodNotAllowed("POST");
export const PUT = methodNotAllowed("POST");
export const PATCH = methodNotAllowed("POST");
export const DELETE = methodNotAllowed("POST");

/** A quarter's figures and their source fit in a few kilobytes; this leaves room for notes. */
const QUARTER_BODY_LIMIT_BYTES = 64 * 1024;

function fieldCount(errors: Record<string, string>): string {
  const count = Object.keys(errors).length;
  return `${count} ${count === 1 ? "field needs" : "fields need"} correcting`;
}

/**
 * `POST /api/quarters`: the quarter form as JSON (see lib/domain/quarter-api-input.ts and the
 * README). The same checks, the same confirmation round (409 with what to confirm, then the
 * same request with `confirm`), the same mutation and cache expiry as the form's action.
 */
export async function POST(request: Request): Promise<Response> {
  const refused = crossOriginRefusal(request);
  if (refused) return refused;
  const session = await apiEditorSession();
  if (session instanceof Response) return session;
  const body = await readJsonBody(request, QUARTER_BODY_LIMIT_BYTES);
  if (!body.ok) return body.response;

  const metrics = await listMetrics();
  const parsed = parseQuarterApiBody(body.value, metrics);
  if (!parsed.ok) {
    // A body that is not an object at all has no fields to name.
    const whole = parsed.fieldErrors.body;
    if (whole !== undefined) return apiError(400, `${whole} Nothing was saved.`);
    return apiError(400, `Nothing was saved: ${fieldCount(parsed.fieldErrors)}.`, {
      fieldErrors: parsed.fieldErrors,
    });
  }

  let saved: SavedQuarter;
  try {
    saved = await createQuarterFigures({
      ...parsed.input,
      actor: session.name,
      confirmedTokens: parsed.confirmedTokens,
    });
  } catch (error) {
    if (error instanceof ConfirmationRequiredError) {
      const metricByKey = new Map(metrics.map((metric) => [metric.key, metric]));
      const confirmed = new Set(parsed.confirmedTokens);
      return apiError(
        409,
        `Nothing was saved: ${error.confirmations.length} change(s) need confirming. Check them, then send the same request with their tokens in "confirm".`,
        {
          confirmations: error.confirmations.map((item) => ({
            ...item,
            confirmed: confirmed.has(item.token),
            message: describeConfirmation(item, metricByKey.get(item.metricKey)),
          })),
        },
      );
    }
    if (error instanceof MetricNotTrackedError) {
      const label = (key: string) => metrics.find((metric) => metric.key === key)?.label ?? key;
      return apiError(
        400,
        "Nothing was saved: a figure is for a metric the brand does not track.",
        {
          fieldErrors: Object.fromEntries(
            error.metricKeys.map((key) => [
              `values.${key}`,
              untrackedMetricMessage(
                error.brand.name,
                error.brand.slug,
                label(key),
                error.tracked.map(label),
              ),
            ]),
          ),
        },
      );
    }
    if (error instanceof UnchangedFigureError) {
      const label = (key: string) => metrics.find((metric) => metric.key === key)?.label ?? key;
      return apiError(400, "Nothing was saved: it would change no stored figure.", {
        fieldErrors: Object.fromEntries(
          error.metricKeys.map((key) => [
            `values.${key}`,
            unchangedFigureMessage(label(key), quarterLabel(parsed.input.quarter)),
          ]),
        ),
      });
    }
    if (error instanceof WriteConflictError) {
      return apiError(
        409,
        "Another editor was saving figures at the same moment, so nothing was saved. Send the request again: any figure they stored will be listed for you to confirm.",
      );
    }
    if (error instanceof UnknownReferenceError) {
      const field = error.entity === "brand" ? "brand" : `values.${error.key}`;
      return apiError(400, "Nothing was saved: 1 field needs correcting.", {
        fieldErrors: { [field]: `There is no ${error.entity} "${error.key}" in the catalog.` },
      });
    }
    throw error;
  }
  revalidatePath("/", "layout");
  return apiJson(201, {
    brand: saved.brand,
    quarter: saved.quarter,
    savedAt: new Date(saved.savedAt).toISOString(),
    savedBy: session.name,
    figures: saved.figures.map((figure) => ({
      metric: figure.metricKey,
      revision: figure.revision,
      restated: figure.restated,
      change: figure.change,
      ...(parsed.readings[figure.metricKey] !== undefined
        ? { readAs: parsed.readings[figure.metricKey] }
        : {}),
    })),
  });
}
