import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EventForm } from "@/components/EventForm";
import { SourceLink } from "@/components/SourceLink";
import { updateEventAction } from "@/lib/actions/update-event";
import { requireRole } from "@/lib/auth/current-user";
import type { EventField } from "@/lib/domain/event-input";
import { EVENT_KIND_LABELS, formatEventDate } from "@/lib/domain/events";
import { getBrand } from "@/lib/queries/brands";
import { getEvent } from "@/lib/queries/events";
import { listMetrics } from "@/lib/queries/metrics";
import { overviewQuery } from "@/lib/url-state";

export const metadata: Metadata = { title: "Edit an event" };

export default async function EditEventPage({ params }: { params: Promise<{ uid: string }> }) {
  const { uid } = await params;
  const self = `/events/${encodeURIComponent(uid)}/edit`;
  await requireRole("editor", self);
  const detail = await getEvent(uid);
  if (!detail) notFound();
  const { event } = detail;
  const [brand, metrics] = await Promise.all([getBrand(event.brandSlug), listMetrics()]);
  if (!brand) notFound();
  const initial: Record<EventField, string> = {
    date: event.date,
    kind: event.kind,
    title: event.title,
    description: event.description,
    sourceTitle: event.source.title,
    sourceUrl: event.source.url ?? "",
    sourcePublishedOn: event.source.publishedOn ?? "",
    quote: event.quote ?? "",
    metrics: (event.metricKeys ?? []).join(","),
  };
  return (
    <section className="narrow">
      <h1>
        {detail.deleted ? "Restore" : "Edit"} “{event.title}” ({brand.name})
      </h1>
      {detail.deleted ? (
        <p className="notice notice--info">
          This event was deleted. Saving the form restores it as a new revision.
        </p>
      ) : (
        <p className="lede">
          Saving adds a revision; the current one stays in the history below.{" "}
          <Link href={`/events/${encodeURIComponent(uid)}/delete`}>Delete this event</Link>
        </p>
      )}
      <EventForm
        action={updateEventAction.bind(null, uid, brand.slug)}
        initial={initial}
        revision={event.revision}
        submitLabel={detail.deleted ? "Restore event" : "Save changes"}
        metrics={metrics}
        cancelHref={`/${overviewQuery({ brand: brand.slug })}#event-${uid}`}
      />
      <h2>History</h2>
      <ol className="history" data-testid="event-history">
        {detail.history.map((revision) => (
          <li key={revision.revision}>
            Revision {revision.revision} by {revision.createdBy}, {revision.createdAt.slice(0, 10)}
            {revision.deleted ? (
              ": deleted"
            ) : (
              <>
                : {formatEventDate(revision.date)}, {EVENT_KIND_LABELS[revision.kind]}, “
                {revision.title}” (<SourceLink source={revision.source} prefix="" />)
              </>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
