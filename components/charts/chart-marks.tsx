import { fill } from "@/i18n/fill";
import { formatAxisNumber } from "@/lib/domain/format";
import { CHART_COLORS } from "./chart-theme";

/** What Recharts hands a ReferenceLine's custom shape. */
export interface LineShapeProps {
  x1?: number;
  y1?: number;
  x2?: number;
  y2?: number;
}

/** A point of a value line: filled when exact, hollow when the source gives an approximation. */
export function ValueDot({
  cx,
  cy,
  approximate,
}: {
  cx?: number;
  cy?: number;
  approximate: boolean;
}) {
  if (cx === undefined || cy === undefined || !Number.isFinite(cy)) return <g />;
  return (
    <circle
      cx={cx}
      cy={cy}
      r={4}
      fill={approximate ? CHART_COLORS.background : CHART_COLORS.value}
      stroke={CHART_COLORS.value}
      strokeWidth={2}
      strokeDasharray={approximate ? "2 2" : undefined}
      data-approximate={approximate ? "true" : undefined}
    />
  );
}

/**
 * The change axis's zero, solid so that growth and decline read apart. Beside a single change
 * line it takes that line's colour (its axis); among several series' colours (the compare
 * chart) the axis colour, so that it is not taken for a series. Both stand out at least 4.8:1
 * against the paper in either theme.
 */
export function ZeroLine({
  tone = "change",
  ...props
}: LineShapeProps & { tone?: "change" | "axis" }) {
  if (props.x1 === undefined || props.y1 === undefined) return <g />;
  return (
    <line
      data-testid="zero-line"
      x1={props.x1}
      x2={props.x2}
      y1={props.y1}
      y2={props.y2}
      stroke={tone === "axis" ? CHART_COLORS.axis : CHART_COLORS.yoy}
      strokeWidth={1.25}
    />
  );
}

/** Where a value axis that does not start at zero starts, said in words on the chart. */
export function BaselineMark({
  cutAt,
  unit,
  template,
  ...props
}: LineShapeProps & { cutAt: number; unit: string; template: string }) {
  if (props.x1 === undefined || props.y1 === undefined) return <g />;
  return (
    <g data-testid="baseline-mark">
      <line
        x1={props.x1}
        x2={props.x2}
        y1={props.y1}
        y2={props.y2}
        stroke={CHART_COLORS.axis}
        strokeWidth={1.5}
        strokeDasharray="8 3 2 3"
      />
      <text x={(props.x1 ?? 0) + 6} y={(props.y1 ?? 0) - 6} fontSize={11} fill={CHART_COLORS.axis}>
        {fill(template, {
          value: `${formatAxisNumber(cutAt)}${unit === "%" ? "%" : ` ${unit}`}`,
        })}
      </text>
    </g>
  );
}
