/** Why an event write was refused, in words the form can show. */
export class EventNotFoundError extends Error {
  constructor(readonly uid: string) {
    super("This event does not exist (or was deleted).");
    this.name = "EventNotFoundError";
  }
}

export class EventConflictError extends Error {
  constructor(
    readonly uid: string,
    readonly currentRevision: number,
    readonly changedBy: string,
  ) {
    super(
      `Someone else (${changedBy}) changed this event while you were editing it: it is now at revision ${currentRevision}. Reload the page to see their version; nothing was saved.`,
    );
    this.name = "EventConflictError";
  }
}

export class UnknownEventMetricError extends Error {
  constructor(readonly keys: readonly string[]) {
    super(
      `There is no metric ${keys.map((key) => `"${key}"`).join(", ")} in the catalog; nothing was saved.`,
    );
    this.name = "UnknownEventMetricError";
  }
}

export class UnknownBrandError extends Error {
  constructor(readonly slug: string) {
    super(`There is no brand "${slug}".`);
    this.name = "UnknownBrandError";
  }
}
