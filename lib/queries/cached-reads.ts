import "server-only";
import { unstable_cache } from "next/cache";
import { databaseUrl } from "@/lib/database-url";
import { getBrand, listBrands } from "./brands";
import { brandDataTag, CATALOG_TAG } from "./cache-tags";
import { listEvents } from "./events";
import { getMetric, listMetrics } from "./metrics";
import { listBrandSeries } from "./series";

/*
 * The pages' reads through Next's data cache, kept until a write expires their tag
 * (lib/queries/cache-tags.ts). The database URL is part of every key, so that two servers
 * sharing one build but not one database (tests, the benchmark) never read each other's
 * entries. The uncached functions stay the ones tests and scripts call: unstable_cache only
 * works inside a Next request.
 */
const database = databaseUrl();

export const getCachedBrand = unstable_cache(getBrand, ["pulse", database, "brand"], {
  tags: [CATALOG_TAG],
});

export const listCachedBrands = unstable_cache(listBrands, ["pulse", database, "brands"], {
  tags: [CATALOG_TAG],
});

export const listCachedMetrics = unstable_cache(listMetrics, ["pulse", database, "metrics"], {
  tags: [CATALOG_TAG],
});

export const getCachedMetric = unstable_cache(getMetric, ["pulse", database, "metric"], {
  tags: [CATALOG_TAG],
});

/** A brand's series; the tag is per brand, so it is computed per call. */
export function listCachedBrandSeries(
  brandSlug: string,
  options: { metricKeys?: readonly string[] } = {},
) {
  return unstable_cache(listBrandSeries, ["pulse", database, "series"], {
    tags: [brandDataTag(brandSlug), CATALOG_TAG],
  })(brandSlug, options);
}

/** A brand's events live under the brand's tag: an event edit expires them with the figures. */
export function listCachedEvents(brandSlug: string) {
  return unstable_cache(listEvents, ["pulse", database, "events"], {
    tags: [brandDataTag(brandSlug)],
  })(brandSlug);
}
