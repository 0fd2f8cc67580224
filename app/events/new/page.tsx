import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EventForm } from "@/components/EventForm";
import { ParamProblems } from "@/components/ParamProblems";
import { createEventAction } from "@/lib/actions/create-event";
import { requireRole } from "@/lib/auth/current-user";
import { EMPTY_EVENT_VALUES } from "@/lib/domain/event-input";
import { getBrand } from "@/lib/queries/brands";
import { listMetrics } from "@/lib/queries/metrics";
import { overviewQuery, parseOverviewParams, type SearchParams } from "@/lib/url-state";

export const metadata: Metadata = { title: "Add an event" };

export default async function NewEventPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const parsed = parseOverviewParams(await searchParams);
  if (!parsed.ok) return <ParamProblems problems={parsed.problems} resetHref="/events/new" />;
  const self = `/events/new?brand=${encodeURIComponent(parsed.value.brand)}`;
  await requireRole("editor", self);
  const [brand, metrics] = await Promise.all([getBrand(parsed.value.brand), listMetrics()]);
  if (!brand) notFound();
  return (
    <section className="narrow">
      <h1>Add an event for {brand.name}</h1>
      <p className="lede">
        It appears on the events timeline and as a marker on the charts of the metrics it concerns
        (all of them unless you choose), when their quarters include its date. The change is
        recorded with your name.
      </p>
      <EventForm
        action={createEventAction.bind(null, brand.slug)}
        initial={EMPTY_EVENT_VALUES}
        submitLabel="Add event"
        metrics={metrics}
        cancelHref={`/${overviewQuery({ brand: brand.slug })}#events`}
      />
    </section>
  );
}
