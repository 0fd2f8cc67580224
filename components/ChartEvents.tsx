import { useTranslations } from "@/i18n/messages";
import { useCurrentLocale } from "@/i18n/use-locale";
import { type QuarterCode, quarterLabel } from "@/lib/domain/quarter";
import type { EventDTO } from "@/lib/domain/types";
import { EventList } from "./EventList";

/**
 * The events beside a chart: those it marks, and those outside its span said out loud (an event
 * after the last reported quarter, like the January 2026 backlash, cannot be a marker yet).
 */
export function ChartEvents({
  within,
  after,
  before,
  lastLabel,
  firstLabel,
  editable,
  timelineHref,
}: {
  within: readonly EventDTO[];
  after: readonly EventDTO[];
  before: readonly EventDTO[];
  lastLabel: string;
  firstLabel: string;
  editable: boolean;
  /** The brand's overview, whose timeline has every event in full: the folded lists link there. */
  timelineHref: string;
}) {
  const t = useTranslations("ChartEvents");
  return (
    <div className="chart-events">
      {after.length > 0 ? (
        <div className="later-events" data-testid="later-events">
          <h3>{t("after", { last: lastLabel })}</h3>
          <EventList events={after} editable={editable} />
        </div>
      ) : null}
      {within.length > 0 ? (
        <details>
          <summary>{t("within", { count: within.length })}</summary>
          <p className="section-note">{t("compactNote")}</p>
          <EventList events={within} testId="chart-event-list" timelineHref={timelineHref} />
        </details>
      ) : null}
      {before.length > 0 ? (
        <details>
          <summary>{t("before", { count: before.length, first: firstLabel })}</summary>
          <EventList events={before} timelineHref={timelineHref} />
        </details>
      ) : null}
    </div>
  );
}

/** A one-line note under a small chart: how many events fall after its last quarter. */
export function LaterEventsNote({
  events,
  last,
}: {
  events: readonly EventDTO[];
  last: QuarterCode;
}) {
  const t = useTranslations("ChartEvents");
  const locale = useCurrentLocale();
  if (events.length === 0) return null;
  const named = events
    .slice(0, 2)
    .map((event) => event.title)
    .join(locale === "zh" ? "；" : "; ");
  return (
    <p className="later-note">
      {t("laterNote", {
        last: quarterLabel(last, locale),
        named,
        more: Math.max(events.length - 2, 0),
      })}
    </p>
  );
}
