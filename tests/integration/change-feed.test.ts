import { parseFeed } from "@rowanmanning/feed-parser";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/feeds/[brand]/route";
import { getReadDb } from "@/lib/db";
import { confirmationToken } from "@/lib/domain/confirmations";
import type { QuarterFigure } from "@/lib/domain/quarter-input";
import { createEvent } from "@/lib/mutations/create-event";
import { createQuarterFigures } from "@/lib/mutations/create-quarter-figures";
import { deleteObservation } from "@/lib/mutations/delete-observation";
import { setUpSeededTestDatabase } from "../support/seeded-test-db";

const SOURCE = {
  title: "Xiaomi Q4 2025 results & outlook",
  url: "https://ir.mi.com/q4-2025",
  publishedOn: "2026-03-24",
};

async function fetchFeed(path: string): Promise<Response> {
  const file = decodeURIComponent(new URL(path, "http://pulse.test").pathname.split("/")[2] ?? "");
  return GET(new Request(`http://pulse.test${path}`), { params: Promise.resolve({ brand: file }) });
}

async function readFeed(path: string) {
  const response = await fetchFeed(path);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
  return parseFeed(await response.text());
}

setUpSeededTestDatabase();

/** Entries Pulse computes (signals, claim verdicts), as against audited writes. */
const COMPUTED = /^urn:pulse:(signal|claim-verdict):/;

describe("the brand feed against a real SQLite file", () => {
  it("lists a quarter saved through the mutation, above every earlier change, with its figure, unit, source and author", async () => {
    const revenue: QuarterFigure = {
      metricKey: "revenue",
      value: 120.5,
      decimals: 1,
      qualifier: "exact",
    };
    await createQuarterFigures({
      brand: "xiaomi",
      quarter: "2025Q4",
      figures: [revenue],
      source: SOURCE,
      note: null,
      actor: { id: null, name: "Feed Tester" },
      confirmedTokens: [],
    });
    const audit = await getReadDb().auditEntry.findFirstOrThrow({
      where: { entity: "observation", entityKey: "xiaomi/revenue/2025Q4" },
    });

    const feed = await readFeed("/feeds/xiaomi.atom");
    expect(feed.title).toBe("Xiaomi on Pulse: what changed");
    expect(feed.items).toHaveLength(50);
    const index = feed.items.findIndex((item) => item.id === `urn:pulse:audit:${audit.id}`);
    // Only what the save caused (a moved signal, a re-judged claim) may stand above it.
    for (const item of feed.items.slice(0, index)) {
      expect(item.id).toMatch(COMPUTED);
      expect(item.updated?.toISOString()).toBe(audit.at.toISOString());
    }
    const saved = feed.items[index];
    expect(saved?.title).toBe("Total revenue, Q4 2025: RMB 120.5 bn");
    expect(saved?.description).toContain("source: Xiaomi Q4 2025 results & outlook, 2026-03-24");
    expect(saved?.url).toBe("http://pulse.test/metrics/revenue?brand=xiaomi");
    expect(saved?.authors.map((author) => author.name)).toEqual(["Feed Tester"]);
    expect(saved?.updated?.toISOString()).toBe(audit.at.toISOString());
    expect(feed.updated?.toISOString()).toBe(audit.at.toISOString());
    // Newest first throughout, and no entry twice.
    const times = feed.items.map((item) => item.updated?.getTime() ?? 0);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(new Set(feed.items.map((item) => item.id)).size).toBe(feed.items.length);
    for (const item of feed.items) {
      if (COMPUTED.test(item.id ?? "")) {
        expect(item.authors[0]?.name).toBe("Pulse (computed from the figures)");
      } else {
        expect(item.description).toMatch(/\(source: |\(source not recorded\)/);
        if (item.url?.includes("/metrics/")) expect(item.title).toMatch(/, Q[1-4] \d{4}: /);
      }
    }
  });

  it("lists a withdrawal and an event above it, keeping the earlier entry's id, and never an email", async () => {
    const before = await readFeed("/feeds/xiaomi.atom");
    const savedId = before.items.find((item) =>
      item.title?.startsWith("Total revenue, Q4 2025"),
    )?.id;
    await deleteObservation({
      brand: "xiaomi",
      metricKey: "revenue",
      quarter: "2025Q4",
      reason: "Entered for the wrong quarter",
      expectedRevision: 1,
      actor: { id: null, name: "feed.tester@example.com" },
    });
    await createEvent(
      {
        brand: "xiaomi",
        date: "2026-11",
        kind: "launch",
        title: "Feed <test> launch",
        description: "Made up for the feed test.",
        sourceTitle: "Test source",
        sourceUrl: "https://example.com/feed",
        sourcePublishedOn: undefined,
        quote: undefined,
        metrics: ["revenue"],
      },
      { id: null, name: "Event Editor" },
    );

    const feed = await readFeed("/feeds/xiaomi.atom?utm_source=reader&x=%ZZ");
    const written = feed.items.filter((item) => !COMPUTED.test(item.id ?? ""));
    const [event, withdrawal, created] = written;
    expect(event?.title).toBe("New event: Feed <test> launch (2026-11)");
    expect(event?.url).toMatch(/^http:\/\/pulse\.test\/\?brand=xiaomi#event-evt-/);
    expect(event?.authors[0]?.name).toBe("Event Editor");
    expect(event?.description).toContain("Concerns: Total revenue.");
    expect(withdrawal?.title).toBe("Total revenue, Q4 2025: withdrawn (was RMB 120.5 bn)");
    expect(withdrawal?.description).toContain("Note: Entered for the wrong quarter");
    // The account's display name was an address: the public feed does not print it.
    expect(withdrawal?.authors[0]?.name).toBe("an editor");
    expect(await (await fetchFeed("/feeds/xiaomi.atom")).text()).not.toContain("@example.com");
    expect(created?.id).toBe(savedId);
    expect(feed.items).toHaveLength(50);
  });

  it("lists a claim's changed verdict after a restatement re-judges it, linking to the claim", async () => {
    const restated: QuarterFigure = {
      metricKey: "ev_deliveries",
      value: 13600,
      decimals: 0,
      qualifier: "exact",
    };
    await createQuarterFigures({
      brand: "xiaomi",
      quarter: "2024Q3",
      figures: [restated],
      source: { title: "A test restatement", url: null, publishedOn: null },
      note: "test",
      actor: { id: null, name: "Feed Tester" },
      confirmedTokens: (["restatement", "extreme_change"] as const).map((kind) =>
        confirmationToken(kind, "2024Q3", "ev_deliveries", restated),
      ),
    });
    const claim = await getReadDb().claim.findFirstOrThrow({
      where: { metric: { key: "ev_deliveries" }, hedge: "nearly", isCurrent: true },
    });
    const verdict = await getReadDb().claimVerdict.findFirstOrThrow({
      where: { claimUid: claim.uid, isCurrent: true },
    });

    const feed = await readFeed("/feeds/xiaomi.atom");
    const entry = feed.items.find((item) => item.id === `urn:pulse:claim-verdict:${verdict.id}`);
    expect(entry?.title).toMatch(
      /^Claim holds \(was Overstated\): .*“nearly \+700%” \(Smart EV deliveries, /,
    );
    expect(entry?.description).toContain("Judged after: ");
    expect(entry?.description).toContain("xiaomi/ev_deliveries/2024Q3");
    expect(entry?.url).toBe(
      `http://pulse.test/claims?brand=xiaomi&metric=ev_deliveries#claim-${claim.uid}`,
    );
    // The restatement itself is there too, below what it caused.
    const restatement = feed.items.findIndex((item) =>
      item.title?.startsWith("Smart EV deliveries, Q3 2024: restated to 13,600"),
    );
    expect(restatement).toBeGreaterThan(feed.items.indexOf(entry as (typeof feed.items)[number]));
  });

  it("keeps each brand's changes to its own feed", async () => {
    const feed = await readFeed("/feeds/li-auto.atom");
    expect(feed.items.length).toBeGreaterThan(0);
    for (const item of feed.items) {
      expect(item.url).toMatch(/[?&]brand=li-auto(&|#|$)/);
      expect(item.title).not.toContain("Feed <test> launch");
    }
  });

  it("answers 404 with a message for an unknown brand or a name without .atom", async () => {
    for (const path of [
      "/feeds/nokia.atom",
      "/feeds/xiaomi",
      "/feeds/xiaomi.rss",
      "/feeds/%3Cx%3E.atom",
    ]) {
      const response = await fetchFeed(path);
      expect(response.status, path).toBe(404);
      expect(await response.text()).toContain("/feeds/xiaomi.atom");
    }
  });
});
