/** Why a claim write was refused, in words the form can show. */
export class ClaimNotFoundError extends Error {
  constructor(readonly uid: string) {
    super("This claim does not exist.");
    this.name = "ClaimNotFoundError";
  }
}

export class ClaimConflictError extends Error {
  constructor(
    readonly uid: string,
    readonly currentRevision: number,
    readonly changedBy: string,
  ) {
    super(
      `Someone else (${changedBy}) changed this claim while you were editing it: it is now at revision ${currentRevision}. Reload the page to see their version; nothing was saved.`,
    );
    this.name = "ClaimConflictError";
  }
}

/** A brand or metric the claim names does not exist. */
export class ClaimReferenceError extends Error {
  constructor(
    readonly field: "brand" | "metric" | "relativeMetric",
    readonly key: string,
  ) {
    super(`There is no ${field === "brand" ? "brand" : "metric"} "${key}".`);
    this.name = "ClaimReferenceError";
  }
}
