"use client";

/**
 * An event's edit link on the timeline. A client component so that the RSC payload carries the
 * event's uid and title once, not the link's markup per event (issue 12: the overview's timeline
 * lists every event of the brand). Server-rendered like any other, so it works without JS.
 */
export function EventEditLink({
  uid,
  title,
  label,
}: {
  uid: string;
  title: string;
  label: string;
}) {
  return (
    <p className="event-item__actions">
      <a href={`/events/${encodeURIComponent(uid)}/edit`}>
        {label}
        <span className="visually-hidden"> “{title}”</span>
      </a>
    </p>
  );
}
