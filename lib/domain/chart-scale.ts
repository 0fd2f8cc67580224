/**
 * Axis arithmetic shared by every chart: round tick steps (1, 2, 2.5, 3, 4, 5, 6 or 8 times a
 * power of ten) covering the data. Two rules keep a chart from misleading:
 * - a change axis (YoY, QoQ, in % or pp) always includes zero, so a decline never looks like a
 *   climb just because the axis runs from -2.5 to -0.5;
 * - a value axis starts at zero for flows and stocks (drawn as bars, whose length is the value),
 *   but not for ratios: a margin moving from 12.4% to 11.1% is drawn as a line on an axis cut to
 *   the data, and the chart says the axis does not start at zero (`valueAxis`).
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

/**
 * A scale over the values (nulls ignored) with about `targetTicks` ticks, widened to include zero
 * unless `includeZero` is false.
 */
export function linearScale(
  values: readonly (number | null)[],
  targetTicks = 5,
  { includeZero = true }: { includeZero?: boolean } = {},
): LinearScale {
  const present = values.filter(
    (value): value is number => value !== null && Number.isFinite(value),
  );
  const anchor = includeZero || present.length === 0 ? [0] : [];
  let low = Math.min(...anchor, ...present);
  let high = Math.max(...anchor, ...present);
  if (low === high && low === 0) high = 1;
  else if (low === high) {
    // A single value on an axis cut to the data: a band around it.
    const pad = Math.max(Math.abs(low) * 0.05, 0.5);
    low -= pad;
    high += pad;
  }
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

export interface ValueAxis {
  scale: LinearScale;
  /** How the values are drawn: bars from zero, or a line on an axis cut to the data. */
  mark: "bars" | "line";
  /** The axis's lowest value when it is not zero: the chart must say so. */
  cutAt: number | null;
}

/**
 * The value axis of a metric's chart. Ratios (margins, shares) are drawn as a line on an axis
 * that need not start at zero, because their movement, a point or two, is what matters and a
 * bar from zero would flatten it; a bar's length must be the value, so flows and stocks stay
 * bars from zero. A ratio whose values cross zero keeps zero on the axis anyway.
 */
export function valueAxis(
  kind: "flow" | "stock" | "ratio",
  values: readonly (number | null)[],
  targetTicks = 5,
): ValueAxis {
  if (kind !== "ratio")
    return { scale: linearScale(values, targetTicks), mark: "bars", cutAt: null };
  const allPositive = values.every((value) => value === null || value > 0);
  const scale = linearScale(values, targetTicks, { includeZero: !allPositive });
  return { scale, mark: "line", cutAt: scale.min > 0 ? scale.min : null };
}

/** A change axis (YoY or QoQ, % or pp): always includes zero, which the chart draws as a line. */
export function changeAxis(values: readonly (number | null)[], targetTicks = 5): LinearScale {
  return linearScale(values, targetTicks);
}
