/**
 * Limits that more than one module must agree on, each defined once. Pure constants: safe to
 * import from the proxy, next.config.ts, scripts and client code alike.
 */

/** How long a SQLite connection waits for another connection's lock before failing (busy_timeout). */
export const BUSY_TIMEOUT_MS = 5_000;
