import { expect, test } from "@playwright/test";
import { apiRequest, apiSignIn, E2E_ADMIN } from "../../support/api-client";
import type { RunningServer } from "../../support/server-process";
import {
  createReliabilityDatabase,
  prepareDatabase,
  startPulse,
  type TestDatabase,
} from "../reliability/harness";

/*
 * A server of its own (the main one is public and trusts one proxy): PULSE_PUBLIC_READ=false and
 * the default PULSE_TRUSTED_PROXIES=0, so X-Forwarded-For is ignored and every request from here
 * comes from 127.0.0.1.
 */
test.describe("a private server that trusts no proxy", () => {
  test.describe.configure({ timeout: 240_000 });
  let server: RunningServer;
  let db: TestDatabase | null = null;

  test.beforeAll(async () => {
    // Migrating, seeding and starting a second server takes a while on a shared machine.
    test.setTimeout(240_000);
    db = await createReliabilityDatabase("private");
    await prepareDatabase(db);
    server = await startPulse(db, { PULSE_PUBLIC_READ: "false" });
  });

  test.afterAll(async () => {
    await server?.stop();
    await db?.remove();
  });

  test("sends an anonymous visitor to sign-in, answers the export and the feed with 401, and opens to a signed-in viewer", async ({
    page,
  }) => {
    await page.goto(`${server.baseUrl}/metrics/revenue`);
    await expect(page).toHaveURL(/\/login\?next=%2Fmetrics%2Frevenue/);
    await expect(page.getByText("This Pulse is private")).toBeVisible();
    const exported = await apiRequest(server.baseUrl, "/api/export?brand=xiaomi", {
      method: "GET",
    });
    expect(exported.status).toBe(401);
    expect(exported.body).toMatchObject({ code: "unauthenticated" });
    // A feed reader cannot sign in through a form: a refusal, not a redirect it would follow.
    const feed = await apiRequest(server.baseUrl, "/feeds/xiaomi.atom", { method: "GET" });
    expect(feed.status).toBe(401);
    expect(String(feed.body)).toContain("feeds are for signed-in readers only");

    const cookie = await apiSignIn(server.baseUrl, "Private Viewer", undefined, {}, "viewer");
    const signedIn = await apiRequest(server.baseUrl, "/api/export?brand=xiaomi&metrics=revenue", {
      method: "GET",
      cookie,
    });
    expect(signedIn.status).toBe(200);
    expect(String(signedIn.body)).toMatch(/^brand,metric/);
    const signedInFeed = await apiRequest(server.baseUrl, "/feeds/xiaomi.atom", {
      method: "GET",
      cookie,
    });
    expect(signedInFeed.status).toBe(200);
    expect(String(signedInFeed.body)).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
  });

  test("twenty wrong passwords with varied X-Forwarded-For end in 429", async () => {
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= 21; attempt++) {
      const answer = await apiRequest(server.baseUrl, "/api/session", {
        json: { email: `guess-${attempt}@e2e.test`, password: `wrong-password-${attempt}` },
        headers: { "x-forwarded-for": `10.${attempt}.0.1` },
      });
      statuses.push(answer.status);
    }
    expect(statuses.slice(0, 20).every((status) => status === 401)).toBe(true);
    expect(statuses[20]).toBe(429);
    // Even the admin's right password is refused from this address now.
    const admin = await apiRequest(server.baseUrl, "/api/session", {
      json: { email: E2E_ADMIN.email, password: E2E_ADMIN.password },
      headers: { "x-forwarded-for": "10.200.0.1" },
    });
    expect(admin.status).toBe(429);
    expect(Number(admin.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
