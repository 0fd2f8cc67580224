import { EVENT_KIND_LABELS, type EventMarker } from "@/lib/domain/events";

/** Below the trend chart: the events of the marker last focused, hovered or tapped, with sources. */
export function EventDetail({ marker }: { marker: EventMarker | null }) {
  return (
    <div className="event-detail" aria-live="polite" data-testid="event-detail">
      {marker === null ? (
        <p className="muted">
          Numbered dots on the chart are events: tap or click one, or reach it with Tab, to read its
          date, what happened and the source.
        </p>
      ) : (
        <>
          <p className="event-detail__heading">
            {marker.events.length === 1 ? "Event" : "Events"} in {marker.label}
          </p>
          <ul>
            {marker.events.map((event) => (
              <li key={event.uid}>
                <span className="event-detail__date">{event.dateLabel}</span>{" "}
                <span className={`kind-badge kind-badge--${event.kind}`}>
                  {EVENT_KIND_LABELS[event.kind]}
                </span>{" "}
                <strong>{event.title}</strong>: {event.description}{" "}
                <span className="source">
                  Source:{" "}
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
