import type { Tx } from "./audit";

export interface SourceInput {
  title: string;
  url: string | null;
  publishedOn: string | null;
}

/** The same document cited for many figures is stored once, keyed by what identifies it. */
export function sourceFingerprint(source: SourceInput): string {
  return JSON.stringify([source.title, source.url ?? "", source.publishedOn ?? ""]);
}

/**
 * The stored publication date of a document typed again without one. The fingerprint holds the
 * date, so "Xiaomi Q3 results" retyped with its address but no date used to become a second,
 * dateless source, and the figure saved with it lost its date. A date left empty means "not
 * given", not "has none": the most recent stored source with that title and address supplies it.
 */
async function withStoredDate(tx: Tx, source: SourceInput): Promise<SourceInput> {
  if (source.publishedOn !== null) return source;
  const dated = await tx.source.findFirst({
    where: { title: source.title, url: source.url, publishedOn: { not: null } },
    orderBy: { id: "desc" },
    select: { publishedOn: true },
  });
  return dated ? { ...source, publishedOn: dated.publishedOn } : source;
}

export async function findOrCreateSource(tx: Tx, typed: SourceInput): Promise<number> {
  const source = await withStoredDate(tx, typed);
  const fingerprint = sourceFingerprint(source);
  const row = await tx.source.upsert({
    where: { fingerprint },
    create: { fingerprint, title: source.title, url: source.url, publishedOn: source.publishedOn },
    // A no-op update of the unique key itself: with `update: {}` Prisma emulates the upsert with
    // a read, an insert and a read again; with it, one INSERT ... ON CONFLICT DO UPDATE (a
    // round trip each on PostgreSQL, bench/NOTES.md, Round 7). A stored source keeps its id.
    update: { fingerprint },
    select: { id: true },
  });
  return row.id;
}
