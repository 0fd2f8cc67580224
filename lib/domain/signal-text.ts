/** The pieces of a finding's text shared by the rules: values, changes, points, restatements. */
import { formatChangeHeadline, formatNumber, formatValue, roundTo } from "./format";
import type { Change } from "./kpi";
import { quarterLabel } from "./quarter";
import type { PointRow } from "./series-view";
import { SIGNAL_RULES, type SignalNumber, type SignalRuleName } from "./signal-rules";
import type { MetricDTO } from "./types";

export function rule(name: SignalRuleName) {
  return {
    rule: name,
    ruleName: SIGNAL_RULES[name].name,
    explanation: SIGNAL_RULES[name].explanation,
  };
}

export function valueText(metric: MetricDTO, row: PointRow): string {
  return formatValue(row.point.value, metric.unit, row.point.decimals, row.point.qualifier);
}

export function changeText(delta: Change): string {
  return formatChangeHeadline(delta);
}

export function restatementNote(metric: MetricDTO, row: PointRow): SignalNumber[] {
  const earlier = row.point.history.at(-1);
  if (!earlier) return [];
  const was =
    earlier.value === null
      ? "withdrawn"
      : formatValue(earlier.value, metric.unit, earlier.decimals, earlier.qualifier);
  return [
    {
      label: "Restated",
      value: `${quarterLabel(row.point.quarter)} figure restated (was ${was}); the current figure is used`,
    },
  ];
}

export function pp(value: number): string {
  const rounded = roundTo(value, 1);
  return `${rounded > 0 ? "+" : rounded < 0 ? "-" : ""}${formatNumber(Math.abs(rounded), 1)} pp`;
}

export function lowerFirst(text: string): string {
  return text.length > 1 && text[1] === text[1]?.toLowerCase()
    ? `${text[0]?.toLowerCase()}${text.slice(1)}`
    : text;
}
