import { expect, test } from "@playwright/test";
import { THROTTLE } from "@/lib/auth/settings";
import {
  apiRequest,
  apiSignIn,
  ensureAccount,
  type QuarterBody,
  signInWithEmail,
} from "../../support/api-client";
import type { RunningServer } from "../../support/server-process";
import { XIAOMI_METRIC_KEYS } from "../support";
import {
  createReliabilityDatabase,
  figuresNotCurrentOnce,
  jsonText,
  killHard,
  ON_POSTGRES,
  quartersFrom,
  RELIABILITY_PASSWORD,
  startPulse,
  type TestDatabase,
} from "./harness";

/*
 * Two production servers on one PostgreSQL database, as behind a load balancer: what one
 * instance writes or decides (figures, sessions, sign-outs, failed sign-ins) holds on the other
 * at once, and kill -9 of one in a burst of writes costs nothing the other acknowledged.
 * PostgreSQL only (PULSE_TEST_DB=postgres with PULSE_TEST_PG_URL; scripts/test-all.sh runs it):
 * two processes on one SQLite file are the workers of one server (two-workers.spec.ts).
 */

function quarterBody(year: number, quarter: number, title: string): QuarterBody {
  return {
    brand: "xiaomi",
    year,
    quarter,
    values: { iot_5plus_users: "7.5" },
    source: { title },
  };
}

test.describe("two instances on one PostgreSQL", () => {
  test.skip(!ON_POSTGRES, "PostgreSQL only: set PULSE_TEST_DB=postgres and PULSE_TEST_PG_URL");
  test.describe.configure({ timeout: 180_000, mode: "serial" });
  const servers: RunningServer[] = [];
  let db: TestDatabase;
  let a: RunningServer;
  let b: RunningServer;

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    db = await createReliabilityDatabase("two");
    // A first: it migrates and seeds; B then finds the data there.
    a = await startPulse(db, { PULSE_REQUEST_LOG: "off" });
    servers.push(a);
    b = await startPulse(db, { PULSE_REQUEST_LOG: "off" });
    servers.push(b);
  });

  test.afterAll(async () => {
    for (const server of servers) await server.stop();
    await db?.remove();
  });

  test("both are ready; a write on A shows on B's cached page at the very next request, and B keeps the other brand's page cached", async () => {
    for (const server of [a, b]) {
      const ready = await fetch(`${server.baseUrl}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: "ready" });
    }
    const page = "/metrics/iot_5plus_users?brand=xiaomi";
    // The writer's account first: creating an account names no brand, so it expires every page.
    const cookie = await apiSignIn(a.baseUrl, "Writer on A", RELIABILITY_PASSWORD);
    // B renders and caches the page without the quarter...
    for (let i = 0; i < 2; i++) {
      const before = await fetch(`${b.baseUrl}${page}`);
      expect(await before.text()).not.toContain('data-quarter="2001Q1"');
    }
    expect((await fetch(`${b.baseUrl}${page}`)).headers.get("x-pulse-cache")).toBe("hit");
    // ...and Li Auto's overview, and a comparison that includes Xiaomi...
    const otherBrand = "/?brand=li-auto";
    const comparison = "/compare?brands=li-auto,xiaomi&metrics=revenue";
    for (const path of [otherBrand, comparison]) {
      await fetch(`${b.baseUrl}${path}`);
      expect((await fetch(`${b.baseUrl}${path}`)).headers.get("x-pulse-cache")).toBe("hit");
    }
    // ...A saves it...
    const saved = await apiRequest(a.baseUrl, "/api/quarters", {
      cookie,
      json: quarterBody(2001, 1, "Two instances"),
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    // ...and B's very next answer has it.
    const after = await fetch(`${b.baseUrl}${page}`);
    expect(after.headers.get("x-pulse-cache")).toBe("miss");
    expect(await after.text()).toContain('data-quarter="2001Q1"');
    // A Xiaomi figure changes no Li Auto page: B still answers it from its cache.
    expect((await fetch(`${b.baseUrl}${otherBrand}`)).headers.get("x-pulse-cache")).toBe("hit");
    expect((await fetch(`${b.baseUrl}${comparison}`)).headers.get("x-pulse-cache")).toBe("miss");
  });

  test("a session started on A writes through B, and signing out on A ends it on B at once", async () => {
    const cookie = await apiSignIn(a.baseUrl, "Session Traveller", RELIABILITY_PASSWORD);
    const onB = await apiRequest(b.baseUrl, "/api/quarters", {
      cookie,
      json: quarterBody(2001, 2, "Session from A, write on B"),
    });
    expect(onB.status, JSON.stringify(onB.body)).toBe(201);

    const signedOut = await apiRequest(a.baseUrl, "/api/session", { method: "DELETE", cookie });
    expect(signedOut.status).toBe(204);
    const afterSignOut = await apiRequest(b.baseUrl, "/api/quarters", {
      cookie,
      json: quarterBody(2001, 3, "After signing out on A"),
    });
    expect(afterSignOut.status, JSON.stringify(afterSignOut.body)).toBe(401);
    expect(await db.count("Observation", "quarter IN ('2001Q2', '2001Q3')")).toBe(1);
  });

  test("failed sign-ins on A lock the account on B too, right password and all; other accounts still sign in on B", async () => {
    const email = await ensureAccount(
      a.baseUrl,
      "Throttled Editor",
      "editor",
      RELIABILITY_PASSWORD,
    );
    for (let attempt = 1; attempt <= THROTTLE.perAccount; attempt++) {
      const wrong = await apiRequest(a.baseUrl, "/api/session", {
        json: { email, password: `not-the-password-${attempt}` },
      });
      expect(wrong.status, `attempt ${attempt}`).toBe(401);
    }
    const onB = await apiRequest(b.baseUrl, "/api/session", {
      json: { email, password: RELIABILITY_PASSWORD },
    });
    expect(onB.status, JSON.stringify(onB.body)).toBe(429);
    expect(onB.body).toMatchObject({ code: "rate_limited" });
    expect(Number(onB.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(onB.headers.getSetCookie()).toEqual([]);
    // The lock is the account's: the address (the same for both) is still under its own limit.
    expect(THROTTLE.perAccount).toBeLessThan(THROTTLE.perAddress);
    const other = await ensureAccount(
      a.baseUrl,
      "Unthrottled Editor",
      "editor",
      RELIABILITY_PASSWORD,
    );
    expect(await signInWithEmail(b.baseUrl, other, RELIABILITY_PASSWORD)).toMatch(/pulse_session=/);
  });

  test("kill -9 of A in a burst of writes through both: B keeps serving, every acknowledged write is there once, one current revision per figure", async () => {
    const CLIENTS = 8;
    const serverOf = (client: number) => (client % 2 === 0 ? a : b);
    const cookies = await Promise.all(
      Array.from({ length: CLIENTS }, (_, client) =>
        apiSignIn(serverOf(client).baseUrl, `burst-${client}`, RELIABILITY_PASSWORD),
      ),
    );
    type Outcome = "acknowledged" | "refused" | "lost";
    const requests: {
      note: string;
      server: "A" | "B";
      outcome?: Outcome;
      refusal?: unknown;
    }[] = [];
    let acknowledgedOnA = 0;
    let enoughOnA: () => void = () => {};
    const sixOnA = new Promise<void>((resolve) => {
      enoughOnA = resolve;
    });
    let killed = false;
    let afterKillOnB = 0;

    async function runClient(client: number): Promise<void> {
      const server = serverOf(client);
      // Clients on A and on B write the same brand's quarters, interleaved: figures of the same
      // brand are written through both instances at once.
      // Xiaomi only: a brand takes figures only for the metrics it tracks (Li Auto tracks two).
      const quarters = quartersFrom("2005Q1", 40).filter((_, index) => index % CLIENTS === client);
      for (const [index, quarter] of quarters.entries()) {
        if (killed && server === a) return;
        const request: (typeof requests)[number] = {
          note: `two ${client}-${index}`,
          server: server === a ? "A" : "B",
        };
        requests.push(request);
        const body: QuarterBody = {
          brand: "xiaomi",
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
          if (answer.status !== 201) request.refusal = [answer.status, answer.body];
          if (answer.status === 201 && server === a && ++acknowledgedOnA === 6) enoughOnA();
          if (answer.status === 201 && server === b && killed) afterKillOnB++;
        } catch {
          request.outcome = "lost";
          return;
        }
        // Clients on B read the page they write to after each save: B serves pages before,
        // during and after the kill. (A reader in a loop of its own starved B's event loop on
        // two shared cores: every write transaction then lasted seconds.)
        if (server === b) {
          const afterKill = killed;
          const status = await fetch(`${b.baseUrl}/metrics/revenue?brand=xiaomi`).then(
            async (page) => {
              await page.arrayBuffer();
              return page.status;
            },
            () => 0,
          );
          readsOnB.push({ status, afterKill });
        }
      }
    }
    const readsOnB: { status: number; afterKill: boolean }[] = [];

    const clients = Array.from({ length: CLIENTS }, (_, client) => runClient(client));
    await Promise.race([sixOnA, Promise.all(clients)]);
    killed = true;
    await killHard(a);
    await Promise.all(clients);

    const acks = requests.filter((request) => request.outcome === "acknowledged");
    const lost = requests.filter((request) => request.outcome === "lost");
    console.log(
      `two instances, kill -9 of A: ${acks.length} acknowledged (${afterKillOnB} on B after the kill), ` +
        `${lost.length} lost with A, ${requests.filter((r) => r.outcome === "refused").length} refused; ` +
        `${readsOnB.length} page reads on B meanwhile`,
    );
    expect(acknowledgedOnA).toBeGreaterThanOrEqual(6);
    expect(requests.filter((request) => request.outcome === "refused")).toEqual([]);
    expect(lost.filter((request) => request.server === "B")).toEqual([]);
    expect(afterKillOnB).toBeGreaterThan(0);
    expect(readsOnB.filter((read) => read.status !== 200)).toEqual([]);
    expect(readsOnB.filter((read) => read.afterKill).length).toBeGreaterThan(0);

    const figures = await db.query<{ note: string; figures: string; current: string }>(
      `SELECT note, count(*) AS figures, count(*) FILTER (WHERE "isCurrent") AS current
       FROM "Observation" WHERE note LIKE 'two %' GROUP BY note`,
    );
    const audits = await db.query<{ note: string; n: string }>(
      `SELECT ${jsonText(db, "after", "note")} AS note, count(*) AS n FROM "AuditEntry"
       WHERE entity = 'observation' AND ${jsonText(db, "after", "note")} LIKE 'two %' GROUP BY 1`,
    );
    const stored = new Map(
      figures.map((row) => [row.note, [Number(row.figures), Number(row.current)]]),
    );
    const audited = new Map(audits.map((row) => [row.note, Number(row.n)]));
    const whole = [XIAOMI_METRIC_KEYS.length, XIAOMI_METRIC_KEYS.length];
    // Every acknowledged write is there once: each figure once, current, with its audit row.
    for (const request of acks) {
      expect(stored.get(request.note), request.note).toEqual(whole);
      expect(audited.get(request.note), request.note).toBe(XIAOMI_METRIC_KEYS.length);
    }
    // A write lost with A is there completely or not at all.
    for (const request of lost) {
      const kept = stored.get(request.note);
      expect([undefined, whole.join()], request.note).toContain(kept?.join());
      expect(audited.get(request.note), request.note).toBe(
        kept ? XIAOMI_METRIC_KEYS.length : undefined,
      );
    }
    // Nothing stored that no request sent.
    const sent = new Set(requests.map((request) => request.note));
    expect([...stored.keys()].filter((note) => !sent.has(note))).toEqual([]);
    expect(await figuresNotCurrentOnce(db)).toEqual([]);
    const ready = await fetch(`${b.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
  });

  test("B's /readyz answers 503 naming a migration that is not applied, and 200 once it is", async () => {
    const [last] = await db.query<Record<string, unknown>>(
      `SELECT * FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1`,
    );
    if (!last) throw new Error("no migration applied");
    await db.query(`DELETE FROM "_prisma_migrations" WHERE id = $1`, [last.id]);
    try {
      const unready = await fetch(`${b.baseUrl}/readyz`);
      expect(unready.status).toBe(503);
      expect(unready.headers.get("cache-control") ?? "").toContain("no-store");
      expect(await unready.json()).toEqual({
        status: "unready",
        reason: `migrations not applied: ${String(last.migration_name)}`,
      });
      // The process itself still answers: a load balancer tells the two apart.
      expect((await fetch(`${b.baseUrl}/healthz`)).status).toBe(200);
    } finally {
      const columns = Object.keys(last);
      await db.query(
        `INSERT INTO "_prisma_migrations" (${columns.map((c) => `"${c}"`).join(", ")})
         VALUES (${columns.map((_, i) => `$${i + 1}`).join(", ")})`,
        columns.map((column) => last[column]),
      );
    }
    const ready = await fetch(`${b.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
  });
});
