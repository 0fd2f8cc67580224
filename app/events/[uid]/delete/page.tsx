import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SourceLink } from "@/components/SourceLink";
import { deleteEventAction } from "@/lib/actions/delete-event";
import { requireRole } from "@/lib/auth/current-user";
import { EVENT_KIND_LABELS, formatEventDate } from "@/lib/domain/events";
import { getEvent } from "@/lib/queries/events";
import { overviewQuery, type SearchParams } from "@/lib/url-state";

export const metadata: Metadata = { title: "Delete an event" };

const PROBLEMS: Record<string, string> = {
  conflict:
    "Someone changed this event after you opened this page, so it was not deleted. Check the current version below and confirm again if you still want to delete it.",
  missing: "This event is already deleted.",
  forbidden: "Your role does not allow deleting events; nothing was deleted.",
};

export default async function DeleteEventPage({
  params,
  searchParams,
}: {
  params: Promise<{ uid: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { uid } = await params;
  const self = `/events/${encodeURIComponent(uid)}/delete`;
  await requireRole("editor", self);
  const detail = await getEvent(uid);
  if (!detail) notFound();
  const { event } = detail;
  const problem = (await searchParams).problem;
  const problemText = typeof problem === "string" ? PROBLEMS[problem] : undefined;
  const back = `/${overviewQuery({ brand: event.brandSlug })}#event-${uid}`;
  return (
    <section className="narrow">
      <h1>Delete “{event.title}”?</h1>
      {problemText ? (
        <p className="field-error" role="alert">
          {problemText}
        </p>
      ) : null}
      <dl className="event-summary">
        <dt>Date</dt>
        <dd>{formatEventDate(event.date)}</dd>
        <dt>Kind</dt>
        <dd>{EVENT_KIND_LABELS[event.kind]}</dd>
        <dt>What happened</dt>
        <dd>{event.description}</dd>
        <dt>Source</dt>
        <dd>
          <SourceLink source={event.source} prefix="" />
        </dd>
      </dl>
      {detail.deleted ? (
        <p>
          <Link href={back}>Back to the overview</Link>
        </p>
      ) : (
        <>
          <p>
            The event leaves the timeline and the charts. Its revisions stay in the history and the
            audit log, and it can be restored from its edit page.
          </p>
          <form
            action={deleteEventAction.bind(null, uid, event.brandSlug)}
            className="form-actions"
          >
            <input type="hidden" name="revision" value={event.revision} />
            <button type="submit" className="button-danger">
              Delete event
            </button>
            <Link href={back}>Keep it</Link>
          </form>
        </>
      )}
    </section>
  );
}
