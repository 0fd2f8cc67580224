import "server-only";
import { revalidateTag } from "next/cache";

/*
 * Pulse's figures change a few times a quarter and are read all day, so the pages' reads are
 * cached (lib/queries/cached-reads.ts) and every write drops what it changed. One tag per brand
 * covers the brand's figures, history and events; one tag covers the catalog (brands, metrics).
 *
 * Call these from server actions and route handlers after the write has committed, never from
 * lib/mutations: Next's cache functions only work inside a request, and tests and the seed
 * script call mutations outside one.
 */

export const CATALOG_TAG = "pulse:catalog";

export function brandDataTag(brandSlug: string): string {
  return `pulse:brand:${brandSlug}`;
}

/**
 * Expires a brand's cached data now (`expire: 0`), so the next request reads the database: a
 * write is visible on the very next page load, never served stale in the background.
 */
export function invalidateBrandData(brandSlug: string): void {
  revalidateTag(brandDataTag(brandSlug), { expire: 0 });
}

/** For writes that add or change brands or metrics (e.g. an import that creates them). */
export function invalidateCatalog(): void {
  revalidateTag(CATALOG_TAG, { expire: 0 });
}
