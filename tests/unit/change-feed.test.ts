import { parseFeed } from "@rowanmanning/feed-parser";
import { describe, expect, it } from "vitest";
import { FEED_LANGUAGE } from "@/i18n/feed-words";
import { type AtomFeed, buildAtomFeed, escapeXml } from "@/lib/domain/atom-feed";
import {
  type EventChange,
  FEED_ENTRY_LIMIT,
  feedAlternates,
  feedAuthor,
  feedEntries,
  feedPath,
  type ObservationChange,
  readEventAudit,
  readObservationAudit,
  requestOrigin,
  type SignalChange,
  type VerdictChange,
} from "@/lib/domain/change-feed";

const EN = FEED_LANGUAGE.en;

const links = { origin: "https://pulse.test" };
const SOURCE = {
  title: "Xiaomi Q3 2025 results",
  url: "https://ir.mi.com/q3",
  publishedOn: "2025-11-18",
};

function observation(overrides: Partial<ObservationChange> = {}): ObservationChange {
  return {
    kind: "observation",
    auditId: 10,
    at: "2026-11-20T09:00:00.000Z",
    actor: "Ann Analyst",
    brandSlug: "xiaomi",
    metric: { key: "revenue", label: "Total revenue", unit: "RMB bn" },
    quarter: "2025Q3",
    change: "new",
    figure: { value: 113.1, decimals: 1, qualifier: "exact", source: SOURCE },
    previous: null,
    note: null,
    ...overrides,
  };
}

function event(overrides: Partial<EventChange> = {}): EventChange {
  return {
    kind: "event",
    auditId: 20,
    at: "2026-11-21T09:00:00.000Z",
    actor: "Ed Editor",
    brandSlug: "xiaomi",
    uid: "ev-1",
    change: "new",
    date: "2025-06",
    title: "YU7 launch",
    description: "The SUV went on sale.",
    metrics: null,
    source: SOURCE,
    ...overrides,
  };
}

function verdict(overrides: Partial<VerdictChange> = {}): VerdictChange {
  return {
    kind: "claim_verdict",
    verdictId: 30,
    at: "2026-11-22T09:00:00.000Z",
    brandSlug: "xiaomi",
    claimUid: "seed-claim-7",
    metric: { key: "ev_deliveries", label: "Smart EV deliveries" },
    quarter: "2025Q3",
    claimant: "CarNewsChina",
    stated: "nearly +700%",
    verdict: "Overstated",
    previousVerdict: null,
    detail: "Overstated by 526.6 pp (4.04× what the figures give)",
    trigger: "claim created",
    quote: "deliveries grew nearly 700%",
    source: SOURCE,
    ...overrides,
  };
}

function signal(overrides: Partial<SignalChange> = {}): SignalChange {
  return {
    kind: "signal",
    at: "2026-11-20T09:00:00.000Z",
    brandSlug: "xiaomi",
    findingId: "record:revenue",
    ruleName: "Record high",
    title: "Total revenue at a record: RMB 113.1 bn in Q3 2025",
    explanation: "The highest value of any stored quarter.",
    numbers: [{ label: "Previous record", value: "RMB 111.3 bn (Q2 2025)" }],
    path: "/metrics/revenue?brand=xiaomi#chart",
    ...overrides,
  };
}

function feedOf(entries: AtomFeed["entries"]): AtomFeed {
  return {
    id: "urn:pulse:feed:xiaomi",
    title: "Xiaomi on Pulse",
    subtitle: "What changed",
    selfHref: "https://pulse.test/feeds/xiaomi.atom",
    pageHref: "https://pulse.test/?brand=xiaomi",
    updated: entries[0]?.updated ?? "2026-11-27T10:00:00.000Z",
    entries,
  };
}

describe("escapeXml", () => {
  it("escapes markup and quotes, and drops characters XML cannot carry", () => {
    expect(escapeXml(`<a href="x">R&D's</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;R&amp;D&apos;s&lt;/a&gt;",
    );
    expect(escapeXml("a\u0000b\u0008c\u000Bd\tline\nend")).toBe("abcd\tline\nend");
    expect(escapeXml("lone \uD800 surrogate, pair 😀 kept, 亿元")).toBe(
      "lone  surrogate, pair 😀 kept, 亿元",
    );
  });
});

describe("observation entries", () => {
  it("state a new figure with its quarter, unit and source, linking to the metric page", () => {
    const [entry] = feedEntries([observation()], links, EN);
    expect(entry).toEqual({
      id: "urn:pulse:audit:10",
      title: "Total revenue, Q3 2025: RMB 113.1 bn",
      summary:
        "Total revenue, Q3 2025: RMB 113.1 bn (source: Xiaomi Q3 2025 results, 2025-11-18 <https://ir.mi.com/q3>).",
      href: "https://pulse.test/metrics/revenue?brand=xiaomi",
      updated: "2026-11-20T09:00:00.000Z",
      author: "Ann Analyst",
    });
  });

  it("state a restatement with the new and the old figure, each with its source, and the note", () => {
    const [entry] = feedEntries(
      [
        observation({
          change: "restated",
          figure: { value: 113.3, decimals: 1, qualifier: "approximate", source: null },
          previous: { value: 113.1, decimals: 1, qualifier: "exact", source: SOURCE },
          note: "Corrected in the annual report",
        }),
      ],
      links,
      EN,
    );
    expect(entry?.title).toBe(
      "Total revenue, Q3 2025: restated to ≈ RMB 113.3 bn (was RMB 113.1 bn)",
    );
    expect(entry?.summary).toBe(
      "Total revenue, Q3 2025 restated: now ≈ RMB 113.3 bn (source not recorded); was RMB 113.1 bn (source: Xiaomi Q3 2025 results, 2025-11-18 <https://ir.mi.com/q3>). Note: Corrected in the annual report",
    );
  });

  it("state a withdrawal with the withdrawn figure and the reason", () => {
    const [entry] = feedEntries(
      [
        observation({
          change: "withdrawn",
          figure: null,
          previous: { value: 42, decimals: 0, qualifier: "at_least", source: SOURCE },
          metric: { key: "retail_stores", label: "Xiaomi Home stores", unit: "stores" },
          note: "Wrong quarter",
        }),
      ],
      links,
      EN,
    );
    expect(entry?.title).toBe("Xiaomi Home stores, Q3 2025: withdrawn (was > 42 stores)");
    expect(entry?.summary).toContain("it was > 42 stores (source: Xiaomi Q3 2025 results");
    expect(entry?.summary).toContain("Note: Wrong quarter");
    expect(entry?.href).toBe("https://pulse.test/metrics/retail_stores?brand=xiaomi");
  });
});

describe("event entries", () => {
  it("link to the event on the overview, or to the timeline once it is deleted", () => {
    const [created, deleted] = feedEntries(
      [event(), event({ auditId: 19, change: "deleted", at: "2026-11-20T09:00:00.000Z" })],
      links,
      EN,
    );
    expect(created).toMatchObject({
      id: "urn:pulse:audit:20",
      title: "New event: YU7 launch (2025-06)",
      href: "https://pulse.test/?brand=xiaomi#event-ev-1",
      author: "Ed Editor",
    });
    expect(created?.summary).toContain("source: Xiaomi Q3 2025 results");
    expect(deleted).toMatchObject({
      title: "Event deleted: YU7 launch (2025-06)",
      href: "https://pulse.test/?brand=xiaomi#events",
    });
  });
});

describe("claim verdict entries", () => {
  it("state the claim, its verdict, what it replaced and why it was judged, linking to the claim", () => {
    const [entry] = feedEntries(
      [verdict({ previousVerdict: "Holds", trigger: "restated xiaomi/ev_deliveries/2024Q3" })],
      links,
      EN,
    );
    expect(entry).toEqual({
      id: "urn:pulse:claim-verdict:30",
      title:
        "Claim overstated (was Holds): CarNewsChina, “nearly +700%” (Smart EV deliveries, Q3 2025)",
      summary:
        "CarNewsChina said “deliveries grew nearly 700%” (source: Xiaomi Q3 2025 results, 2025-11-18 <https://ir.mi.com/q3>). Verdict: Overstated (was Holds). Overstated by 526.6 pp (4.04× what the figures give). Judged after: restated xiaomi/ev_deliveries/2024Q3.",
      href: "https://pulse.test/claims?brand=xiaomi&metric=ev_deliveries#claim-seed-claim-7",
      updated: "2026-11-22T09:00:00.000Z",
      author: "Pulse (computed from the figures)",
    });
  });
});

describe("signal entries", () => {
  it("keep their id while the finding says the same, and get a new one when it changes", () => {
    const [first] = feedEntries([signal()], links, EN);
    const [again] = feedEntries([signal({ at: "2026-11-25T09:00:00.000Z" })], links, EN);
    const [changed] = feedEntries(
      [signal({ title: "Total revenue at a record: RMB 120.5 bn in Q4 2025" })],
      links,
      EN,
    );
    const [renumbered] = feedEntries(
      [signal({ numbers: [{ label: "Previous record", value: "RMB 113.1 bn (Q3 2025)" }] })],
      links,
      EN,
    );
    expect(first?.id).toMatch(/^urn:pulse:signal:xiaomi:record%3Arevenue:[0-9a-f]{8}$/);
    expect(again?.id).toBe(first?.id);
    expect(changed?.id).not.toBe(first?.id);
    expect(renumbered?.id).not.toBe(first?.id);
    expect(first).toMatchObject({
      title: "Record high: Total revenue at a record: RMB 113.1 bn in Q3 2025",
      href: "https://pulse.test/metrics/revenue?brand=xiaomi#chart",
      author: "Pulse (computed from the figures)",
    });
    expect(first?.summary).toBe(
      "Total revenue at a record: RMB 113.1 bn in Q3 2025. Previous record: RMB 111.3 bn (Q2 2025). The highest value of any stored quarter.",
    );
  });
});

describe("feedAuthor", () => {
  it("names the account by its display name, and never prints an address", () => {
    expect(feedAuthor("Ann Analyst", EN.words)).toBe("Ann Analyst");
    expect(feedAuthor("ann@pulse.example", EN.words)).toBe("an editor");
    expect(feedEntries([observation({ actor: "ann@pulse.example" })], links, EN)[0]?.author).toBe(
      "an editor",
    );
  });
});

describe("feedEntries", () => {
  it("puts what a write caused above the write at the same instant, in a fixed order", () => {
    const at = "2026-11-20T09:00:00.000Z";
    const changes = [
      observation({ auditId: 40, at }),
      verdict({ verdictId: 8, at }),
      signal({ at, findingId: "b" }),
      signal({ at, findingId: "a" }),
      verdict({ verdictId: 9, at }),
    ];
    const ids = feedEntries(changes, links, EN).map((entry) => entry.id);
    expect(ids.slice(2)).toEqual([
      "urn:pulse:claim-verdict:9",
      "urn:pulse:claim-verdict:8",
      "urn:pulse:audit:40",
    ]);
    expect(ids[0]).toContain(":a:");
    expect(feedEntries([...changes].reverse(), links, EN).map((entry) => entry.id)).toEqual(ids);
  });

  it("puts the newest first, later audit rows first within one instant, and keeps the limit", () => {
    const changes = [
      observation({ auditId: 1, at: "2026-01-01T00:00:00.000Z" }),
      event({ auditId: 5, at: "2026-03-01T00:00:00.000Z" }),
      observation({ auditId: 3, at: "2026-02-01T00:00:00.000Z" }),
      observation({ auditId: 4, at: "2026-02-01T00:00:00.000Z" }),
    ];
    expect(feedEntries(changes, links, EN).map((entry) => entry.id)).toEqual([
      "urn:pulse:audit:5",
      "urn:pulse:audit:4",
      "urn:pulse:audit:3",
      "urn:pulse:audit:1",
    ]);
    expect(feedEntries(changes, links, EN, 2).map((entry) => entry.id)).toEqual([
      "urn:pulse:audit:5",
      "urn:pulse:audit:4",
    ]);
    const many = Array.from({ length: 60 }, (_, index) => observation({ auditId: index + 1 }));
    expect(feedEntries(many, links, EN)).toHaveLength(FEED_ENTRY_LIMIT);
  });
});

describe("feed addresses", () => {
  it("name Chinese in the feed's URL, so the overview's alternate link follows the page", () => {
    expect(feedPath("xiaomi")).toBe("/feeds/xiaomi.atom");
    expect(feedPath("xiaomi", "zh")).toBe("/feeds/xiaomi.atom?lang=zh");
    expect(
      feedAlternates("xiaomi", "zh", FEED_LANGUAGE.zh.words.alternateTitle).types[
        "application/atom+xml"
      ],
    ).toEqual([{ url: "/feeds/xiaomi.atom?lang=zh", title: "最新变动（Atom）" }]);
    expect(
      feedAlternates("xiaomi", "en", EN.words.alternateTitle).types["application/atom+xml"]?.[0]
        ?.title,
    ).toBe("What changed (Atom)");
  });
});

describe("buildAtomFeed", () => {
  it("makes an Atom document a feed parser reads back, hostile text intact", () => {
    const hostile = observation({
      auditId: 7,
      actor: `O'Brien & <Co> "analysts"`,
      metric: { key: "revenue", label: "Revenue </title><script>x</script>", unit: "RMB bn" },
      note: "]]> & <b>bold</b>",
    });
    const entries = feedEntries([hostile, event()], links, EN);
    const xml = buildAtomFeed(feedOf(entries));
    expect(xml).not.toContain("<script>");
    const feed = parseFeed(xml);
    expect(feed.meta.type).toBe("atom");
    expect(feed.title).toBe("Xiaomi on Pulse");
    expect(feed.self).toBe("https://pulse.test/feeds/xiaomi.atom");
    expect(feed.items.map((item) => item.id)).toEqual(["urn:pulse:audit:20", "urn:pulse:audit:7"]);
    const parsed = feed.items[1];
    expect(parsed?.title).toBe("Revenue </title><script>x</script>, Q3 2025: RMB 113.1 bn");
    expect(parsed?.authors[0]?.name).toBe(`O'Brien & <Co> "analysts"`);
    expect(parsed?.description).toContain("Note: ]]> & <b>bold</b>");
    expect(parsed?.url).toBe("https://pulse.test/metrics/revenue?brand=xiaomi");
    expect(parsed?.updated?.toISOString()).toBe("2026-11-20T09:00:00.000Z");
  });

  it("reads back a Chinese feed: entries in Chinese, the same ids as in English", () => {
    const changes = [
      observation({ metric: { key: "revenue", label: "总收入", unit: "RMB bn" } }),
      event({ auditId: 21, metrics: ["总收入", "智能电动汽车交付量"] }),
      signal({
        english: { title: signal().title, numbers: signal().numbers },
        title: "总收入创新高",
      }),
    ];
    const zh = feedEntries(changes, links, FEED_LANGUAGE.zh);
    const en = feedEntries(changes, links, EN);
    expect(zh.map((entry) => entry.id)).toEqual(en.map((entry) => entry.id));
    expect(zh.find((entry) => entry.id.startsWith("urn:pulse:signal"))?.id).toBe(
      feedEntries([signal()], links, EN)[0]?.id,
    );
    const feed = parseFeed(buildAtomFeed({ ...feedOf(zh), title: "Xiaomi · Pulse：最新变动" }));
    expect(feed.title).toBe("Xiaomi · Pulse：最新变动");
    const figure = feed.items.find((item) => item.id === "urn:pulse:audit:10");
    expect(figure?.title).toBe("总收入，2025年Q3：1,131 亿元");
    expect(figure?.description).toBe(
      "总收入，2025年Q3：1,131 亿元（来源：Xiaomi Q3 2025 results，2025-11-18 <https://ir.mi.com/q3>）。",
    );
    const happened = feed.items.find((item) => item.id === "urn:pulse:audit:21");
    expect(happened?.title).toBe("新事件：YU7 launch（2025-06）");
    expect(happened?.description).toContain("涉及：总收入、智能电动汽车交付量。");
  });

  it("is a valid feed without entries", () => {
    const feed = parseFeed(buildAtomFeed(feedOf([])));
    expect(feed.items).toEqual([]);
    expect(feed.updated?.toISOString()).toBe("2026-11-27T10:00:00.000Z");
  });
});

describe("reading audit rows", () => {
  const snapshot = (value: number | null, extra: Record<string, unknown> = {}) =>
    JSON.stringify({ revision: 1, value, decimals: 1, qualifier: "exact", sourceId: 3, ...extra });

  it("tells new figures, restatements and withdrawals apart by their states, whatever the action", () => {
    const key = "li-auto/revenue/2025Q3";
    expect(
      readObservationAudit({ entityKey: key, before: null, after: snapshot(1) }),
    ).toMatchObject({
      brandSlug: "li-auto",
      metricKey: "revenue",
      quarter: "2025Q3",
      change: "new",
    });
    expect(
      readObservationAudit({ entityKey: key, before: snapshot(1), after: snapshot(2) })?.change,
    ).toBe("restated");
    expect(
      readObservationAudit({ entityKey: key, before: snapshot(1), after: snapshot(null) }),
    ).toMatchObject({ change: "withdrawn", before: { value: 1 } });
    // A value entered again after a withdrawal is a new figure: nothing stood before it.
    expect(
      readObservationAudit({ entityKey: key, before: snapshot(null), after: snapshot(5) }),
    ).toMatchObject({ change: "new", before: null });
  });

  it("skips rows it cannot state with their figure", () => {
    expect(
      readObservationAudit({ entityKey: "xiaomi/revenue", before: null, after: snapshot(1) }),
    ).toBeNull();
    expect(
      readObservationAudit({ entityKey: "xiaomi/revenue/2025Q3", before: null, after: "{" }),
    ).toBeNull();
    expect(readEventAudit({ before: null, after: JSON.stringify({ title: "x" }) })).toBeNull();
  });

  it("reads events as new, changed (also when restored) or deleted", () => {
    const state = (deleted: boolean) =>
      JSON.stringify({ date: "2025-06", title: "T", description: "D", sourceId: 1, deleted });
    expect(readEventAudit({ before: null, after: state(false) })?.change).toBe("new");
    expect(readEventAudit({ before: state(false), after: state(false) })?.change).toBe("changed");
    expect(readEventAudit({ before: state(false), after: state(true) })?.change).toBe("deleted");
    expect(readEventAudit({ before: state(true), after: state(false) })?.change).toBe("changed");
  });
});

describe("requestOrigin", () => {
  const fallback = "http://localhost:3000";
  const origin = (headers: Record<string, string>) => requestOrigin(new Headers(headers), fallback);

  it("takes the host the reader used, or a proxy's forwarded host and scheme", () => {
    expect(origin({ host: "127.0.0.1:4000" })).toBe("http://127.0.0.1:4000");
    expect(origin({ host: "[::1]:4000" })).toBe("http://[::1]:4000");
    expect(
      origin({
        host: "internal:3000",
        "x-forwarded-host": "pulse.example, a",
        "x-forwarded-proto": "https",
      }),
    ).toBe("https://pulse.example");
  });

  it("falls back on a missing or malformed host or scheme", () => {
    expect(origin({})).toBe(fallback);
    expect(origin({ host: "evil.test/<script>" })).toBe(fallback);
    expect(origin({ host: "pulse.example", "x-forwarded-proto": "javascript" })).toBe(fallback);
  });
});
