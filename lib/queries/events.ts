import "server-only";
import { cache } from "react";
import { getReadDb } from "@/lib/db";
import { parseEventMetricKeys } from "@/lib/domain/events";
import { quarterOfDate } from "@/lib/domain/quarter";
import type {
  EventDetailDTO,
  EventDTO,
  EventKind,
  EventRevisionDTO,
  SourceDTO,
} from "@/lib/domain/types";
import { memoByVersion } from "./data-version";

const sourceSelect = { select: { title: true, url: true, publishedOn: true } } as const;

interface EventRow {
  uid: string;
  revision: number;
  date: string;
  kind: string;
  title: string;
  description: string;
  quote: string | null;
  metricKeys: string | null;
  createdAt: Date;
  createdBy: string;
  brand: { slug: string };
  source: SourceDTO;
}

function toEvent(row: EventRow): EventDTO {
  return {
    uid: row.uid,
    brandSlug: row.brand.slug,
    date: row.date,
    quarter: quarterOfDate(row.date),
    kind: row.kind as EventKind,
    title: row.title,
    description: row.description,
    quote: row.quote,
    metricKeys: parseEventMetricKeys(row.metricKeys),
    source: { title: row.source.title, url: row.source.url, publishedOn: row.source.publishedOn },
    revision: row.revision,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
  };
}

const eventSelect = {
  uid: true,
  revision: true,
  date: true,
  kind: true,
  title: true,
  description: true,
  quote: true,
  metricKeys: true,
  createdAt: true,
  createdBy: true,
  brand: { select: { slug: true } },
  source: sourceSelect,
} as const;

/** A brand's current, not deleted events, oldest first, each with its source. */
export const listEvents = cache(async function listEvents(brandSlug: string): Promise<EventDTO[]> {
  return memoByVersion(brandSlug, "events", async () => {
    const rows = await getReadDb().event.findMany({
      where: { brand: { slug: brandSlug }, isCurrent: true, deleted: false },
      select: eventSelect,
      orderBy: [{ date: "asc" }, { title: "asc" }],
    });
    return rows.map(toEvent);
  });
});

/** One event with its revision history (deleted ones too, so that they can be restored). */
export async function getEvent(uid: string): Promise<EventDetailDTO | null> {
  const rows = await getReadDb().event.findMany({
    where: { uid },
    select: { ...eventSelect, deleted: true, supersededAt: true, supersededBy: true },
    orderBy: { revision: "asc" },
  });
  const current = rows.at(-1);
  if (!current) return null;
  const history: EventRevisionDTO[] = rows.map((row) => ({
    revision: row.revision,
    date: row.date,
    kind: row.kind as EventKind,
    title: row.title,
    description: row.description,
    source: { title: row.source.title, url: row.source.url, publishedOn: row.source.publishedOn },
    deleted: row.deleted,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    supersededAt: row.supersededAt?.toISOString() ?? null,
    supersededBy: row.supersededBy,
  }));
  return { event: toEvent(current), deleted: current.deleted, history };
}
