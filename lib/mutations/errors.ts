/**
 * The typed errors writes throw for outcomes the caller shows to the user (as opposed to bugs,
 * which stay plain errors and end as a 500).
 */
import type { Confirmation } from "@/lib/domain/confirmations";

/** The submission replaces stored figures or changes them extremely, and that was not confirmed. */
export class ConfirmationRequiredError extends Error {
  constructor(readonly confirmations: Confirmation[]) {
    super(`${confirmations.length} change(s) need confirmation before saving`);
    this.name = "ConfirmationRequiredError";
  }
}

/** Another write to the same figures won a race several times over; nothing was written. */
export class WriteConflictError extends Error {
  constructor(cause: unknown) {
    super("Another editor was saving the same figures at the same moment", { cause });
    this.name = "WriteConflictError";
  }
}

/** A brand or metric named in the input does not exist. */
export class UnknownReferenceError extends Error {
  constructor(
    readonly entity: "brand" | "metric",
    readonly key: string,
  ) {
    super(`Unknown ${entity}: ${key}`);
    this.name = "UnknownReferenceError";
  }
}

/** The figure to change is not the one the editor saw: it changed or was removed meanwhile. */
export class StaleFigureError extends Error {
  constructor(
    readonly expectedRevision: number,
    readonly currentRevision: number | null,
  ) {
    super(
      `The figure is at revision ${currentRevision ?? "none"}, not ${expectedRevision} as expected`,
    );
    this.name = "StaleFigureError";
  }
}

/** Figures that are stored already exactly as submitted (value, qualifier, source): nothing to save. */
export class UnchangedFigureError extends Error {
  constructor(
    readonly quarter: string,
    readonly metricKeys: string[],
  ) {
    super(`Nothing would change: ${metricKeys.join(", ")} for ${quarter} are stored as submitted`);
    this.name = "UnchangedFigureError";
  }
}

/** Figures for metrics outside the brand's own set (BrandMetric); nothing was written. */
export class MetricNotTrackedError extends Error {
  constructor(
    readonly brand: { slug: string; name: string },
    readonly metricKeys: string[],
    /** The keys the brand does track, in its order. */
    readonly tracked: string[],
  ) {
    super(`${brand.name} does not track ${metricKeys.join(", ")}`);
    this.name = "MetricNotTrackedError";
  }
}
