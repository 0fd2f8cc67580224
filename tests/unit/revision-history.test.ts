import { describe, expect, it } from "vitest";
import { historyEntries } from "@/lib/domain/revision-history";
import type { RevisionDTO } from "@/lib/domain/types";

function revision(number: number, value: number | null, note: string | null = null): RevisionDTO {
  return {
    revision: number,
    value,
    decimals: 1,
    qualifier: "exact",
    source: value === null ? null : { title: `Source ${number}`, url: null, publishedOn: null },
    createdAt: `2026-0${number}-01T00:00:00.000Z`,
    createdBy: `editor ${number}`,
    supersededAt: `2026-0${number + 1}-15T10:00:00.000Z`,
    supersededBy: `editor ${number + 1}`,
    note,
  };
}

describe("historyEntries", () => {
  it("describes a superseded value as restated, on the day, by whom, with the restatement's note", () => {
    expect(historyEntries([revision(1, 14000)], { value: 15000, note: "Annual report" })).toEqual([
      {
        revision: 1,
        event: "restated",
        on: "2026-02-15",
        by: "editor 2",
        was: { value: 14000, decimals: 1, qualifier: "exact" },
        source: { title: "Source 1", url: null, publishedOn: null },
        reason: "Annual report",
      },
    ]);
  });

  it("describes a value replaced by a withdrawal as withdrawn, with the withdrawal's reason", () => {
    const entries = historyEntries([revision(1, 5.1)], { value: null, note: "Wrong basis" });
    expect(entries).toMatchObject([
      { event: "withdrawn", was: { value: 5.1 }, reason: "Wrong basis" },
    ]);
  });

  it("tells a withdrawal followed by a new value as withdrawn, then re-entered, oldest first", () => {
    const entries = historyEntries([revision(2, null, "Wrong basis"), revision(1, 5.1)], {
      value: 2.1,
      note: null,
    });
    expect(entries.map((entry) => [entry.revision, entry.event, entry.was?.value ?? null])).toEqual(
      [
        [1, "withdrawn", 5.1],
        [2, "reentered", null],
      ],
    );
    expect(entries[0]?.reason).toBe("Wrong basis");
  });

  it("is empty for a figure never revised", () => {
    expect(historyEntries([], { value: 1, note: null })).toEqual([]);
  });

  it("tells a revision that kept the value, decimals and qualifier as a source update", () => {
    const entries = historyEntries([revision(1, 14000.5)], {
      value: 14000.5,
      decimals: 1,
      qualifier: "exact",
      note: null,
    });
    expect(entries).toMatchObject([
      { event: "source_updated", was: { value: 14000.5 }, source: { title: "Source 1" } },
    ]);
  });

  it("still calls it a restatement when only the qualifier changed", () => {
    const entries = historyEntries([revision(1, 70000)], {
      value: 70000,
      decimals: 1,
      qualifier: "approximate",
      note: null,
    });
    expect(entries[0]?.event).toBe("restated");
  });
});
