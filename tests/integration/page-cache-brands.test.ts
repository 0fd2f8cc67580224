import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getReadDb, getWriteDb } from "@/lib/db";
import { EMPTY_CLAIM_VALUES, parseClaimInput } from "@/lib/domain/claim-input";
import { EMPTY_EVENT_VALUES, parseEventInput } from "@/lib/domain/event-input";
import { createInvitation } from "@/lib/mutations/accounts";
import { addBrandMetric } from "@/lib/mutations/brand-metric-set";
import { createClaim } from "@/lib/mutations/create-claim";
import { createEvent } from "@/lib/mutations/create-event";
import { createQuarterFigures } from "@/lib/mutations/create-quarter-figures";
import { seedFromFiles } from "@/lib/seed/prepare-database";
import { createDatabaseProbe, type DatabaseProbe } from "@/server/database-probe";
import { PageCache, pageCacheFront, pageCacheKey } from "@/server/page-cache";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

/*
 * Per-brand expiry, as server/serve.ts runs the cache: the real data version of a seeded
 * database, real mutations as the writes, and a stand-in app that numbers its renders, so that
 * a page's body tells which render it came from.
 */

let testDb: TestDatabase;
let probe: DatabaseProbe;
let server: Server;
let baseUrl: string;
let renders = 0;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await seedFromFiles(testDb.url);
  probe = createDatabaseProbe(testDb.url);
  const answer = pageCacheFront({
    cache: new PageCache(1024 * 1024),
    dataVersion: (brands) => probe.dataVersion(brands),
    render: async (request, response) => {
      renders++;
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      response.end(`<p>render ${renders} of ${request.url}</p>`);
    },
    maxPageBytes: 1024 * 1024,
    maxRenderWaitMs: 60_000,
  });
  server = createServer((request, response) => {
    const key = pageCacheKey(request);
    if (key === null) throw new Error(`not a cacheable request: ${request.url}`);
    void answer(request, response, key);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await probe?.close();
  await getWriteDb().$disconnect();
  await getReadDb().$disconnect();
  await testDb?.remove();
});

// Xiaomi is the default brand: "/" and a metric page without `brand=` show it.
const PAGES = {
  xiaomiOverview: "/",
  xiaomiMetric: "/metrics/revenue?view=annual",
  liAutoOverview: "/?brand=li-auto",
  liAutoMetric: "/metrics/revenue?brand=li-auto",
  compareBoth: "/compare?brands=li-auto,xiaomi&metrics=revenue",
  compareLiAuto: "/compare?brands=li-auto&metrics=revenue",
} as const;
type Page = keyof typeof PAGES;

/** Whether each page came from the cache; every page is then cached (a miss stores it). */
async function cacheStates(): Promise<Record<Page, string>> {
  const states = {} as Record<Page, string>;
  for (const [page, url] of Object.entries(PAGES) as [Page, string][]) {
    const response = await fetch(`${baseUrl}${url}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(`of ${url}</p>`);
    states[page] = String(response.headers.get("x-pulse-cache"));
  }
  return states;
}

const ACTOR = { id: null, name: "Ada" };

describe("a write expires the pages that show its brand, and only those", () => {
  it("re-renders Xiaomi's pages and the comparison with Xiaomi after a Xiaomi figure or claim; Li Auto's stay cached", async () => {
    await cacheStates();
    expect(Object.values(await cacheStates()).every((state) => state === "hit")).toBe(true);

    await createQuarterFigures({
      brand: "xiaomi",
      quarter: "2001Q1",
      figures: [{ metricKey: "revenue", value: 1234.5, decimals: 1, qualifier: "exact" }],
      source: { title: "Xiaomi 2001 results", url: null, publishedOn: null },
      note: null,
      actor: ACTOR,
      confirmedTokens: [],
    });
    expect(await cacheStates()).toEqual({
      xiaomiOverview: "miss",
      xiaomiMetric: "miss",
      liAutoOverview: "hit",
      liAutoMetric: "hit",
      compareBoth: "miss",
      compareLiAuto: "hit",
    });
    // The re-rendered pages are cached again under the new version.
    expect(Object.values(await cacheStates()).every((state) => state === "hit")).toBe(true);

    const claim = parseClaimInput("xiaomi", {
      ...EMPTY_CLAIM_VALUES,
      claimant: "A newspaper",
      sourceTitle: "A newspaper's article",
      quote: "Xiaomi had about 700 million monthly users",
      metric: "mau",
      quarter: "2025Q1",
      kind: "level",
      statedValue: "700",
      statedUnit: "M users",
      hedge: "about",
    });
    if (!claim.ok) throw new Error(JSON.stringify(claim.fieldErrors));
    await createClaim(claim.input, ACTOR);
    expect(await cacheStates()).toEqual({
      xiaomiOverview: "miss",
      xiaomiMetric: "miss",
      liAutoOverview: "hit",
      liAutoMetric: "hit",
      compareBoth: "miss",
      compareLiAuto: "hit",
    });
  });

  it("re-renders Li Auto's pages and both comparisons after a Li Auto event or a change to its metric set", async () => {
    await cacheStates();
    const parsed = parseEventInput("li-auto", {
      ...EMPTY_EVENT_VALUES,
      date: "2001-02-03",
      title: "A launch",
      description: "Something launched.",
      sourceTitle: "Li Auto press release",
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
    await createEvent(parsed.input, ACTOR);
    const liAutoPagesExpired = {
      xiaomiOverview: "hit",
      xiaomiMetric: "hit",
      liAutoOverview: "miss",
      liAutoMetric: "miss",
      compareBoth: "miss",
      compareLiAuto: "miss",
    };
    expect(await cacheStates()).toEqual(liAutoPagesExpired);

    await addBrandMetric({ brand: "li-auto", metric: "smartphone_gross_margin", actor: ACTOR });
    expect(await cacheStates()).toEqual(liAutoPagesExpired);
  });

  it("expires every page after a write that names no brand (an account)", async () => {
    await cacheStates();
    await createInvitation({ email: "new@example.com", name: "New", role: "viewer" }, ACTOR);
    expect(Object.values(await cacheStates()).every((state) => state === "miss")).toBe(true);
  });

  it("versions a page whose brands are unknown by every write", async () => {
    const unknown = await probe.dataVersion(null);
    const xiaomi = await probe.dataVersion(["xiaomi"]);
    const liAuto = await probe.dataVersion(["li-auto"]);
    // The last write was brand-less, so every version is the same highest id.
    expect(xiaomi).toBe(unknown);
    expect(liAuto).toBe(unknown);
    await createQuarterFigures({
      brand: "li-auto",
      quarter: "2001Q2",
      figures: [{ metricKey: "revenue", value: 10, decimals: 0, qualifier: "exact" }],
      source: { title: "Li Auto 2001 results", url: null, publishedOn: null },
      note: null,
      actor: ACTOR,
      confirmedTokens: [],
    });
    expect(await probe.dataVersion(null)).not.toBe(unknown);
    expect(await probe.dataVersion(["li-auto"])).not.toBe(liAuto);
    expect(await probe.dataVersion(["xiaomi"])).toBe(xiaomi);
    expect(await probe.dataVersion(["xiaomi", "li-auto"])).toBe(await probe.dataVersion(null));
  });
});
