import { useTranslations } from "@/i18n/messages";
import { useCurrentLocale } from "@/i18n/use-locale";
import { formatEventDate } from "@/lib/domain/events";
import { quarterLabel } from "@/lib/domain/quarter";
import type { EventDTO } from "@/lib/domain/types";
import { EventEditLink } from "./EventEditLink";
import { SourceLink } from "./SourceLink";

/**
 * Events as a list: the readable, copyable counterpart of the chart markers, and the timeline.
 * Each item has an anchor (`#event-<uid>`) so that a saved event can be linked to.
 */
export function EventList({
  events,
  editable = false,
  testId,
  timelineHref,
}: {
  events: readonly EventDTO[];
  /**
   * An edit link, for a signed-in editor; the edit page links to the deletion (one link per event,
   * not two: the overview's timeline lists every event of the brand, issue 12).
   */
  editable?: boolean;
  testId?: string;
  /**
   * Compact items for a list beside a chart: when, kind and title linked to the item on this
   * timeline (the overview's), which has the description, source and edit link. Every event
   * item is about 2 KB of HTML and RSC payload; a metric page over 80 quarters lists 20 (issue 12).
   */
  timelineHref?: string;
}) {
  const t = useTranslations("EventList");
  const locale = useCurrentLocale();
  if (timelineHref !== undefined) {
    return (
      <ol className="event-list event-list--compact" data-testid={testId}>
        {events.map((event) => (
          <li key={event.uid}>
            <time dateTime={event.date}>{formatEventDate(event.date, locale)}</time> (
            {quarterLabel(event.quarter, locale)}){" "}
            <span className={`kind-badge kind-badge--${event.kind}`}>
              {t(`kinds.${event.kind}`)}
            </span>{" "}
            <a href={`${timelineHref}#event-${event.uid}`}>{event.title}</a>
          </li>
        ))}
      </ol>
    );
  }
  return (
    <ol className="event-list" data-testid={testId}>
      {events.map((event) => (
        <li key={event.uid} id={`event-${event.uid}`} className="event-item">
          <div className="event-item__when">
            <time dateTime={event.date}>{formatEventDate(event.date, locale)}</time>
            <span className="event-item__quarter">{quarterLabel(event.quarter, locale)}</span>
          </div>
          <div className="event-item__what">
            <span className={`kind-badge kind-badge--${event.kind}`}>
              {t(`kinds.${event.kind}`)}
            </span>{" "}
            <strong>{event.title}</strong>
            <p className="event-item__line">{event.description}</p>
            <p className="event-item__source">
              <SourceLink source={event.source} />
            </p>
            {editable ? (
              <EventEditLink uid={event.uid} title={event.title} label={t("edit")} />
            ) : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
