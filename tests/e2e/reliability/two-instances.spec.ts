import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { type RunningServer, startServer } from "../../../bench/lib/server";
import { apiRequest, apiSignIn, type QuarterBody } from "../api";
import { XIAOMI_METRIC_KEYS } from "../support";
import {
  killHard,
  PROJECT_ROOT,
  quartersFrom,
  RELIABILITY_ENV,
  RELIABILITY_PASSWORD,
} from "./harness";

/*
 * Two production servers on one PostgreSQL database, as behind a load balancer. Needs a server
 * to create the database on: PULSE_TEST_PG_URL (scripts/pg-cluster.sh; `npm test` starts one).
 */
const serverUrl = process.env.PULSE_TEST_PG_URL;

function databaseUrl(name: string): string {
  const url = new URL(serverUrl ?? "");
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl("postgres") });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function startOn(url: string): Promise<RunningServer> {
  return startServer({
    projectRoot: PROJECT_ROOT,
    databaseFile: "",
    databaseUrl: url,
    env: { ...RELIABILITY_ENV, PULSE_REQUEST_LOG: "off" },
  });
}

test.describe("two instances on one PostgreSQL", () => {
  test.skip(!serverUrl, "PULSE_TEST_PG_URL is not set: start a cluster with scripts/pg-cluster.sh");
  test.describe.configure({ timeout: 180_000, mode: "serial" });
  const name = `pulse_two_${randomUUID().replace(/-/g, "")}`;
  const url = databaseUrl(name);
  const servers: RunningServer[] = [];
  let a: RunningServer;
  let b: RunningServer;

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    await admin(`CREATE DATABASE "${name}"`);
    // A first: it migrates and seeds; B then finds the data there.
    a = await startOn(url);
    servers.push(a);
    b = await startOn(url);
    servers.push(b);
  });

  test.afterAll(async () => {
    for (const server of servers) await server.stop();
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });

  test("both are ready; a write on A shows on B's cached page at the very next request", async () => {
    for (const server of [a, b]) {
      const ready = await fetch(`${server.baseUrl}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: "ready" });
    }
    const page = "/metrics/iot_5plus_users?brand=xiaomi";
    // B renders and caches the page without the quarter...
    for (let i = 0; i < 2; i++) {
      const before = await fetch(`${b.baseUrl}${page}`);
      expect(await before.text()).not.toContain('data-quarter="2001Q1"');
    }
    expect((await fetch(`${b.baseUrl}${page}`)).headers.get("x-pulse-cache")).toBe("hit");
    // ...A saves it...
    const cookie = await apiSignIn(a.baseUrl, "Writer on A", RELIABILITY_PASSWORD);
    const body: QuarterBody = {
      brand: "xiaomi",
      year: 2001,
      quarter: 1,
      values: { iot_5plus_users: "7.5" },
      source: { title: "Two instances" },
    };
    const saved = await apiRequest(a.baseUrl, "/api/quarters", { cookie, json: body });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    // ...and B's very next answer has it.
    const after = await fetch(`${b.baseUrl}${page}`);
    expect(after.headers.get("x-pulse-cache")).toBe("miss");
    expect(await after.text()).toContain('data-quarter="2001Q1"');
  });

  test("kill -9 of A in a burst of writes through both: B keeps serving, every acknowledged write is there once, one current revision per figure", async () => {
    const CLIENTS = 8;
    const servers = (client: number) => (client % 2 === 0 ? a : b);
    const cookies = await Promise.all(
      Array.from({ length: CLIENTS }, (_, client) =>
        apiSignIn(servers(client).baseUrl, `burst-${client}`, RELIABILITY_PASSWORD),
      ),
    );
    type Outcome = "acknowledged" | "refused" | "lost";
    const requests: { note: string; server: "A" | "B"; outcome?: Outcome }[] = [];
    let acknowledgedOnA = 0;
    let killed = false;
    let afterKillOnB = 0;

    async function runClient(client: number): Promise<void> {
      const server = servers(client);
      // Clients on A and on B write the same brand's quarters, interleaved: figures of the same
      // brand are written through both instances at once.
      // Xiaomi only: a brand takes figures only for the metrics it tracks (Li Auto tracks two).
      const brand = "xiaomi";
      const quarters = quartersFrom("2005Q1", 40).filter((_, index) => index % CLIENTS === client);
      for (const [index, quarter] of quarters.entries()) {
        if (killed && server === a) return;
        const request: (typeof requests)[number] = {
          note: `two ${client}-${index}`,
          server: server === a ? "A" : "B",
        };
        requests.push(request);
        const body: QuarterBody = {
          brand,
          year: quarter.slice(0, 4),
          quarter: quarter.slice(4),
          values: Object.fromEntries(XIAOMI_METRIC_KEYS.map((key, k) => [key, String(10 + k)])),
          source: { title: `Two-instance burst ${client}` },
          note: request.note,
        };
        try {
          const answer = await apiRequest(server.baseUrl, "/api/quarters", {
            cookie: cookies[client],
            json: body,
          });
          expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(500);
          request.outcome = answer.status === 201 ? "acknowledged" : "refused";
          if (answer.status === 201 && server === a) acknowledgedOnA++;
          if (answer.status === 201 && server === b && killed) afterKillOnB++;
        } catch {
          request.outcome = "lost";
          return;
        }
      }
    }

    const clients = Array.from({ length: CLIENTS }, (_, client) => runClient(client));
    const started = performance.now();
    while (acknowledgedOnA < 6 && performance.now() - started < 90_000) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    killed = true;
    await killHard(a);
    // B keeps serving pages while and after A dies.
    const home = await fetch(`${b.baseUrl}/`);
    expect(home.status).toBe(200);
    await Promise.all(clients);

    const acks = requests.filter((request) => request.outcome === "acknowledged");
    console.log(
      `two instances, kill -9 of A: ${acks.length} acknowledged (${afterKillOnB} on B after the kill), ` +
        `${requests.filter((r) => r.outcome === "lost").length} lost with A, ` +
        `${requests.filter((r) => r.outcome === "refused").length} refused`,
    );
    expect(requests.filter((request) => request.outcome === "refused")).toEqual([]);
    expect(requests.filter((r) => r.outcome === "lost" && r.server === "B")).toEqual([]);
    expect(afterKillOnB).toBeGreaterThan(0);

    const db = new pg.Client({ connectionString: url });
    await db.connect();
    try {
      const notes = await db.query<{ note: string; figures: string }>(
        `SELECT note, count(*) AS figures FROM "Observation" WHERE note LIKE 'two %' GROUP BY note`,
      );
      const stored = new Map(notes.rows.map((row) => [row.note, Number(row.figures)]));
      // Every acknowledged write is there, each figure once.
      for (const request of acks)
        expect(stored.get(request.note), request.note).toBe(XIAOMI_METRIC_KEYS.length);
      // A write lost with A is there completely or not at all.
      for (const request of requests.filter((r) => r.outcome === "lost")) {
        expect([undefined, XIAOMI_METRIC_KEYS.length]).toContain(stored.get(request.note));
      }
      const notCurrentOnce = await db.query(
        `SELECT "brandId", "metricId", quarter, count(*) FILTER (WHERE "isCurrent") AS current
         FROM "Observation" GROUP BY "brandId", "metricId", quarter
         HAVING count(*) FILTER (WHERE "isCurrent") <> 1`,
      );
      expect(notCurrentOnce.rows).toEqual([]);
    } finally {
      await db.end();
    }
    const ready = await fetch(`${b.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
  });
});
