import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { SESSION_COOKIE_BASE } from "@/lib/auth/cookie-name";
import { currentUser } from "@/lib/auth/current-user";
import { THROTTLE } from "@/lib/auth/settings";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { getReadDb, getWriteDb } from "@/lib/db";
import {
  acceptLink,
  changePassword,
  createInvitation,
  createResetLink,
  resetPassword,
  setActive,
  setRole,
} from "@/lib/mutations/accounts";
import { createSession, resolveSession } from "@/lib/mutations/sessions";
import { ensureFirstAdmin } from "@/lib/seed/first-admin";
import { request, resetRequest } from "../support/next-request";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

vi.mock("next/headers", async () => (await import("../support/next-request")).nextHeaders);
vi.mock("next/navigation", async () => (await import("../support/next-request")).nextNavigation);
vi.mock("next/cache", async () => (await import("../support/next-request")).nextCache);

process.env.PULSE_SCRYPT_COST = "12,8,1";
process.env.PULSE_SECURE_COOKIES = "false";

const ADMIN = { email: "admin@example.test", password: "tangerine-vault-42" };
const SYSTEM = { id: null, name: "test" };

async function invite(
  email: string,
  role: "viewer" | "editor" | "admin",
  password = "plum-orchard-77x",
) {
  const link = await createInvitation({ email, name: email.split("@")[0] ?? email, role }, SYSTEM);
  return acceptLink("invite", link.token, { name: email.split("@")[0] ?? email, password });
}

async function signInAs(email: string, password: string) {
  return signInWithPassword({ email, password });
}

let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await createTestDatabase();
  process.env.PULSE_ADMIN_EMAIL = ADMIN.email;
  process.env.PULSE_ADMIN_PASSWORD = ADMIN.password;
  expect(await ensureFirstAdmin(testDb.url)).toEqual({ kind: "created", email: ADMIN.email });
  expect(await ensureFirstAdmin(testDb.url)).toEqual({ kind: "exists" });
});

afterAll(async () => {
  delete process.env.PULSE_ADMIN_EMAIL;
  delete process.env.PULSE_ADMIN_PASSWORD;
  await getReadDb().$disconnect();
  await getWriteDb().$disconnect();
  testDb.remove();
});

beforeEach(() => resetRequest());

describe("accounts and sessions against a real SQLite file", () => {
  it("signs in with email and password: a server-side session whose token is stored only hashed", async () => {
    const result = await signInAs(ADMIN.email, ADMIN.password);
    expect(result.kind).toBe("signed-in");
    const token = request.cookies.get(SESSION_COOKIE_BASE);
    expect(token).toMatch(/^[\w-]{43}$/);
    const stored = await getReadDb().session.findMany();
    expect(stored.some((row) => row.id === token)).toBe(false);
    expect((await currentUser())?.email).toBe(ADMIN.email);
  });

  it("gives a new session id at every sign-in and ends the one the browser had", async () => {
    await signInAs(ADMIN.email, ADMIN.password);
    const first = request.cookies.get(SESSION_COOKIE_BASE) ?? "";
    await signInAs(ADMIN.email, ADMIN.password);
    const second = request.cookies.get(SESSION_COOKIE_BASE) ?? "";
    expect(second).not.toBe(first);
    expect(await resolveSession(first)).toBeNull();
    expect(await resolveSession(second)).not.toBeNull();
  });

  it("ends a session after its idle time and at its absolute expiry, however active", async () => {
    const user = await getReadDb().user.findUniqueOrThrow({ where: { email: ADMIN.email } });
    const start = new Date("2030-01-01T00:00:00Z");
    const idle = await createSession(user.id, {}, start);
    expect(
      await resolveSession(idle.token, new Date(start.getTime() + 119 * 60_000)),
    ).not.toBeNull();
    // Touched at 119 min, so idle counts from there.
    expect(
      await resolveSession(idle.token, new Date(start.getTime() + 200 * 60_000)),
    ).not.toBeNull();
    expect(await resolveSession(idle.token, new Date(start.getTime() + 330 * 60_000))).toBeNull();

    const busy = await createSession(user.id, {}, start);
    let now = start.getTime();
    for (let hour = 1; hour < 12; hour++) {
      now = start.getTime() + hour * 3_600_000;
      expect(await resolveSession(busy.token, new Date(now)), `hour ${hour}`).not.toBeNull();
    }
    expect(await resolveSession(busy.token, new Date(start.getTime() + 12 * 3_600_000))).toBeNull();
  });

  it("ends every session of an account at once when it is deactivated, changes role or password", async () => {
    const editorId = await invite("eve@example.test", "editor");
    const open = async () => (await createSession(editorId)).token;

    const beforeDeactivation = await open();
    await setActive(editorId, false, SYSTEM);
    expect(await resolveSession(beforeDeactivation)).toBeNull();
    expect((await signInAs("eve@example.test", "plum-orchard-77x")).kind).toBe("wrong-password");
    await setActive(editorId, true, SYSTEM);

    const beforeRoleChange = await open();
    await setRole(editorId, "viewer", SYSTEM);
    expect(await resolveSession(beforeRoleChange)).toBeNull();
    const afterRoleChange = await open();
    expect((await resolveSession(afterRoleChange))?.role).toBe("viewer");

    await changePassword(editorId, "plum-orchard-77x", "walnut-harbour-31q");
    expect(await resolveSession(afterRoleChange)).toBeNull();
    expect((await signInAs("eve@example.test", "plum-orchard-77x")).kind).toBe("wrong-password");
    expect((await signInAs("eve@example.test", "walnut-harbour-31q")).kind).toBe("signed-in");

    const beforeReset = await open();
    const link = await createResetLink(editorId, SYSTEM);
    await resetPassword(link.token, "juniper-lantern-58k");
    expect(await resolveSession(beforeReset)).toBeNull();
    await expect(resetPassword(link.token, "another-password-99")).rejects.toMatchObject({
      code: "token_invalid",
    });

    const audit = await getReadDb().auditEntry.findMany({
      where: { entity: "account", entityKey: editorId },
      orderBy: { id: "asc" },
    });
    expect(audit.map((row) => row.action)).toEqual([
      "create",
      "deactivate",
      "reactivate",
      "role",
      "password",
      "password",
      "password",
    ]);
  });

  it("uses an invitation once, and never after its expiry", async () => {
    const link = await createInvitation(
      { email: "once@example.test", name: "Once", role: "viewer" },
      SYSTEM,
    );
    await acceptLink("invite", link.token, { name: "Once", password: "plum-orchard-77x" });
    await expect(
      acceptLink("invite", link.token, { name: "Twice", password: "plum-orchard-77x" }),
    ).rejects.toMatchObject({ code: "token_invalid" });
    const old = await createInvitation(
      { email: "late@example.test", name: "Late", role: "viewer" },
      SYSTEM,
      new Date("2020-01-01T00:00:00Z"),
    );
    await expect(
      acceptLink("invite", old.token, { name: "Late", password: "plum-orchard-77x" }),
    ).rejects.toMatchObject({ code: "token_invalid" });
  });
});

describe("failed sign-ins are throttled per account and per address, in the database", () => {
  it("counts one address however X-Forwarded-For varies (no trusted proxy), then refuses even the right password", async () => {
    for (let attempt = 1; attempt <= THROTTLE.perAddress; attempt++) {
      // The custom server computes the address from the socket; a spoofed header is ignored.
      resetRequest("198.51.100.7");
      request.headers.set("x-forwarded-for", `10.0.${attempt}.1`);
      const result = await signInAs(`nobody${attempt}@example.test`, `wrong-${attempt}-password`);
      expect(result.kind, `attempt ${attempt}`).toBe("wrong-password");
    }
    resetRequest("198.51.100.7");
    request.headers.set("x-forwarded-for", "10.9.9.9");
    const blocked = await signInAs(ADMIN.email, ADMIN.password);
    expect(blocked.kind).toBe("rate-limited");
    expect(request.cookies.size).toBe(0);
    // Another address still signs in.
    resetRequest("198.51.100.8");
    expect((await signInAs(ADMIN.email, ADMIN.password)).kind).toBe("signed-in");
  });

  it("counts one account across addresses", async () => {
    const victim = "victim@example.test";
    await invite(victim, "editor", "plum-orchard-77x");
    for (let attempt = 1; attempt <= THROTTLE.perAccount; attempt++) {
      resetRequest(`192.0.2.${attempt}`);
      expect((await signInAs(victim, `guess-${attempt}-password`)).kind).toBe("wrong-password");
    }
    resetRequest("192.0.2.200");
    const blocked = await signInAs(victim, "plum-orchard-77x");
    expect(blocked.kind).toBe("rate-limited");
    if (blocked.kind === "rate-limited") expect(blocked.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("keeps the counters bounded: rows of windows that are over are deleted", async () => {
    const db = getWriteDb();
    await db.signInThrottle.create({
      data: {
        key: "address:old",
        windowStart: new Date(Date.now() - 2 * THROTTLE.windowMs),
        failures: 99,
      },
    });
    resetRequest("192.0.2.250");
    await signInAs("someone@example.test", "wrong-password-x");
    expect(await db.signInThrottle.findUnique({ where: { key: "address:old" } })).toBeNull();
  });
});
