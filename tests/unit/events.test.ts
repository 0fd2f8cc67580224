import { describe, expect, it } from "vitest";
import { EMPTY_EVENT_VALUES, parseEventInput } from "@/lib/domain/event-input";
import {
  eventMarkers,
  eventsForMetric,
  formatEventDate,
  markerDescription,
  miniChartMarkers,
  parseEventMetricKeys,
  placeEvents,
  sortEvents,
} from "@/lib/domain/events";
import { quarterOfDate } from "@/lib/domain/quarter";
import type { EventDTO } from "@/lib/domain/types";

function event(date: string, title: string, overrides: Partial<EventDTO> = {}): EventDTO {
  return {
    uid: `uid-${title}`,
    brandSlug: "xiaomi",
    date,
    quarter: quarterOfDate(date),
    kind: "launch",
    title,
    description: `${title} happened.`,
    quote: null,
    metricKeys: null,
    source: { title: `Source of ${title}`, url: "https://example.com/a", publishedOn: null },
    revision: 1,
    createdAt: "2026-01-01T00:00:00.000Z",
    createdBy: "seed",
    ...overrides,
  };
}

describe("event dates", () => {
  it("keeps a month-precise date month-precise", () => {
    expect(formatEventDate("2025-05")).toBe("May 2025");
    expect(formatEventDate("2024-03-28")).toBe("28 Mar 2024");
    expect(formatEventDate("2026-01-05")).toBe("5 Jan 2026");
  });

  it("sorts a month before the days of that month, then by date", () => {
    const sorted = sortEvents([
      event("2025-05-07", "Hood"),
      event("2025-05", "Chip"),
      event("2024-10", "OS"),
    ]);
    expect(sorted.map((entry) => entry.title)).toEqual(["OS", "Chip", "Hood"]);
  });
});

describe("placing events on a chart's span", () => {
  const events = [
    event("2022-12-01", "Before"),
    event("2024-03-28", "SU7 launch"),
    event("2025-03-29", "Crash", { kind: "crisis" }),
    event("2025-01-24", "Recall", { kind: "recall" }),
    event("2026-01-05", "Influencer backlash", { kind: "crisis" }),
  ];

  it("separates the events before and after the span from those on it", () => {
    const placed = placeEvents(events, "2023Q1", "2025Q3");
    expect(placed.before.map((entry) => entry.title)).toEqual(["Before"]);
    expect(placed.within.map((entry) => entry.title)).toEqual(["SU7 launch", "Recall", "Crash"]);
    expect(placed.after.map((entry) => entry.title)).toEqual(["Influencer backlash"]);
  });

  it("groups the events of a quarter into one marker on that quarter's label", () => {
    const markers = eventMarkers(placeEvents(events, "2023Q1", "2025Q3").within);
    expect(markers.map((marker) => [marker.label, marker.events.length])).toEqual([
      ["Q1 2024", 1],
      ["Q1 2025", 2],
    ]);
    expect(markers[1]?.events[0]).toMatchObject({
      dateLabel: "24 Jan 2025",
      title: "Recall",
      sourceTitle: "Source of Recall",
    });
  });

  it("can place events on fiscal years instead", () => {
    const markers = eventMarkers(events, (entry) => `FY ${entry.date.slice(0, 4)}`);
    expect(markers.map((marker) => marker.label)).toEqual([
      "FY 2022",
      "FY 2024",
      "FY 2025",
      "FY 2026",
    ]);
  });

  it("describes a marker with every event's date, title, line and source", () => {
    const [marker] = eventMarkers([event("2025-05", "XRING O1 chip")]);
    if (!marker) throw new Error("no marker");
    expect(markerDescription(marker)).toBe(
      "1 event in Q2 2025: May 2025, launch: XRING O1 chip. XRING O1 chip happened. Source: Source of XRING O1 chip.",
    );
  });
});

describe("event markers in Chinese", () => {
  const words = {
    locale: "zh" as const,
    kinds: { launch: "发布", milestone: "里程碑", recall: "召回", crisis: "危机", other: "其他" },
    source: "来源：",
  };

  it("sit on the Chinese quarter label and say date, kind and source in Chinese", () => {
    const [marker] = eventMarkers([event("2025-05", "XRING O1 chip")], undefined, "zh");
    if (!marker) throw new Error("no marker");
    expect(marker.label).toBe("2025年Q2");
    expect(markerDescription(marker, words)).toBe(
      "2025年Q2共 1 个事件：2025年5月，发布：XRING O1 chip。XRING O1 chip happened. 来源：Source of XRING O1 chip。",
    );
    expect(miniChartMarkers([marker], words)[0]?.title).toBe(
      "2025年5月 · 发布：XRING O1 chip。来源：Source of XRING O1 chip",
    );
  });
});

describe("the event form's validation", () => {
  const valid = {
    ...EMPTY_EVENT_VALUES,
    date: "2026-01-05",
    kind: "crisis",
    title: "Influencer backlash",
    description: "Fans revolt on Weibo.",
    sourceTitle: "Storyboard18",
    sourceUrl: "https://www.storyboard18.com/x",
  };

  it("accepts a complete event and leaves optional fields empty as absent", () => {
    const parsed = parseEventInput("xiaomi", valid);
    expect(parsed).toEqual({
      ok: true,
      input: {
        brand: "xiaomi",
        date: "2026-01-05",
        kind: "crisis",
        title: "Influencer backlash",
        description: "Fans revolt on Weibo.",
        sourceTitle: "Storyboard18",
        sourceUrl: "https://www.storyboard18.com/x",
        sourcePublishedOn: undefined,
        quote: undefined,
        metrics: [],
      },
    });
  });

  it("accepts a month-precise date without inventing a day", () => {
    const parsed = parseEventInput("xiaomi", { ...valid, date: "2025-05" });
    expect(parsed.ok && parsed.input.date).toBe("2025-05");
  });

  it("names each wrong field with a readable message", () => {
    const parsed = parseEventInput("xiaomi", {
      ...valid,
      date: "2025-02-30",
      kind: "rumour",
      title: " ",
      description: "two\nlines",
      sourceUrl: "javascript:alert(1)",
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.fieldErrors).toEqual({
      date: "Date is not a real calendar date",
      kind: "Kind must be one of launch, milestone, recall, crisis, other",
      title: "Title is required",
      description: "One-line description must be a single line (no line breaks)",
      sourceUrl: "Source address (URL) must be a full http:// or https:// address",
    });
    expect(parsed.formError).toBeNull();
  });

  it("requires a source title: no event without its source", () => {
    const parsed = parseEventInput("xiaomi", { ...valid, sourceTitle: "" });
    expect(parsed.ok ? null : parsed.fieldErrors.sourceTitle).toBe("Source title is required");
  });

  it("refuses dates outside the years quarters can be written for", () => {
    const parsed = parseEventInput("xiaomi", { ...valid, date: "1999-12-31" });
    expect(parsed.ok ? null : parsed.fieldErrors.date).toBe(
      "Date must be in the years 2000 to 2099",
    );
  });

  it("reports a malformed brand as a problem of the page, not of a field", () => {
    const parsed = parseEventInput("Not A Slug", valid);
    expect(parsed.ok ? null : parsed.formError).toMatch(
      /^The brand in this page's address must be/,
    );
  });
});

describe("events per metric", () => {
  const crash = event("2025-10-13", "Chengdu crash", {
    kind: "crisis",
    metricKeys: ["ev_deliveries", "ev_segment_revenue"],
  });
  const backlash = event("2026-01-05", "Backlash", { kind: "crisis" });

  it("draws an event on the charts of the metrics it names, and no others", () => {
    expect(eventsForMetric([crash, backlash], "ev_deliveries")).toEqual([crash, backlash]);
    expect(eventsForMetric([crash, backlash], "mau")).toEqual([backlash]);
  });

  it("reads an empty stored list as every metric, and drops blanks and repeats", () => {
    expect(parseEventMetricKeys(null)).toBeNull();
    expect(parseEventMetricKeys(" , ")).toBeNull();
    expect(parseEventMetricKeys("mau, revenue,mau")).toEqual(["mau", "revenue"]);
  });

  it("parses the form's metric checkboxes, and refuses a malformed key on its field", () => {
    const values = {
      ...EMPTY_EVENT_VALUES,
      date: "2025-10-13",
      title: "Crash",
      description: "A crash.",
      sourceTitle: "A source",
    };
    const chosen = parseEventInput("xiaomi", { ...values, metrics: "ev_deliveries,revenue" });
    expect(chosen.ok && chosen.input.metrics).toEqual(["ev_deliveries", "revenue"]);
    const none = parseEventInput("xiaomi", values);
    expect(none.ok && none.input.metrics).toEqual([]);
    const bad = parseEventInput("xiaomi", { ...values, metrics: "Not A Key" });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.fieldErrors.metrics).toMatch(/^Metrics it concerns/);
  });
});

describe("the overview's small-chart markers", () => {
  it("say each event's date, kind, title and source, and are adverse when one event is", () => {
    const markers = miniChartMarkers(
      eventMarkers([
        event("2025-01-24", "Recall", { kind: "recall" }),
        event("2025-03-02", "Ultra launch"),
        event("2024-03-28", "SU7 launch"),
      ]),
    );
    expect(markers).toEqual([
      {
        label: "Q1 2024",
        title: "28 Mar 2024 · Launch: SU7 launch. Source: Source of SU7 launch",
        adverse: false,
      },
      {
        label: "Q1 2025",
        title:
          "24 Jan 2025 · Recall: Recall. Source: Source of Recall\n2 Mar 2025 · Launch: Ultra launch. Source: Source of Ultra launch",
        adverse: true,
      },
    ]);
  });
});

describe("event dates in Chinese", () => {
  it("writes a day as 2024年3月28日 and a month-precise date as 2025年5月", () => {
    expect(formatEventDate("2024-03-28", "zh")).toBe("2024年3月28日");
    expect(formatEventDate("2025-05", "zh")).toBe("2025年5月");
    expect(formatEventDate("2025-05")).toBe("May 2025");
  });
});
