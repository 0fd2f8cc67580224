import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SourceLink } from "@/components/SourceLink";
import { currentLocale } from "@/i18n/locale";
import { getTranslations } from "@/i18n/messages";
import { deleteEventAction } from "@/lib/actions/delete-event";
import { requireRole } from "@/lib/auth/current-user";
import { formatEventDate } from "@/lib/domain/events";
import { getEvent } from "@/lib/queries/events";
import { overviewQuery, type SearchParams } from "@/lib/url-state";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("EventDeletePage"))("title") };
}

/** The problems the delete action can send the reader back with (`?problem=`). */
const PROBLEMS = ["conflict", "missing", "forbidden"] as const;

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
  const [problem, t, kinds, locale] = await Promise.all([
    searchParams.then((params) => params.problem),
    getTranslations("EventDeletePage"),
    getTranslations("EventList.kinds"),
    currentLocale(),
  ]);
  const known = PROBLEMS.find((entry) => entry === problem);
  const problemText = known ? t(`problems.${known}`) : undefined;
  const back = `/${overviewQuery({ brand: event.brandSlug })}#event-${uid}`;
  return (
    <section className="narrow">
      <h1>{t("heading", { title: event.title })}</h1>
      {problemText ? (
        <p className="field-error" role="alert">
          {problemText}
        </p>
      ) : null}
      <dl className="event-summary">
        <dt>{t("date")}</dt>
        <dd>{formatEventDate(event.date, locale)}</dd>
        <dt>{t("kind")}</dt>
        <dd>{kinds(event.kind)}</dd>
        <dt>{t("what")}</dt>
        <dd>{event.description}</dd>
        <dt>{t("source")}</dt>
        <dd>
          <SourceLink source={event.source} prefix="" />
        </dd>
      </dl>
      {detail.deleted ? (
        <p>
          <Link href={back}>{t("back")}</Link>
        </p>
      ) : (
        <>
          <p>{t("explain")}</p>
          <form
            action={deleteEventAction.bind(null, uid, event.brandSlug)}
            className="form-actions"
          >
            <input type="hidden" name="revision" value={event.revision} />
            <button type="submit" className="button-danger">
              {t("submit")}
            </button>
            <Link href={back}>{t("keep")}</Link>
          </form>
        </>
      )}
    </section>
  );
}
