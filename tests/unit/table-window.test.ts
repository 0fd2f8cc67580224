import { describe, expect, it } from "vitest";
import { type QuarterCode, quarterFromIndex, quarterIndex } from "@/lib/domain/quarter";
import { TABLE_LATEST_QUARTERS, TABLE_RECENT_OLDER, tableWindow } from "@/lib/domain/table-window";

const SEEDED = "2026-01-01T00:00:00.000Z";

/** Every quarter of 2006Q1..2025Q4 (80) written at seed time, with some written later. */
function writtenAt(later: Record<string, string> = {}): Map<QuarterCode, string> {
  const map = new Map<QuarterCode, string>();
  for (let index = quarterIndex("2006Q1"); index <= quarterIndex("2025Q4"); index++) {
    map.set(quarterFromIndex(index), SEEDED);
  }
  for (const [quarter, at] of Object.entries(later)) map.set(quarter as QuarterCode, at);
  return map;
}

describe("the metric page's data table window", () => {
  it("lists every quarter of a short span, newest first", () => {
    const window = tableWindow({
      from: "2022Q1",
      to: "2025Q4",
      all: false,
      writtenAt: writtenAt(),
    });
    expect(window.folded).toBe(false);
    expect(window.quarters).toHaveLength(16);
    expect(window.quarters[0]).toBe("2025Q4");
    expect(window.quarters.at(-1)).toBe("2022Q1");
  });

  it("lists the latest quarters of a long span and counts all of them", () => {
    const window = tableWindow({
      from: "2006Q1",
      to: "2025Q4",
      all: false,
      writtenAt: writtenAt(),
    });
    expect(window).toMatchObject({ folded: true, total: 80, recentOlder: [] });
    expect(window.quarters).toHaveLength(TABLE_LATEST_QUARTERS);
    expect(window.quarters.at(-1)).toBe("2021Q1");
  });

  it("keeps an older quarter written after the latest quarters' figures, in quarter order", () => {
    const window = tableWindow({
      from: "2006Q1",
      to: "2025Q4",
      all: false,
      writtenAt: writtenAt({
        "2008Q3": "2026-12-02T10:00:00.000Z",
        "2010Q1": "2026-12-02T09:00:00.000Z",
      }),
    });
    expect(window.recentOlder).toEqual(["2010Q1", "2008Q3"]);
    expect(window.quarters.slice(TABLE_LATEST_QUARTERS)).toEqual(["2010Q1", "2008Q3"]);
  });

  it("does not keep an older quarter written before the latest quarters' newest figure", () => {
    const window = tableWindow({
      from: "2006Q1",
      to: "2025Q4",
      all: false,
      writtenAt: writtenAt({
        "2008Q3": "2026-12-02T10:00:00.000Z",
        "2025Q4": "2026-12-02T11:00:00.000Z",
      }),
    });
    expect(window.recentOlder).toEqual([]);
  });

  it("keeps at most the most recently written older quarters", () => {
    const later: Record<string, string> = {};
    for (let year = 2006; year < 2006 + TABLE_RECENT_OLDER + 2; year++) {
      later[`${year}Q1`] = `2026-12-02T${String(year - 2000).padStart(2, "0")}:00:00.000Z`;
    }
    const window = tableWindow({
      from: "2006Q1",
      to: "2025Q4",
      all: false,
      writtenAt: writtenAt(later),
    });
    expect(window.recentOlder).toHaveLength(TABLE_RECENT_OLDER);
    expect(window.recentOlder).not.toContain("2006Q1");
    expect(window.recentOlder[0]).toBe(`${2006 + TABLE_RECENT_OLDER + 1}Q1`);
  });

  it("lists every quarter when asked (rows=all)", () => {
    const window = tableWindow({ from: "2006Q1", to: "2025Q4", all: true, writtenAt: writtenAt() });
    expect(window).toMatchObject({ folded: false, total: 80 });
    expect(window.quarters).toHaveLength(80);
  });
});
