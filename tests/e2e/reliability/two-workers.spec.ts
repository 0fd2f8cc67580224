import { get } from "node:http";
import { expect, test } from "@playwright/test";
import {
  apiRequest,
  apiSignIn,
  postQuarterConfirming,
  type QuarterBody,
} from "../../support/api-client";
import type { RunningServer } from "../../support/server-process";
import { XIAOMI_METRIC_KEYS } from "../support";
import {
  createReliabilityDatabase,
  figuresNotCurrentOnce,
  quartersFrom,
  RELIABILITY_PASSWORD,
  startPulse,
  type TestDatabase,
} from "./harness";

/*
 * PULSE_WORKERS=2: two serving processes on one port (server/workers.ts), on SQLite and on
 * PostgreSQL. What one worker writes holds on the other at once, concurrent writes through both
 * are each stored once with one current revision per figure, and a worker that dies is replaced.
 * The primary hands connections out in turn, so consecutive requests on new connections reach
 * both workers.
 */

/**
 * A GET on a connection of its own (fetch would keep one connection alive, and one connection
 * stays with one worker).
 */
function getOnNewConnection(url: string): Promise<{ status: number; cache: string; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        body += chunk;
      });
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          cache: String(response.headers["x-pulse-cache"] ?? ""),
          body,
        }),
      );
    }).on("error", reject);
  });
}

function waitUntil<T>(what: string, probe: () => T | null, ms = 30_000): Promise<T> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const tick = () => {
      const value = probe();
      if (value !== null) resolve(value);
      else if (Date.now() - started > ms) reject(new Error(`timed out waiting for ${what}`));
      else setTimeout(tick, 200);
    };
    tick();
  });
}

test.describe("two serving processes on one port", () => {
  test.describe.configure({ timeout: 180_000, mode: "serial" });
  let db: TestDatabase;
  let server: RunningServer;

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    db = await createReliabilityDatabase("workers");
    server = await startPulse(db, { PULSE_WORKERS: "2", PULSE_REQUEST_LOG: "off" });
  });

  test.afterAll(async () => {
    await server?.stop();
    await db?.remove();
  });

  test("two processes serve, and a save through one is on the next page either of them answers", async () => {
    const workers = await waitUntil("two serving processes", () => {
      const pids = server.servingPids();
      return pids.length === 2 ? pids : null;
    });
    expect(new Set(workers).size).toBe(2);

    const page = "/metrics/iot_5plus_users?brand=xiaomi";
    // Four requests on new connections reach both workers twice: each renders the page once
    // and keeps it, so two misses (one process would have one).
    const caches: string[] = [];
    for (let i = 0; i < 4; i++) {
      const response = await getOnNewConnection(`${server.baseUrl}${page}`);
      expect(response.body).not.toContain('data-quarter="2001Q1"');
      caches.push(response.cache);
    }
    expect(
      caches.filter((cache) => cache === "miss"),
      caches.join(", "),
    ).toHaveLength(2);

    const cookie = await apiSignIn(server.baseUrl, "Worker writer", RELIABILITY_PASSWORD);
    const body: QuarterBody = {
      brand: "xiaomi",
      year: 2001,
      quarter: 1,
      values: { iot_5plus_users: "7.5" },
      source: { title: "Two workers" },
    };
    const saved = await apiRequest(server.baseUrl, "/api/quarters", { cookie, json: body });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    // Whichever worker answers, neither serves its page from before the save.
    for (let i = 0; i < 4; i++) {
      const response = await getOnNewConnection(`${server.baseUrl}${page}`);
      expect(response.body, `read ${i + 1} after the save`).toContain('data-quarter="2001Q1"');
    }
  });

  test("concurrent saves and restatements through both workers: each stored once, one current revision per figure", async () => {
    const CLIENTS = 6;
    const cookies = await Promise.all(
      Array.from({ length: CLIENTS }, (_, client) =>
        apiSignIn(server.baseUrl, `worker-client-${client}`, RELIABILITY_PASSWORD),
      ),
    );
    const before = await db.count("Observation");
    let acceptedFigures = 0;
    await Promise.all(
      cookies.map(async (cookie, client) => {
        // New quarters of their own, then every client restates the same figure.
        const quarters = quartersFrom("2010Q1", 24).filter(
          (_, index) => index % CLIENTS === client,
        );
        for (const quarter of quarters) {
          const answer = await apiRequest(server.baseUrl, "/api/quarters", {
            cookie,
            json: {
              brand: "xiaomi",
              year: quarter.slice(0, 4),
              quarter: quarter.slice(4),
              values: Object.fromEntries(
                XIAOMI_METRIC_KEYS.map((key, k) => [key, String(10 + k + client)]),
              ),
              source: { title: `Worker burst ${client}` },
            },
          });
          expect(answer.status, JSON.stringify(answer.body)).toBe(201);
          acceptedFigures += XIAOMI_METRIC_KEYS.length;
        }
        const answers = await postQuarterConfirming(server.baseUrl, cookie, {
          brand: "xiaomi",
          year: 2009,
          quarter: 4,
          values: { iot_5plus_users: String(20 + client) },
          source: { title: `Worker restatement ${client}` },
        });
        const last = answers.at(-1);
        expect(last?.status, JSON.stringify(last?.body)).toBe(201);
        acceptedFigures += 1;
      }),
    );
    expect(await db.count("Observation")).toBe(before + acceptedFigures);
    expect(await figuresNotCurrentOnce(db)).toEqual([]);
    // Six clients, six revisions of the one figure they all restated, numbered without a gap.
    const revisions = await db.query<{ revision: number | string }>(
      `SELECT o.revision FROM "Observation" o JOIN "Metric" m ON m.id = o."metricId"
       WHERE o.quarter = '2009Q4' AND m.key = 'iot_5plus_users' ORDER BY o.revision`,
    );
    expect(revisions.map((row) => Number(row.revision))).toEqual(
      Array.from({ length: CLIENTS }, (_, index) => index + 1),
    );
  });

  test("a worker killed with -9 is replaced, and the port keeps answering meanwhile", async () => {
    const [victim, survivor] = server.servingPids();
    expect(victim).toBeDefined();
    process.kill(victim as number, "SIGKILL");
    // Once the primary knows (it says so), the other worker answers every new connection while a
    // replacement starts.
    await waitUntil("the primary to notice", () =>
      server.log().includes("A serving process died (SIGKILL): starting another.") ? true : null,
    );
    for (let i = 0; i < 6; i++) {
      expect((await getOnNewConnection(`${server.baseUrl}/healthz`)).status).toBe(200);
    }
    const replaced = await waitUntil("a replacement worker", () => {
      const pids = server.servingPids();
      return pids.length === 2 && !pids.includes(victim as number) ? pids : null;
    });
    expect(replaced).toContain(survivor);
    for (let i = 0; i < 4; i++) {
      expect((await getOnNewConnection(`${server.baseUrl}/?brand=xiaomi`)).status).toBe(200);
    }
  });
});
