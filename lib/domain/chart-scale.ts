/**
 * Axis arithmetic for the charts drawn on the server (the overview's small multiples): round
 * tick steps (1, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten) covering the data and always
 * including zero, so bars start at zero and a change line shows where growth turns to decline.
 */

const STEP_MULTIPLES = [1, 2, 2.5, 3, 4, 5, 6, 8, 10];

export interface LinearScale {
  min: number;
  max: number;
  ticks: number[];
  /** Position of a value from 0 (the scale's min) to 1 (its max). */
  fraction: (value: number) => number;
}

function niceStep(span: number, targetTicks: number): number {
  const raw = span / Math.max(targetTicks - 1, 1);
  const power = 10 ** Math.floor(Math.log10(raw));
  const multiple = STEP_MULTIPLES.find((candidate) => candidate * power >= raw) ?? 10;
  return multiple * power;
}

/** A scale over the values (nulls ignored), widened to include zero, with about `targetTicks` ticks. */
export function linearScale(values: readonly (number | null)[], targetTicks = 5): LinearScale {
  const present = values.filter(
    (value): value is number => value !== null && Number.isFinite(value),
  );
  let low = Math.min(0, ...present);
  let high = Math.max(0, ...present);
  if (low === high) high = low + 1;
  const step = niceStep(high - low, targetTicks);
  low = Math.floor(low / step) * step;
  high = Math.ceil(high / step) * step;
  const ticks: number[] = [];
  // Counting steps instead of adding them keeps ticks free of floating-point drift.
  const count = Math.round((high - low) / step);
  for (let index = 0; index <= count; index++) {
    const tick = low + index * step;
    ticks.push(Math.abs(tick) < step / 1e6 ? 0 : Number(tick.toPrecision(12)));
  }
  return { min: low, max: high, ticks, fraction: (value) => (value - low) / (high - low) };
}
