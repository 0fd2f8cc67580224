import Link from "next/link";
import { useTranslations } from "next-intl";
import { useCurrentLocale } from "@/i18n/use-locale";
import { formatEventDate } from "@/lib/domain/events";
import { quarterLabel } from "@/lib/domain/quarter";
import type { EventDTO } from "@/lib/domain/types";
import { SourceLink } from "./SourceLink";

/**
 * Events as a list: the readable, copyable counterpart of the chart markers, and the timeline.
 * Each item has an anchor (`#event-<uid>`) so that a saved event can be linked to.
 */
export function EventList({
  events,
  editable = false,
  testId,
}: {
  events: readonly EventDTO[];
  /**
   * An edit link, for a signed-in editor; the edit page links to the deletion (one link per event,
   * not two: the overview's timeline lists every event of the brand, issue 12).
   */
  editable?: boolean;
  testId?: string;
}) {
  const t = useTranslations("EventList");
  const locale = useCurrentLocale();
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
              <p className="event-item__actions">
                <Link href={`/events/${event.uid}/edit`}>
                  {t("edit")}
                  <span className="visually-hidden"> “{event.title}”</span>
                </Link>
              </p>
            ) : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
