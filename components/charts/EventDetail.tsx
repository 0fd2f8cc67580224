import { fill } from "@/i18n/fill";
import type { EventMarker } from "@/lib/domain/events";
import type { TrendChartText } from "./TrendChart";

/** Below the trend chart: the events of the marker last focused, hovered or tapped, with sources. */
export function EventDetail({
  marker,
  text,
}: {
  marker: EventMarker | null;
  text: TrendChartText;
}) {
  return (
    <div className="event-detail" aria-live="polite" data-testid="event-detail">
      {marker === null ? (
        <p className="muted">{text.eventsHint}</p>
      ) : (
        <>
          <p className="event-detail__heading">
            {fill(marker.events.length === 1 ? text.eventIn : text.eventsIn, {
              label: marker.label,
            })}
          </p>
          <ul>
            {marker.events.map((event) => (
              <li key={event.uid}>
                <span className="event-detail__date">{event.dateLabel}</span>{" "}
                <span className={`kind-badge kind-badge--${event.kind}`}>
                  {text.kinds[event.kind]}
                </span>{" "}
                <strong>{event.title}</strong>: {event.description}{" "}
                <span className="source">
                  {text.source}
                  {event.sourceUrl ? (
                    <a href={event.sourceUrl} rel="noopener noreferrer nofollow" target="_blank">
                      {event.sourceTitle}
                    </a>
                  ) : (
                    <cite>{event.sourceTitle}</cite>
                  )}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
