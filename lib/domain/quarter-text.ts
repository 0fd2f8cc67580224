/**
 * A quarter as people copy it from the app or a report: "Q4 2025" (how the app displays
 * quarters) is the quarter 2025Q4. Anything else is left as typed, for the strict schema to judge.
 */
const DISPLAYED = /^[Qq]([1-4])\s+(\d{4})$/;

export function normalizeQuarterText(raw: unknown): unknown {
  if (typeof raw !== "string") return raw;
  const match = DISPLAYED.exec(raw.trim());
  return match ? `${match[2]}Q${match[1]}` : raw;
}
