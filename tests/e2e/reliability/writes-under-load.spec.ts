import { expect, test } from "@playwright/test";
import {
  type ApiAnswer,
  apiRequest,
  apiSignIn,
  postQuarterConfirming,
  type QuarterBody,
  type SavedFigures,
} from "../../support/api-client";
import type { RunningServer } from "../../support/server-process";
import {
  createReliabilityDatabase,
  figuresNotCurrentOnce,
  jsonField,
  ON_POSTGRES,
  percentile,
  prepareDatabase,
  quartersFrom,
  RELIABILITY_PASSWORD,
  startPulse,
  type TestDatabase,
} from "./harness";

/*
 * 20 clients, each signed in with its own session, submit 50 quarters each (15 on PostgreSQL) through
 * `POST /api/quarters` at the same time, on a production server with a database of its own.
 * Sixteen own a figure series (brand x metric) each; four more write the very same quarters as
 * four of them, at the same moment, so that every one of their saves meets a stored figure and
 * goes through the confirmation round (409, then the same request confirmed). Each client also
 * sends submissions that must be refused. Then the database itself is read.
 */

const CLIENTS = 20;
// Fewer on PostgreSQL: a save there is a few dozen round trips, several times slower than
// in-process SQLite on two shared cores.
const QUARTERS_PER_CLIENT = ON_POSTGRES ? 15 : 50;
const METRICS = [
  "revenue",
  "mau",
  "smartphone_shipments",
  "smartphone_gross_margin",
  "iot_devices",
  "retail_stores",
  "ev_deliveries",
  "xiao_ai_mau",
];
/** Before the seeded data (Xiaomi from 2022): every quarter starts empty. */
const QUARTERS = quartersFrom("2000Q1", QUARTERS_PER_CLIENT);
/**
 * Clients 8..15 write a brand of the test's own: a brand takes figures only for the metrics it
 * tracks (Li Auto tracks two), and a brand without a metric set of its own tracks the catalog.
 */
const SECOND_BRAND = "load-b";
/** Clients 16..19 write the series of clients 0, 1, 8 and 9. */
const SHARED_WITH: Record<number, number> = { 16: 0, 17: 1, 18: 8, 19: 9 };

interface Series {
  brand: string;
  metric: string;
}

function seriesOf(client: number): Series {
  const owner = SHARED_WITH[client] ?? client;
  return { brand: owner < 8 ? "xiaomi" : SECOND_BRAND, metric: METRICS[owner % 8] ?? "revenue" };
}

/**
 * Whole numbers 50..59: valid for every unit (money, counts, percentages) and never more than
 * a fifth apart, so no year-over-year change is large enough to need a confirmation of its own.
 */
function valueFor(client: number, index: number): string {
  // The clients sharing a series send other values than its owner, so each revision is told apart.
  return String(50 + ((client + index + (client in SHARED_WITH ? 5 : 0)) % 10));
}

interface Ack {
  client: number;
  series: Series;
  quarter: string;
  value: string;
  revision: number;
  savedAt: string;
  receivedAt: number;
}

interface Refusal {
  client: number;
  what: string;
  answer: ApiAnswer;
}

test.describe("writes under load", () => {
  test.describe.configure({ timeout: 120_000 });
  let server: RunningServer | null = null;
  let db: TestDatabase | null = null;

  test.afterAll(async () => {
    await server?.stop();
    await db?.remove();
  });

  test("20 clients x 50 quarters: every acknowledged write is stored once with its audit row, every refusal is a 4xx with a message, no 5xx", async () => {
    db = await createReliabilityDatabase("load");
    await prepareDatabase(db, [SECOND_BRAND]);
    server = await startPulse(db);
    const { baseUrl } = server;
    const cookies = await Promise.all(
      Array.from({ length: CLIENTS }, (_, client) =>
        apiSignIn(baseUrl, `client-${String(client).padStart(2, "0")}`, RELIABILITY_PASSWORD),
      ),
    );

    const acks: Ack[] = [];
    const refusals: Refusal[] = [];
    const serverErrors: { client: number; answer: ApiAnswer }[] = [];
    const latencies: number[] = [];
    let requests = 0;

    const record = (client: number, what: string, answers: ApiAnswer[]) => {
      for (const answer of answers) {
        requests++;
        if (answer.status >= 500) serverErrors.push({ client, answer });
        else if (answer.status >= 400) refusals.push({ client, what, answer });
      }
    };

    async function runClient(client: number): Promise<void> {
      const cookie = cookies[client] ?? "";
      const series = seriesOf(client);
      for (const [index, quarter] of QUARTERS.entries()) {
        const value = valueFor(client, index);
        const body: QuarterBody = {
          brand: series.brand,
          year: quarter.slice(0, 4),
          quarter: quarter.slice(4),
          values: { [series.metric]: value },
          source: { title: `Load test, client ${client}`, url: `https://example.com/${client}` },
          note: `client ${client} quarter ${quarter}`,
        };
        const started = performance.now();
        const answers = await postQuarterConfirming(baseUrl, cookie, body);
        latencies.push(performance.now() - started);
        record(client, `${quarter} ${series.brand}/${series.metric}`, answers);
        const last = answers.at(-1);
        if (last?.status === 201) {
          const saved = last.body as SavedFigures;
          for (const figure of saved.figures) {
            acks.push({
              client,
              series: { brand: saved.brand, metric: figure.metric },
              quarter: saved.quarter,
              value,
              revision: figure.revision,
              savedAt: saved.savedAt,
              receivedAt: performance.now(),
            });
          }
        }
        // Once in every 25 quarters, something that must be refused and must change nothing.
        if (index % 25 === 12) {
          const negative = await apiRequest(baseUrl, "/api/quarters", {
            cookie,
            json: { ...body, values: { [series.metric]: "-5" }, quarter: "Q9" },
          });
          record(client, "invalid", [negative]);
          const signedOut = await apiRequest(baseUrl, "/api/quarters", { json: body });
          record(client, "no session", [signedOut]);
        }
      }
    }

    const started = performance.now();
    await Promise.all(Array.from({ length: CLIENTS }, (_, client) => runClient(client)));
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    console.log(
      `writes under load: ${requests} requests in ${seconds.toFixed(1)} s ` +
        `(${(requests / seconds).toFixed(0)}/s), ${acks.length} figures saved, ` +
        `${refusals.length} refusals; per quarter (with confirmation rounds) ` +
        `p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms, ` +
        `max ${percentile(latencies, 100).toFixed(0)} ms`,
    );

    expect(serverErrors.map(({ answer }) => [answer.status, answer.body])).toEqual([]);
    for (const { answer } of refusals) {
      expect([400, 401, 409]).toContain(answer.status);
      const { error } = answer.body as { error: string };
      expect(error.length).toBeGreaterThan(20);
    }
    // Every client's 50 quarters were saved: the refusals were only the ones meant to be.
    expect(acks.length).toBe(CLIENTS * QUARTERS_PER_CLIENT);
    const confirmationRounds = refusals.filter(({ answer }) => answer.status === 409);
    // Each shared quarter is saved twice, and the second save needed confirming at least once.
    expect(confirmationRounds.length).toBeGreaterThanOrEqual(
      Object.keys(SHARED_WITH).length * QUARTERS_PER_CLIENT,
    );
    const refusalRounds = QUARTERS.filter((_, index) => index % 25 === 12).length;
    expect(refusals.filter(({ what }) => what === "invalid").map((r) => r.answer.status)).toEqual(
      Array(CLIENTS * refusalRounds).fill(400),
    );
    expect(
      refusals.filter(({ what }) => what === "no session").map((r) => r.answer.status),
    ).toEqual(Array(CLIENTS * refusalRounds).fill(401));

    await server.stop();
    const checked = db;
    const revisionsOf = (brand: string, metric: string, quarter: string) =>
      checked.query<{
        revision: number;
        isCurrent: number | boolean;
        value: number;
        createdBy: string;
      }>(
        `SELECT o.revision, o."isCurrent", o.value, o."createdBy", o.note
         FROM "Observation" o JOIN "Brand" b ON b.id = o."brandId" JOIN "Metric" m ON m.id = o."metricId"
         WHERE b.slug = $1 AND m.key = $2 AND o.quarter = $3 ORDER BY o.revision`,
        [brand, metric, quarter],
      );
    const auditsOf = (key: string) =>
      checked.query<{ action: string; actor: string; revision: number; value: number }>(
        `SELECT action, actor, ${jsonField(checked, "after", "revision")} AS revision, ${jsonField(checked, "after", "value")} AS value
         FROM "AuditEntry" WHERE entity = 'observation' AND "entityKey" = $1 ORDER BY id`,
        [key],
      );
    const byFigure = new Map<string, Ack[]>();
    for (const ack of acks) {
      const key = `${ack.series.brand}/${ack.series.metric}/${ack.quarter}`;
      byFigure.set(key, [...(byFigure.get(key) ?? []), ack]);
    }
    expect(byFigure.size).toBe(16 * QUARTERS_PER_CLIENT);
    for (const [key, figureAcks] of byFigure) {
      const [brand = "", metric = "", quarter = ""] = key.split("/");
      const rows = await revisionsOf(brand, metric, quarter);
      // Revisions 1..n, one per acknowledged save, exactly one current: the last.
      expect(
        rows.map((row) => row.revision),
        key,
      ).toEqual(figureAcks.map((_, index) => index + 1));
      expect(
        rows.filter((row) => Boolean(row.isCurrent)).map((row) => row.revision),
        key,
      ).toEqual([rows.length]);
      const byRevision = [...figureAcks].sort((a, b) => a.revision - b.revision);
      expect(
        byRevision.map((ack) => ack.revision),
        key,
      ).toEqual(rows.map((row) => row.revision));
      for (const ack of byRevision) {
        const row = rows[ack.revision - 1];
        expect(row?.value, key).toBe(Number(ack.value));
        expect(row?.createdBy, key).toBe(`client-${String(ack.client).padStart(2, "0")}`);
      }
      // The current value is the last acknowledged write: the one that answered last.
      const lastReceived = [...figureAcks].sort((a, b) => a.receivedAt - b.receivedAt).at(-1);
      expect(rows.at(-1)?.value, key).toBe(Number(lastReceived?.value));
      const audits = await auditsOf(key);
      expect(
        audits.map((audit) => [audit.action, audit.revision, audit.value, audit.actor]),
        key,
      ).toEqual(
        rows.map((row, index) => [
          index === 0 ? "create" : "restate",
          row.revision,
          row.value,
          row.createdBy,
        ]),
      );
    }
    // Nothing else was written by the clients: no figure, and no audit row, beyond the acks.
    expect(await db.count("Observation", `"createdBy" LIKE 'client-%'`)).toBe(acks.length);
    // (Each client's account creation has its own audit row, entity "account".)
    expect(await db.count("AuditEntry", "actor LIKE 'client-%' AND entity <> 'account'")).toBe(
      acks.length,
    );
    expect(await figuresNotCurrentOnce(db)).toEqual([]);
  });
});
