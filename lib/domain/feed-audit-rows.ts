/**
 * Reading audit rows for the feed. Their before/after are JSON written by lib/mutations; anything
 * else is skipped.
 */
import { z } from "zod";
import type { EventChange, ObservationChange } from "./change-feed";
import type { QuarterCode } from "./quarter";
import { QUALIFIERS } from "./types";

const ObservationSnapshotSchema = z.object({
  value: z.number().nullable(),
  decimals: z.number().int(),
  qualifier: z.enum(QUALIFIERS),
  sourceId: z.number().int().nullable(),
  note: z.string().nullable().optional(),
});
export type ObservationSnapshot = z.infer<typeof ObservationSnapshotSchema>;

const EventSnapshotSchema = z.object({
  date: z.string(),
  title: z.string(),
  description: z.string(),
  /** Comma-separated keys, null for every metric; absent in rows written before events had them. */
  metricKeys: z.string().nullable().optional(),
  sourceId: z.number().int(),
  deleted: z.boolean(),
});
export type EventSnapshot = z.infer<typeof EventSnapshotSchema>;

function parseJson<T>(schema: z.ZodType<T>, text: string | null): T | null {
  if (text === null) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const OBSERVATION_KEY = /^([^/]+)\/([^/]+)\/(\d{4}Q[1-4])$/;

/**
 * An observation audit row as a change, or null when it is not one the feed can state with its
 * figure. What happened is read from the states, not from the action name, because seeding and
 * imports record their own action names for the same three kinds of change.
 */
export function readObservationAudit(row: {
  entityKey: string;
  before: string | null;
  after: string | null;
}): {
  brandSlug: string;
  metricKey: string;
  quarter: QuarterCode;
  change: ObservationChange["change"];
  before: ObservationSnapshot | null;
  after: ObservationSnapshot;
} | null {
  const key = OBSERVATION_KEY.exec(row.entityKey);
  const after = parseJson(ObservationSnapshotSchema, row.after);
  if (!key || !after) return null;
  const before = parseJson(ObservationSnapshotSchema, row.before);
  const hadValue = before !== null && before.value !== null;
  const change = after.value === null ? "withdrawn" : hadValue ? "restated" : "new";
  return {
    brandSlug: key[1] as string,
    metricKey: key[2] as string,
    quarter: key[3] as QuarterCode,
    change,
    before: hadValue ? before : null,
    after,
  };
}

export function readEventAudit(row: {
  before: string | null;
  after: string | null;
}): { change: EventChange["change"]; after: EventSnapshot } | null {
  const after = parseJson(EventSnapshotSchema, row.after);
  if (!after) return null;
  // A restored event (saved again after its deletion) is a change to it, not a new one.
  const change = after.deleted ? "deleted" : row.before === null ? "new" : "changed";
  return { change, after };
}
