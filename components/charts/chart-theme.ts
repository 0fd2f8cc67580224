import type { MetricKind } from "@/lib/domain/types";

/**
 * Colours shared by the charts; chosen to stay distinguishable for common colour blindness. Each
 * is a custom property of app/globals.css (SVG presentation attributes take var()), so a chart
 * follows the light or dark theme without re-rendering.
 */
export const CHART_COLORS = {
  value: "var(--chart-value)",
  valueApproximate: "var(--chart-value-approximate)",
  yoy: "var(--chart-yoy)",
  /** The change against two years earlier: dashed, in a hue apart from the one-year line. */
  yoy2: "var(--chart-yoy2)",
  grid: "var(--chart-grid)",
  axis: "var(--chart-axis)",
  event: "var(--chart-event)",
  /** Crises and recalls. */
  eventAdverse: "var(--chart-event-adverse)",
  /** The inside of hollow (approximate) bars and points, and rings around markers. */
  background: "var(--paper)",
} as const;

export const YEAR_COLORS = [
  "#4e79a7",
  "#f28e2b",
  "#59a14f",
  "#e15759",
  "#76b7b2",
  "#edc948",
  "#b07aa1",
  "#9c755f",
];

/** The quarterly x axis of the large charts: slanted labels, thinned where they would collide. */
export const QUARTER_X_AXIS = {
  dataKey: "label",
  tick: { fontSize: 11, fill: CHART_COLORS.axis },
  interval: "preserveStartEnd",
  minTickGap: 4,
  angle: -35,
  textAnchor: "end",
  height: 52,
} as const;

/** What a chart says of its metric: its name, unit and kind (changes of a ratio are in points). */
export interface ChartMetric {
  label: string;
  unit: string;
  kind: MetricKind;
}
