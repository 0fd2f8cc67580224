/**
 * Every write action and route checks the role itself: signed out, an action sends to sign-in
 * and a route answers 401; a viewer (or an editor, for admin-only writes) gets a refusal (403 /
 * a form message); nothing is written either way. The same calls as an editor do write, so each
 * refusal is about the role and not about the input.
 */
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as exportAudit } from "@/app/admin/audit/export/route";
import { POST as postImportConfirm } from "@/app/api/imports/[id]/confirm/route";
import { GET as getImport } from "@/app/api/imports/[id]/route";
import { POST as postImport } from "@/app/api/imports/route";
import { POST as postInvitation } from "@/app/api/invitations/route";
import { POST as postQuarter } from "@/app/api/quarters/route";
import { IDLE_ACCOUNT_FORM } from "@/lib/actions/account-form-state";
import { addQuarter } from "@/lib/actions/add-quarter";
import {
  changeActive,
  changeRole,
  inviteAccount,
  issueResetLink,
} from "@/lib/actions/admin-accounts";
import { changeBrandMetrics } from "@/lib/actions/change-brand-metrics";
import { confirmImport } from "@/lib/actions/confirm-import";
import { createClaimAction } from "@/lib/actions/create-claim";
import { createEventAction } from "@/lib/actions/create-event";
import { deleteEventAction } from "@/lib/actions/delete-event";
import { changeOwnPassword, endAllOwnSessions } from "@/lib/actions/own-account";
import { restateFigure } from "@/lib/actions/restate-figure";
import { reviseClaimAction } from "@/lib/actions/revise-claim";
import { updateEventAction } from "@/lib/actions/update-event";
import { uploadImport } from "@/lib/actions/upload-import";
import { withdrawFigure } from "@/lib/actions/withdraw-figure";
import { SESSION_COOKIE_BASE } from "@/lib/auth/cookie-name";
import { LONG_COLUMNS } from "@/lib/csv/export-format";
import { getReadDb, getWriteDb } from "@/lib/db";
import { EMPTY_CLAIM_VALUES } from "@/lib/domain/claim-input";
import { EMPTY_EVENT_VALUES } from "@/lib/domain/event-input";
import { INITIAL_QUARTER_FORM_STATE } from "@/lib/domain/quarter-input";
import { acceptLink, createInvitation } from "@/lib/mutations/accounts";
import { createSession } from "@/lib/mutations/sessions";
import { PROJECT_ROOT, seedFromFiles } from "@/lib/seed/prepare-database";
import { RedirectSignal, request, resetRequest } from "../support/next-request";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

vi.mock("next/headers", async () => (await import("../support/next-request")).nextHeaders);
vi.mock("next/navigation", async () => (await import("../support/next-request")).nextNavigation);
vi.mock("next/cache", async () => (await import("../support/next-request")).nextCache);

process.env.PULSE_SCRYPT_COST = "12,8,1";
process.env.PULSE_SECURE_COOKIES = "false";

type Who = "anonymous" | "viewer" | "editor" | "admin";
const ids: Partial<Record<Who, string>> = {};

async function makeAccount(role: "viewer" | "editor" | "admin"): Promise<string> {
  const link = await createInvitation(
    { email: `${role}@example.test`, name: `Test ${role}`, role },
    { id: null, name: "test" },
  );
  return acceptLink("invite", link.token, { name: `Test ${role}`, password: "plum-orchard-77x" });
}

async function as(who: Who): Promise<void> {
  resetRequest();
  const id = ids[who as Exclude<Who, "anonymous">];
  if (id) request.cookies.set(SESSION_COOKIE_BASE, (await createSession(id)).token);
}

/** Rows of every table a write touches. */
async function written(): Promise<Record<string, number>> {
  const db = getReadDb();
  const [audit, observations, events, imports, tokens, users, claims, brandMetrics] =
    await Promise.all([
      db.auditEntry.count(),
      db.observation.count(),
      db.event.count(),
      db.importBatch.count(),
      db.accountToken.count(),
      db.user.findMany({ select: { role: true, active: true }, orderBy: { id: "asc" } }),
      db.claim.count(),
      db.brandMetric.count(),
    ]);
  return {
    audit,
    claims,
    brandMetrics,
    observations,
    events,
    imports,
    tokens,
    users: users.length,
    roles: users.filter((user) => user.role === "admin" && user.active).length,
  };
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

const QUARTER_FORM = {
  brand: "xiaomi",
  year: "2001",
  quarter: "1",
  "value.retail_stores": "123",
  "qualifier.retail_stores": "exact",
  sourceTitle: "Role test source",
};

const EVENT_FORM = {
  ...EMPTY_EVENT_VALUES,
  date: "2025-01-15",
  kind: "launch",
  title: "Role test event",
  description: "An event added by the role test.",
  sourceTitle: "Role test source",
};

const CSV = `${LONG_COLUMNS.join(",")}\r\nxiaomi,retail_stores,,stores,2001Q2,5,exact,,,Role test,https://example.com/role,2026-05-20,false,,\r\n`;

const CLAIM_FORM = {
  ...EMPTY_CLAIM_VALUES,
  claimantKind: "press",
  claimant: "Role test press",
  sourceTitle: "Role test source",
  quote: "Xiaomi had about 700 million monthly users",
  metric: "mau",
  quarter: "2025Q1",
  kind: "level",
  statedValue: "700",
  statedUnit: "M users",
  hedge: "about",
};

const IDLE_CLAIM_FORM = { message: null, fieldErrors: {}, values: EMPTY_CLAIM_VALUES };

let claimUid = "";
let eventUid = "";
let eventRevision = 1;
let importId = 0;
let planChecksum = "";

function json(body: unknown, url = "http://localhost:3000/api/x", method = "POST"): Request {
  return new Request(url, {
    method,
    headers: { "content-type": "application/json", host: "localhost:3000" },
    body: JSON.stringify(body),
  });
}

function byName(name: string): (typeof WRITES)[number] {
  const write = WRITES.find((entry) => entry.name === name);
  if (!write) throw new Error(`no write named ${name}`);
  return write;
}

/** Each write, run as whoever is signed in; returns what the caller would see. */
const WRITES: {
  name: string;
  needs: "editor" | "admin" | "viewer";
  run: () => Promise<
    | { kind: "status"; status: number }
    | { kind: "state"; message: string | null }
    | { kind: "redirect"; url: string }
  >;
}[] = [
  {
    name: "addQuarter action",
    needs: "editor",
    run: async () => ({
      kind: "state",
      message: (await addQuarter(INITIAL_QUARTER_FORM_STATE, form(QUARTER_FORM))).message,
    }),
  },
  {
    name: "createEventAction",
    needs: "editor",
    run: async () => ({
      kind: "state",
      message: (
        await createEventAction(
          "xiaomi",
          { message: null, fieldErrors: {}, values: EMPTY_EVENT_VALUES },
          form(EVENT_FORM),
        )
      ).message,
    }),
  },
  {
    name: "updateEventAction",
    needs: "editor",
    run: async () => ({
      kind: "state",
      message: (
        await updateEventAction(
          eventUid,
          "xiaomi",
          { message: null, fieldErrors: {}, values: EMPTY_EVENT_VALUES },
          form({ ...EVENT_FORM, title: "Renamed", revision: String(eventRevision) }),
        )
      ).message,
    }),
  },
  {
    name: "deleteEventAction",
    needs: "editor",
    run: async () => {
      await deleteEventAction(eventUid, "xiaomi", form({ revision: String(eventRevision) }));
      return { kind: "state", message: null };
    },
  },
  {
    name: "withdrawFigure action",
    needs: "editor",
    run: async () => ({
      kind: "state",
      message: (
        await withdrawFigure(
          { message: null, fieldErrors: {}, values: { reason: "" } },
          form({
            brand: "xiaomi",
            metric: "revenue",
            quarter: "2025Q3",
            revision: "1",
            reason: "Role test",
            confirm: "yes",
            returnTo: "/metrics/revenue",
          }),
        )
      ).message,
    }),
  },
  {
    name: "uploadImport action",
    needs: "editor",
    run: async () => {
      const data = new FormData();
      data.set("file", new File([CSV], "role.csv", { type: "text/csv" }));
      return {
        kind: "state",
        message: (await uploadImport({ message: null, problems: [] }, data)).message,
      };
    },
  },
  {
    name: "confirmImport action",
    needs: "editor",
    run: async () => {
      await confirmImport(form({ id: String(importId), planChecksum }));
      return { kind: "state", message: null };
    },
  },
  {
    name: "inviteAccount action",
    needs: "admin",
    run: async () => ({
      kind: "state",
      message: (
        await inviteAccount(
          IDLE_ACCOUNT_FORM,
          form({ email: "new@example.test", name: "New", role: "editor" }),
        )
      ).message,
    }),
  },
  {
    name: "issueResetLink action",
    needs: "admin",
    run: async () => ({
      kind: "state",
      message: (await issueResetLink(ids.viewer ?? "", IDLE_ACCOUNT_FORM, form({}))).message,
    }),
  },
  {
    name: "changeRole action",
    needs: "admin",
    run: async () => {
      await changeRole(form({ userId: ids.admin ?? "", role: "viewer" }));
      return { kind: "state", message: null };
    },
  },
  {
    name: "changeActive action",
    needs: "admin",
    run: async () => {
      await changeActive(form({ userId: ids.admin ?? "", active: "false" }));
      return { kind: "state", message: null };
    },
  },
  {
    name: "changeOwnPassword action",
    needs: "viewer",
    run: async () => ({
      kind: "state",
      message: (
        await changeOwnPassword(
          IDLE_ACCOUNT_FORM,
          form({ current: "plum-orchard-77x", next: "walnut-harbour-31q" }),
        )
      ).message,
    }),
  },
  {
    name: "endAllOwnSessions action",
    needs: "viewer",
    run: async () => {
      await endAllOwnSessions(form({}));
      return { kind: "state", message: null };
    },
  },
  {
    name: "restateFigure action",
    needs: "editor",
    run: async () => ({
      kind: "state",
      message: (
        await restateFigure(
          {
            status: "idle",
            message: null,
            fieldErrors: {},
            values: {},
            confirmations: [],
          },
          form({
            brand: "xiaomi",
            metric: "retail_stores",
            quarter: "2025Q3",
            revision: "1",
            value: "17000",
            qualifier: "exact",
            sourceTitle: "Role test source",
            confirm: "yes",
            returnTo: "/metrics/retail_stores?brand=xiaomi",
          }),
        )
      ).message,
    }),
  },
  {
    name: "changeBrandMetrics action",
    needs: "editor",
    run: async () => {
      await changeBrandMetrics(form({ brand: "li-auto", metric: "mau", change: "add" }));
      return { kind: "state", message: null };
    },
  },
  {
    name: "createClaimAction",
    needs: "editor",
    run: async () => ({
      kind: "state",
      message: (await createClaimAction("xiaomi", IDLE_CLAIM_FORM, form(CLAIM_FORM))).message,
    }),
  },
  {
    name: "reviseClaimAction",
    needs: "editor",
    run: async () => ({
      kind: "state",
      message: (
        await reviseClaimAction(
          claimUid,
          "xiaomi",
          IDLE_CLAIM_FORM,
          form({ ...CLAIM_FORM, statedValue: "719", revision: "1" }),
        )
      ).message,
    }),
  },
  {
    name: "POST /api/quarters",
    needs: "editor",
    run: async () => ({
      kind: "status",
      status: (
        await postQuarter(
          json({
            brand: "xiaomi",
            year: 2001,
            quarter: 3,
            values: { retail_stores: "7" },
            source: { title: "Role test" },
          }),
          { params: Promise.resolve({}) },
        )
      ).status,
    }),
  },
  {
    name: "POST /api/imports",
    needs: "editor",
    run: async () => ({
      kind: "status",
      status: (
        await postImport(
          new Request("http://localhost:3000/api/imports", {
            method: "POST",
            headers: { "content-type": "text/csv" },
            body: CSV,
          }),
          { params: Promise.resolve({}) },
        )
      ).status,
    }),
  },
  {
    name: "GET /api/imports/<id>",
    needs: "editor",
    run: async () => ({
      kind: "status",
      status: (
        await getImport(new Request("http://localhost:3000/api/imports/1"), {
          params: Promise.resolve({ id: String(importId) }),
        })
      ).status,
    }),
  },
  {
    name: "POST /api/imports/<id>/confirm",
    needs: "editor",
    run: async () => ({
      kind: "status",
      status: (
        await postImportConfirm(json({ planChecksum }), {
          params: Promise.resolve({ id: String(importId) }),
        })
      ).status,
    }),
  },
  {
    name: "POST /api/invitations",
    needs: "admin",
    run: async () => ({
      kind: "status",
      status: (
        await postInvitation(json({ email: "other@example.test", name: "Other", role: "viewer" }), {
          params: Promise.resolve({}),
        })
      ).status,
    }),
  },
  {
    name: "GET /admin/audit/export",
    needs: "admin",
    run: async () => ({
      kind: "status",
      status: (
        await exportAudit(new Request("http://localhost:3000/admin/audit/export"), {
          params: Promise.resolve({}),
        })
      ).status,
    }),
  },
];

/** Runs a write, turning a redirect into its URL. */
async function attempt(write: (typeof WRITES)[number]) {
  try {
    return await write.run();
  } catch (error) {
    if (error instanceof RedirectSignal) return { kind: "redirect" as const, url: error.url };
    throw error;
  }
}

describe("every write checks the role itself, and a refused one writes nothing", () => {
  let testDb: TestDatabase;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    await seedFromFiles(testDb.url, path.join(PROJECT_ROOT, "data"));
    ids.viewer = await makeAccount("viewer");
    ids.editor = await makeAccount("editor");
    ids.admin = await makeAccount("admin");
    // An event and a pending import for the writes that need one, made as the editor.
    await as("editor");
    const created = await attempt(WRITES[1] as (typeof WRITES)[number]);
    expect(created.kind).toBe("redirect");
    const event = await getReadDb().event.findFirstOrThrow({
      where: { title: "Role test event", isCurrent: true },
    });
    eventUid = event.uid;
    eventRevision = event.revision;
    const uploaded = await attempt(WRITES[5] as (typeof WRITES)[number]);
    expect(uploaded.kind).toBe("redirect");
    const batch = await getReadDb().importBatch.findFirstOrThrow({ orderBy: { id: "desc" } });
    importId = batch.id;
    planChecksum = batch.planChecksum;
    const claim = await attempt(byName("createClaimAction"));
    expect(claim.kind).toBe("redirect");
    claimUid = (
      await getReadDb().claim.findFirstOrThrow({
        where: { claimant: "Role test press", isCurrent: true },
      })
    ).uid;
  });

  afterAll(async () => {
    await getReadDb().$disconnect();
    await getWriteDb().$disconnect();
    testDb.remove();
  });

  beforeEach(() => resetRequest());

  for (const write of WRITES) {
    it(`${write.name}: signed out, sent to sign-in (action) or 401 (route); nothing written`, async () => {
      await as("anonymous");
      const before = await written();
      const outcome = await attempt(write);
      if (write.name.startsWith("POST") || write.name.startsWith("GET")) {
        expect(outcome).toEqual({ kind: "status", status: 401 });
      } else {
        expect(outcome.kind).toBe("redirect");
        if (outcome.kind === "redirect") expect(outcome.url).toMatch(/^\/login\?next=%2F/);
      }
      expect(await written()).toEqual(before);
      expect(request.revalidated).toBe(0);
    });

    if (write.needs !== "viewer") {
      const lower: Who = write.needs === "admin" ? "editor" : "viewer";
      it(`${write.name}: as ${lower}, refused (403 or a message saying so); nothing written`, async () => {
        await as(lower);
        const before = await written();
        const outcome = await attempt(write);
        if (outcome.kind === "status") expect(outcome.status).toBe(403);
        else if (outcome.kind === "state") expect(outcome.message).toMatch(/role/);
        else expect(outcome.url).toMatch(/forbidden|problem=|result=forbidden/);
        expect(await written()).toEqual(before);
        expect(request.revalidated).toBe(0);
      });
    }
  }

  it("says a form's refusal in the reader's language, the error's class kept (a viewer's event, in Chinese)", async () => {
    await as("viewer");
    request.headers.set("x-pulse-locale", "zh");
    const before = await written();
    const outcome = await attempt(byName("createEventAction"));
    expect(outcome).toEqual({
      kind: "state",
      message: "您的角色（查看者）无权执行此操作，需要编辑权限。未做任何更改。",
    });
    expect(await written()).toEqual(before);
  });

  it("says the change-password form's field sentences in the reader's language; nothing written", async () => {
    const tooLong = "x".repeat(201);
    const attemptIn = async (locale: "en" | "zh") => {
      await as("viewer");
      request.headers.set("x-pulse-locale", locale);
      return changeOwnPassword(IDLE_ACCOUNT_FORM, form({ current: "", next: tooLong }));
    };
    const before = await written();
    expect(await attemptIn("zh")).toEqual({
      status: "invalid",
      message: "未更改：请修改标出的字段。",
      fieldErrors: { current: "当前密码不能为空", next: "新密码过长" },
    });
    expect(await attemptIn("en")).toEqual({
      status: "invalid",
      message: "Nothing was changed: please correct the highlighted fields.",
      fieldErrors: { current: "Current password is required", next: "New password is too long" },
    });
    expect(await written()).toEqual(before);
  });

  it("the same quarter, as an editor, is written (the refusals above are about the role)", async () => {
    await as("editor");
    const before = await written();
    const outcome = await attempt(byName("POST /api/quarters"));
    expect(outcome).toEqual({ kind: "status", status: 201 });
    const after = await written();
    expect(after.observations).toBe((before.observations ?? 0) + 1);
    const audit = await getReadDb().auditEntry.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ actor: "Test editor", actorId: ids.editor });
    const revision = await getReadDb().observation.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(revision).toMatchObject({ createdBy: "Test editor", createdById: ids.editor });
  });

  it("a claim, as an editor, names the account that wrote it", async () => {
    await as("editor");
    const claim = await getReadDb().claim.findFirstOrThrow({
      where: { uid: claimUid, revision: 1 },
    });
    expect(claim).toMatchObject({ createdBy: "Test editor", createdById: ids.editor });
    const audit = await getReadDb().auditEntry.findFirstOrThrow({
      where: { entity: "claim", entityKey: claimUid },
      orderBy: { id: "asc" },
    });
    expect(audit).toMatchObject({ actor: "Test editor", actorId: ids.editor });
  });
});
