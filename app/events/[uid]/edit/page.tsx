import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { eventFormWords } from "@/app/_claims/form-words";
import { EventForm } from "@/components/EventForm";
import { SourceLink } from "@/components/SourceLink";
import { currentLocale } from "@/i18n/locale";
import { getTranslations } from "@/i18n/messages";
import { updateEventAction } from "@/lib/actions/update-event";
import { requireRole } from "@/lib/auth/current-user";
import type { EventField } from "@/lib/domain/event-input";
import { formatEventDate } from "@/lib/domain/events";
import { localizeMetric } from "@/lib/domain/metric-locale";
import { getBrand } from "@/lib/queries/brands";
import { getEvent } from "@/lib/queries/events";
import { listMetrics } from "@/lib/queries/metrics";
import { overviewQuery } from "@/lib/url-state";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("EventEditPage"))("title") };
}

export default async function EditEventPage({ params }: { params: Promise<{ uid: string }> }) {
  const { uid } = await params;
  const self = `/events/${encodeURIComponent(uid)}/edit`;
  await requireRole("editor", self);
  const detail = await getEvent(uid);
  if (!detail) notFound();
  const { event } = detail;
  const [brand, metrics, t, kinds, words, locale] = await Promise.all([
    getBrand(event.brandSlug),
    listMetrics(),
    getTranslations("EventEditPage"),
    getTranslations("EventList.kinds"),
    eventFormWords(),
    currentLocale(),
  ]);
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
        {t(detail.deleted ? "restoreHeading" : "editHeading", {
          title: event.title,
          brand: brand.name,
        })}
      </h1>
      {detail.deleted ? (
        <p className="notice notice--info">{t("deletedNotice")}</p>
      ) : (
        <p className="lede">
          {t("lede")} <Link href={`/events/${encodeURIComponent(uid)}/delete`}>{t("delete")}</Link>
        </p>
      )}
      <EventForm
        action={updateEventAction.bind(null, uid, brand.slug)}
        initial={initial}
        revision={event.revision}
        submitLabel={detail.deleted ? t("restore") : t("save")}
        metrics={metrics.map((metric) => localizeMetric(metric, locale))}
        words={words}
        cancelHref={`/${overviewQuery({ brand: brand.slug })}#event-${uid}`}
      />
      <h2>{t("history")}</h2>
      <ol className="history" data-testid="event-history">
        {detail.history.map((revision) => (
          <li key={revision.revision}>
            {t("revision", {
              revision: revision.revision,
              name: revision.createdBy,
              date: revision.createdAt.slice(0, 10),
            })}
            {revision.deleted ? (
              t("deleted")
            ) : (
              <>
                : {formatEventDate(revision.date, locale)}, {kinds(revision.kind)}, “
                {revision.title}” (<SourceLink source={revision.source} prefix="" />)
              </>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
