import { describe, expect, it } from "vitest";
import { getReadDb } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import type { EventInput } from "@/lib/domain/event-input";
import {
  RecordNotFoundError,
  RevisionConflictError,
  UnknownEventMetricError,
  UnknownReferenceError,
} from "@/lib/errors";
import { createEvent } from "@/lib/mutations/create-event";
import { deleteEvent } from "@/lib/mutations/delete-event";
import { updateEvent } from "@/lib/mutations/update-event";
import { getEvent, listEvents } from "@/lib/queries/events";
import { setUpSeededTestDatabase } from "../support/seeded-test-db";

const person = (name: string): Actor => ({ id: null, name });

const input: EventInput = {
  brand: "xiaomi",
  date: "2025-11",
  kind: "launch",
  title: "Test launch (integration)",
  description: "A launch made up for this test.",
  sourceTitle: "Integration test source",
  sourceUrl: "https://example.com/integration",
  sourcePublishedOn: undefined,
  quote: undefined,
  metrics: [],
};

async function counts() {
  const db = getReadDb();
  const [events, audit] = await Promise.all([db.event.count(), db.auditEntry.count()]);
  return { events, audit };
}

describe("events: reading, creating, editing and deleting against a real SQLite file", () => {
  setUpSeededTestDatabase();

  it("lists a brand's seeded events oldest first, each with its source and quarter", async () => {
    const events = await listEvents("xiaomi");
    expect(events.length).toBe(14);
    expect(events[0]).toMatchObject({ date: "2024-03-28", title: "SU7 launch", quarter: "2024Q1" });
    expect(events[0]?.source.url).toMatch(/^https:\/\/cnevpost\.com\//);
    // Month-precise dates stay month-precise.
    expect(events.find((event) => event.title === "XRING O1 chip")?.date).toBe("2025-05");
    expect(events.at(-1)).toMatchObject({ title: "Influencer backlash", quarter: "2026Q1" });
    expect(await listEvents("li-auto")).toEqual([]);
  });

  it("creates an event at revision 1 with an audit row naming the editor", async () => {
    const { uid } = await createEvent(input, person("Ada"));
    const detail = await getEvent(uid);
    expect(detail?.event).toMatchObject({ revision: 1, title: input.title, createdBy: "Ada" });
    expect(detail?.event.source).toEqual({
      title: "Integration test source",
      url: "https://example.com/integration",
      publishedOn: null,
    });
    const audit = await getReadDb().auditEntry.findMany({
      where: { entity: "event", entityKey: uid },
    });
    expect(audit.map((entry) => [entry.action, entry.actor])).toEqual([["create", "Ada"]]);
  });

  it("saves an edit as a new revision and keeps the old one as history", async () => {
    const { uid } = await createEvent(
      { ...input, title: "To be edited (integration)" },
      person("Ada"),
    );
    const result = await updateEvent(
      uid,
      1,
      { ...input, title: "Edited (integration)" },
      person("Grace"),
    );
    expect(result).toEqual({ revision: 2, changed: true, brandSlug: "xiaomi" });
    const detail = await getEvent(uid);
    expect(
      detail?.history.map((entry) => [entry.revision, entry.title, entry.supersededBy]),
    ).toEqual([
      [1, "To be edited (integration)", "Grace"],
      [2, "Edited (integration)", null],
    ]);
    const audit = await getReadDb().auditEntry.findFirst({
      where: { entity: "event", entityKey: uid, action: "update" },
    });
    expect(JSON.parse(audit?.before ?? "{}")).toMatchObject({
      title: "To be edited (integration)",
    });
    expect(JSON.parse(audit?.after ?? "{}")).toMatchObject({ title: "Edited (integration)" });
  });

  it("adds no revision when nothing changed", async () => {
    const { uid } = await createEvent(
      { ...input, title: "Unchanged (integration)" },
      person("Ada"),
    );
    const before = await counts();
    const result = await updateEvent(
      uid,
      1,
      { ...input, title: "Unchanged (integration)" },
      person("Ada"),
    );
    expect(result).toEqual({ revision: 1, changed: false, brandSlug: "xiaomi" });
    expect(await counts()).toEqual(before);
  });

  it("refuses an edit based on an outdated revision and writes nothing", async () => {
    const { uid } = await createEvent(
      { ...input, title: "Contested (integration)" },
      person("Ada"),
    );
    await updateEvent(
      uid,
      1,
      { ...input, title: "First editor wins (integration)" },
      person("Grace"),
    );
    const before = await counts();
    const failure = await updateEvent(
      uid,
      1,
      { ...input, title: "Lost update" },
      person("Ada"),
    ).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RevisionConflictError);
    expect((failure as RevisionConflictError).code).toBe("revision_conflict");
    expect((failure as RevisionConflictError).message).toContain("Grace");
    expect((failure as RevisionConflictError).message).toContain("changed this event");
    expect(await counts()).toEqual(before);
    expect((await getEvent(uid))?.event.title).toBe("First editor wins (integration)");
  });

  it("deletes as a revision: gone from the list, kept in the history and the audit", async () => {
    const { uid } = await createEvent({ ...input, title: "Deleted (integration)" }, person("Ada"));
    await deleteEvent(uid, 1, person("Grace"));
    expect((await listEvents("xiaomi")).some((event) => event.uid === uid)).toBe(false);
    const detail = await getEvent(uid);
    expect(detail?.deleted).toBe(true);
    expect(detail?.history.map((entry) => [entry.revision, entry.deleted])).toEqual([
      [1, false],
      [2, true],
    ]);
    const actions = await getReadDb().auditEntry.findMany({
      where: { entity: "event", entityKey: uid },
      orderBy: { id: "asc" },
    });
    expect(actions.map((entry) => entry.action)).toEqual(["create", "delete"]);
    await expect(deleteEvent(uid, 2, person("Grace"))).rejects.toBeInstanceOf(RecordNotFoundError);
  });

  it("restores a deleted event when it is saved again", async () => {
    const { uid } = await createEvent({ ...input, title: "Restored (integration)" }, person("Ada"));
    await deleteEvent(uid, 1, person("Ada"));
    await updateEvent(uid, 2, { ...input, title: "Restored (integration)" }, person("Ada"));
    expect((await listEvents("xiaomi")).some((event) => event.uid === uid)).toBe(true);
  });

  it("refuses an unknown brand and writes nothing", async () => {
    const before = await counts();
    await expect(createEvent({ ...input, brand: "nope" }, person("Ada"))).rejects.toBeInstanceOf(
      UnknownReferenceError,
    );
    expect(await counts()).toEqual(before);
  });

  it("reads the seeded metric lists: the Chengdu crash concerns EV metrics, the backlash all", async () => {
    const events = await listEvents("xiaomi");
    const crash = events.find((event) => event.title === "Fatal SU7 crash and fire in Chengdu");
    expect(crash?.metricKeys).toEqual(["ev_deliveries", "ev_segment_revenue"]);
    expect(events.find((event) => event.title === "Influencer backlash")?.metricKeys).toBeNull();
  });

  it("stores an event's metric list, and an edit of the list alone is a new revision", async () => {
    const { uid } = await createEvent(
      { ...input, title: "EV only (integration)", metrics: ["ev_deliveries"] },
      person("Ada"),
    );
    expect((await getEvent(uid))?.event.metricKeys).toEqual(["ev_deliveries"]);
    const result = await updateEvent(
      uid,
      1,
      { ...input, title: "EV only (integration)", metrics: [] },
      person("Ada"),
    );
    expect(result.changed).toBe(true);
    expect((await getEvent(uid))?.event.metricKeys).toBeNull();
  });

  it("refuses a metric that is not in the catalog and writes nothing", async () => {
    const before = await counts();
    await expect(
      createEvent(
        { ...input, title: "Bad metric (integration)", metrics: ["no_such"] },
        person("Ada"),
      ),
    ).rejects.toBeInstanceOf(UnknownEventMetricError);
    expect(await counts()).toEqual(before);
  });

  it("does not find an event that never existed", async () => {
    expect(await getEvent("evt-missing")).toBeNull();
    await expect(updateEvent("evt-missing", 1, input, person("Ada"))).rejects.toBeInstanceOf(
      RecordNotFoundError,
    );
  });
});
