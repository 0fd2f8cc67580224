/** Colours shared by the charts; chosen to stay distinguishable for common colour blindness. */
export const CHART_COLORS = {
  value: "#4e79a7",
  valueApproximate: "#a0b8d2",
  yoy: "#e15759",
  /** The change against two years earlier: dashed, in a hue apart from the one-year line. */
  yoy2: "#f28e2b",
  grid: "#e3e6ea",
  axis: "#5b6470",
  event: "#7b5ea7",
  /** Crises and recalls. */
  eventAdverse: "#b03a2e",
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
