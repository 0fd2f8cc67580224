import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { eventFormWords } from "@/app/_claims/form-words";
import { EventForm } from "@/components/EventForm";
import { ParamProblems } from "@/components/ParamProblems";
import { currentLocale } from "@/i18n/locale";
import { getTranslations } from "@/i18n/messages";
import { createEventAction } from "@/lib/actions/create-event";
import { requireRole } from "@/lib/auth/current-user";
import { EMPTY_EVENT_VALUES } from "@/lib/domain/event-input";
import { localizeMetric } from "@/lib/domain/metric-locale";
import { getBrand } from "@/lib/queries/brands";
import { listMetrics } from "@/lib/queries/metrics";
import { overviewQuery, parseOverviewParams, type SearchParams } from "@/lib/url-state";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("EventNewPage"))("title") };
}

export default async function NewEventPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const parsed = parseOverviewParams(await searchParams);
  if (!parsed.ok) return <ParamProblems problems={parsed.problems} resetHref="/events/new" />;
  const self = `/events/new?brand=${encodeURIComponent(parsed.value.brand)}`;
  await requireRole("editor", self);
  const [brand, metrics, t, words, locale] = await Promise.all([
    getBrand(parsed.value.brand),
    listMetrics(),
    getTranslations("EventNewPage"),
    eventFormWords(),
    currentLocale(),
  ]);
  if (!brand) notFound();
  return (
    <section className="narrow">
      <h1>{t("heading", { brand: brand.name })}</h1>
      <p className="lede">{t("lede")}</p>
      <EventForm
        action={createEventAction.bind(null, brand.slug)}
        initial={EMPTY_EVENT_VALUES}
        submitLabel={t("submit")}
        metrics={metrics.map((metric) => localizeMetric(metric, locale))}
        words={words}
        cancelHref={`/${overviewQuery({ brand: brand.slug })}#events`}
      />
    </section>
  );
}
