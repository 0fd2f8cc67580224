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

export async function findOrCreateSource(tx: Tx, source: SourceInput): Promise<number> {
  const fingerprint = sourceFingerprint(source);
  const row = await tx.source.upsert({
    where: { fingerprint },
    create: { fingerprint, title: source.title, url: source.url, publishedOn: source.publishedOn },
    update: {},
    select: { id: true },
  });
  return row.id;
}
