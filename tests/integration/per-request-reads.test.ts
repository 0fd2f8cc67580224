import { createRequire } from "node:module";
import { describe, expect, it, vi } from "vitest";
import { getReadDb } from "@/lib/db";
import { getBrand, listBrands } from "@/lib/queries/brands";
import { listEvents } from "@/lib/queries/events";
import { getMetric, listMetrics } from "@/lib/queries/metrics";
import { listBrandSeries } from "@/lib/queries/series";
import { setUpSeededTestDatabase } from "../support/seeded-test-db";

/*
 * Pages run under React's server build, where cache() memoises for the rest of one render. Tests
 * load the client build (cache() calls straight through), so this file loads the server build
 * and, like the renderer, gives it one cache per request through its dispatcher.
 */
vi.mock("react", () => {
  const require = createRequire(import.meta.url);
  // By file path: the package's exports map offers this build only under the react-server condition.
  const entry = require.resolve("react");
  return require(entry.replace(/index\.js$/, "cjs/react.react-server.development.js"));
});

interface CacheDispatcher {
  getCacheForType: <T>(create: () => T) => T;
}
type ServerReact = {
  __SERVER_INTERNALS_DO_NOT_USE_OR_WARN_USERS_THEY_CANNOT_UPGRADE: { A: CacheDispatcher | null };
};

async function inOneRequest<T>(render: () => Promise<T>): Promise<T> {
  const react = (await import("react")) as unknown as ServerReact;
  const internals = react.__SERVER_INTERNALS_DO_NOT_USE_OR_WARN_USERS_THEY_CANNOT_UPGRADE;
  const caches = new Map<() => unknown, unknown>();
  internals.A = {
    getCacheForType: <C>(create: () => C): C => {
      if (!caches.has(create)) caches.set(create, create());
      return caches.get(create) as C;
    },
  };
  try {
    return await render();
  } finally {
    internals.A = null;
  }
}

setUpSeededTestDatabase();

describe("reads memoised per request", () => {
  it("runs the catalog and brand queries once for everything a metric page asks", async () => {
    const db = getReadDb();
    const metricQueries = vi.spyOn(db.metric, "findMany");
    const brandLists = vi.spyOn(db.brand, "findMany");
    const brandLookups = vi.spyOn(db.brand, "findUnique");
    // What generateMetadata, the page and its series read for /metrics/revenue?brand=xiaomi.
    const metricPage = () =>
      inOneRequest(async () => {
        const [metadataMetric, metric, brand, brands] = await Promise.all([
          getMetric("revenue"),
          getMetric("revenue"),
          getBrand("xiaomi"),
          listBrands(),
        ]);
        const [series, events, catalog] = await Promise.all([
          listBrandSeries("xiaomi"),
          listEvents("xiaomi"),
          listMetrics(),
          getBrand("xiaomi"),
          listBrands(),
        ]);
        return { metadataMetric, metric, brand, brands, series, events, catalog };
      });

    const first = await metricPage();
    expect(first.metric?.key).toBe("revenue");
    expect(first.metadataMetric).toBe(first.metric);
    expect(first.series.length).toBe(first.catalog.length);
    expect(metricQueries).toHaveBeenCalledTimes(1);
    expect(brandLists).toHaveBeenCalledTimes(1);
    expect(brandLookups).toHaveBeenCalledTimes(1);

    // The next request reads afresh: nothing is kept across requests.
    await metricPage();
    expect(metricQueries).toHaveBeenCalledTimes(2);
    expect(brandLists).toHaveBeenCalledTimes(2);
    expect(brandLookups).toHaveBeenCalledTimes(2);
  });

  it("returns plain data outside a render, reading each time", async () => {
    const spy = vi.spyOn(getReadDb().metric, "findMany");
    const calls = spy.mock.calls.length;
    await listMetrics();
    await listMetrics();
    expect(spy.mock.calls.length).toBe(calls + 2);
    const [metric] = await listMetrics();
    expect(Object.getPrototypeOf(metric)).toBe(Object.prototype);
  });
});
