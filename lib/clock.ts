/**
 * "Now" for what the app shows as of today (the stale-data signal, the quarter form's default
 * quarter and date checks). The real clock, unless $PULSE_CLOCK names an instant (ISO 8601):
 * the browser tests fix it so that what they read does not change with the day they run.
 */
export const CLOCK_ENV = "PULSE_CLOCK";

export function now(env: Record<string, string | undefined> = process.env): Date {
  const fixed = env[CLOCK_ENV];
  if (fixed) {
    const instant = new Date(fixed);
    if (Number.isNaN(instant.getTime())) {
      throw new RangeError(`${CLOCK_ENV} must be an ISO 8601 instant, not "${fixed}"`);
    }
    return instant;
  }
  return new Date();
}
