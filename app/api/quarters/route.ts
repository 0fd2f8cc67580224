import { apiJson, methodNotAllowed } from "@/lib/api/http";
import { writeRoute } from "@/lib/auth/write";
import { now } from "@/lib/clock";
import { untrackedMetricMessage } from "@/lib/domain/brand-metrics";
import { describeConfirmation } from "@/lib/domain/confirmation-text";
import { unchangedFigureMessage } from "@/lib/domain/figure-change";
import { quarterLabel } from "@/lib/domain/quarter";
import { parseQuarterApiBody } from "@/lib/domain/quarter-api-input";
import {
  AppError,
  ConfirmationRequiredError,
  MetricNotTrackedError,
  UnchangedFigureError,
  UnknownReferenceError,
  ValidationError,
} from "@/lib/errors";
import { createQuarterFigures, type SavedQuarter } from "@/lib/mutations/create-quarter-figures";
import { listMetrics } from "@/lib/queries/metrics";

export const dynamic = "force-dynamic";

export const GET = methodNotAllowed("POST");
export const PUT = methodNotAllowed("POST");
export const PATCH = methodNotAllowed("POST");
export const DELETE = methodNotAllowed("POST");

/** A quarter's figures and their source fit in a few kilobytes; this leaves room for notes. */
const QUARTER_BODY_LIMIT_BYTES = 64 * 1024;

/**
 * `POST /api/quarters`: the quarter form as JSON (see lib/domain/quarter-api-input.ts and the
 * README). The same checks, the same confirmation round (409 with what to confirm, then the
 * same request with `confirm`), the same mutation and cache expiry as the form's action.
 */
export const POST = writeRoute(
  {
    role: "editor",
    body: { type: "application/json", maxBytes: QUARTER_BODY_LIMIT_BYTES },
    revalidate: true,
  },
  async ({ body, actor }) => {
    const metrics = await listMetrics();
    const parsed = parseQuarterApiBody(body, metrics, now());
    if (!parsed.ok) {
      // A body that is not an object at all has no fields to name.
      const whole = parsed.fieldErrors.body;
      if (whole !== undefined) throw new AppError("invalid_input", `${whole} Nothing was saved.`);
      throw new ValidationError(parsed.fieldErrors);
    }
    let saved: SavedQuarter;
    try {
      saved = await createQuarterFigures({
        ...parsed.input,
        actor,
        confirmedTokens: parsed.confirmedTokens,
      });
    } catch (error) {
      if (error instanceof ConfirmationRequiredError) {
        const metricByKey = new Map(metrics.map((metric) => [metric.key, metric]));
        const confirmed = new Set(parsed.confirmedTokens);
        throw new AppError(
          "confirmation_required",
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
      const label = (key: string) => metrics.find((metric) => metric.key === key)?.label ?? key;
      if (error instanceof MetricNotTrackedError) {
        throw new AppError("metric_not_tracked", undefined, {
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
        });
      }
      if (error instanceof UnchangedFigureError) {
        throw new AppError("unchanged", undefined, {
          fieldErrors: Object.fromEntries(
            error.metricKeys.map((key) => [
              `values.${key}`,
              unchangedFigureMessage(label(key), quarterLabel(parsed.input.quarter)),
            ]),
          ),
        });
      }
      if (error instanceof UnknownReferenceError) {
        const field = error.entity === "brand" ? "brand" : `values.${error.key}`;
        throw new ValidationError({
          [field]: `There is no ${error.entity} "${error.key}" in the catalog.`,
        });
      }
      throw error;
    }
    return apiJson(201, {
      brand: saved.brand,
      quarter: saved.quarter,
      savedAt: new Date(saved.savedAt).toISOString(),
      savedBy: actor.name,
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
  },
);
