import type { FocusEvent, KeyboardEvent } from "react";
import {
  type EventMarker,
  type EventWords,
  isAdverse,
  markerDescription,
} from "@/lib/domain/events";
import { CHART_COLORS } from "./chart-theme";

interface MarkerShapeProps {
  x1?: number;
  y1?: number;
  x2?: number;
  y2?: number;
  marker: EventMarker;
  /** The words of its accessible name, in the page's language. */
  words: EventWords;
  active: boolean;
  onActivate: (label: string | null) => void;
}

/**
 * An event marker: a dashed line through the quarter and a numbered dot above it. The dot is a
 * focusable button whose name carries every event's date, title, line and
 * source, and focusing or hovering it shows the same below the chart.
 */
export function EventMarkerShape({
  x1,
  y1,
  y2,
  marker,
  words,
  active,
  onActivate,
}: MarkerShapeProps) {
  if (x1 === undefined || y1 === undefined || y2 === undefined) return null;
  const radius = 9;
  // The dot sits inside the plot, just below its top edge: above it, the legend would cover it.
  const top = Math.min(y1, y2) + radius + 1;
  const bottom = Math.max(y1, y2);
  const adverse = marker.events.some((event) => isAdverse(event.kind));
  const color = adverse ? CHART_COLORS.eventAdverse : CHART_COLORS.event;
  // The chart's own keyboard layer listens on the same tree; a marker's focus and keys are its own.
  const onKeyDown = (event: KeyboardEvent<SVGGElement>) => {
    event.stopPropagation();
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      onActivate(marker.label);
    } else if (event.key === "Escape") onActivate(null);
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: inside an SVG there is no <button>; role, name and keys make the <g> one.
    <g
      className={`event-marker${active ? " event-marker--active" : ""}`}
      data-quarter={marker.label}
      data-testid="event-marker"
      tabIndex={0}
      role="button"
      aria-label={markerDescription(marker, words)}
      aria-pressed={active}
      onFocus={(event: FocusEvent<SVGGElement>) => {
        event.stopPropagation();
        onActivate(marker.label);
      }}
      onMouseEnter={() => onActivate(marker.label)}
      onClick={() => onActivate(marker.label)}
      onKeyDown={onKeyDown}
    >
      <line
        x1={x1}
        x2={x1}
        y1={top + radius}
        y2={bottom}
        stroke={color}
        strokeWidth={active ? 2 : 1.25}
        strokeDasharray="4 3"
      />
      <circle
        cx={x1}
        cy={top}
        r={radius}
        fill={color}
        stroke={CHART_COLORS.background}
        strokeWidth={1.5}
      />
      <text
        x={x1}
        y={top}
        dy="0.35em"
        textAnchor="middle"
        fontSize={11}
        fontWeight={700}
        fill={CHART_COLORS.background}
        pointerEvents="none"
      >
        {marker.events.length}
      </text>
    </g>
  );
}
