import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as exportClaims } from "@/app/api/claims/export/route";
import { POST as postImport } from "@/app/api/imports/route";
import { confirmImport } from "@/lib/actions/confirm-import";
import { uploadImport } from "@/lib/actions/upload-import";
import { SESSION_COOKIE_BASE } from "@/lib/auth/cookie-name";
import { CLAIM_COLUMNS, VERDICT_COLUMNS } from "@/lib/csv/claims-export";
import { getReadDb } from "@/lib/db";
import { acceptLink, createInvitation } from "@/lib/mutations/accounts";
import { createSession } from "@/lib/mutations/sessions";
import { getImportBatch } from "@/lib/queries/import-batches";
import { RedirectSignal, request, resetRequest } from "../support/next-request";
import { setUpSeededTestDatabase } from "../support/seeded-test-db";

vi.mock("next/headers", async () => (await import("../support/next-request")).nextHeaders);
vi.mock("next/navigation", async () => (await import("../support/next-request")).nextNavigation);
vi.mock("next/cache", async () => (await import("../support/next-request")).nextCache);

process.env.PULSE_SCRYPT_COST = "12,8,1";
process.env.PULSE_SECURE_COOKIES = "false";

const HEADER = CLAIM_COLUMNS.join(",");
const SOURCE = "Import test article,https://example.com/claims,2026-02-01";
const EV_NEARLY_700 = `xiaomi,influencer,Car vlogger,${SOURCE},ev_deliveries,2025Q3,change,yoy,700,%,nearly,,"EV deliveries up nearly 700%",`;
const REVENUE_LEVEL = `xiaomi,influencer,Car vlogger,${SOURCE},revenue,2025Q3,level,,113.1,RMB bn,exact,,"revenue of RMB 113.1 billion",`;
const BAD_HEDGE = `xiaomi,influencer,Car vlogger,${SOURCE},revenue,2025Q3,change,yoy,22.3,%,roughly,,"revenue up 22.3%",`;

let editorId = "";
let viewerId = "";

async function makeAccount(role: "viewer" | "editor", name: string): Promise<string> {
  const link = await createInvitation(
    { email: `${role}@example.test`, name, role },
    { id: null, name: "test" },
  );
  return acceptLink("invite", link.token, { name, password: "plum-orchard-77x" });
}

async function signInAs(id: string): Promise<void> {
  resetRequest();
  request.cookies.set(SESSION_COOKIE_BASE, (await createSession(id)).token);
}

/** Runs an action, returning where it redirected to. */
async function redirected(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    if (error instanceof RedirectSignal) return error.url;
    throw error;
  }
  throw new Error("the action did not redirect");
}

async function upload(name: string, text: string | ArrayBuffer) {
  const data = new FormData();
  data.set("kind", "claims");
  data.set("file", new File([text], name, { type: "text/csv" }));
  const url = await redirected(() => uploadImport({ message: null, problems: [] }, data));
  const id = Number(/^\/import\/(\d+)$/.exec(url)?.[1]);
  const batch = await getImportBatch(id);
  if (batch?.kind !== "claims") throw new Error(`no claims import at ${url}`);
  return batch;
}

async function confirm(batch: { id: number; planChecksum: string }): Promise<string> {
  const data = new FormData();
  data.set("id", String(batch.id));
  data.set("planChecksum", batch.planChecksum);
  return redirected(() => confirmImport(data));
}

async function written() {
  const db = getReadDb();
  return {
    claims: await db.claim.count(),
    verdicts: await db.claimVerdict.count(),
    audit: await db.auditEntry.count(),
  };
}

describe("importing claims from a CSV file", () => {
  // Seeding judges 118 claims: allow for a machine shared with other jobs.
  setUpSeededTestDatabase({ timeoutMs: 180_000 });
  beforeAll(async () => {
    editorId = await makeAccount("editor", "Ada Editor");
    viewerId = await makeAccount("viewer", "Val Viewer");
  });

  beforeEach(async () => {
    await signInAs(editorId);
  });

  it("previews a bad row with its row, column and value, writes nothing, and cannot be confirmed", async () => {
    const before = await written();
    const batch = await upload("bad.csv", `${HEADER}\r\n${EV_NEARLY_700}\r\n${BAD_HEDGE}\r\n`);
    expect(batch.status).toBe("pending");
    expect(batch.plan.writes.map((write) => write.row)).toEqual([2]);
    expect(batch.plan.rejected).toEqual([
      {
        row: 3,
        column: "hedge",
        value: "roughly",
        message: "must be one of exact, about, nearly, over, under",
      },
    ]);
    expect(await confirm(batch)).toBe(`/import/${batch.id}?result=has-rejections`);
    expect(await written()).toEqual(before);
    expect((await getImportBatch(batch.id))?.status).toBe("pending");
  });

  it("refuses a viewer's confirmation, writing nothing", async () => {
    const batch = await upload("viewer.csv", `${HEADER}\r\n${EV_NEARLY_700}\r\n`);
    const before = await written();
    await signInAs(viewerId);
    expect(await confirm(batch)).toBe(`/import/${batch.id}?result=forbidden`);
    expect(await written()).toEqual(before);
  });

  it("writes every claim with its verdict and an audit row naming the editor, once", async () => {
    const before = await written();
    const batch = await upload("good.csv", `${HEADER}\r\n${EV_NEARLY_700}\r\n${REVENUE_LEVEL}\r\n`);
    expect(batch.plan.rejected).toEqual([]);
    expect(await written()).toEqual(before);

    expect(await confirm(batch)).toBe(`/import/${batch.id}?result=applied`);
    const db = getReadDb();
    const claims = await db.claim.findMany({
      where: { claimant: "Car vlogger" },
      include: { verdicts: true, metric: true },
      orderBy: { id: "asc" },
    });
    expect(
      claims.map((claim) => [
        claim.metric.key,
        claim.kind,
        claim.revision,
        claim.createdBy,
        claim.createdById,
        claim.verdicts.map((verdict) => [verdict.verdict, verdict.isCurrent]),
      ]),
    ).toEqual([
      ["ev_deliveries", "change", 1, "Ada Editor", editorId, [["overstated", true]]],
      ["revenue", "level", 1, "Ada Editor", editorId, [["holds", true]]],
    ]);
    const audits = await db.auditEntry.findMany({
      where: { entity: "claim", entityKey: { in: claims.map((claim) => claim.uid) } },
    });
    expect(audits.map((entry) => [entry.action, entry.actor, entry.actorId])).toEqual([
      ["import", "Ada Editor", editorId],
      ["import", "Ada Editor", editorId],
    ]);
    expect((await getImportBatch(batch.id))?.appliedBy).toBe("Ada Editor");

    const after = await written();
    expect(await confirm(batch)).toBe(`/import/${batch.id}?result=already-applied`);
    expect(await written()).toEqual(after);
  });

  it("finds the same claims unchanged when an export is imported again", async () => {
    const response = await exportClaims(
      new Request("http://localhost:3000/api/claims/export?brand=xiaomi&bom=1"),
    );
    expect(response.status).toBe(200);
    const exported = await response.arrayBuffer();
    const before = await written();
    const batch = await upload("pulse-xiaomi-claims.csv", exported);
    expect(batch.plan.shape).toBe("export");
    expect(batch.plan.rejected).toEqual([]);
    expect(batch.plan.writes).toEqual([]);
    expect(batch.plan.unchanged.length).toBe(batch.plan.rowCount);
    expect(batch.plan.rowCount).toBe(
      await getReadDb().claim.count({
        where: { isCurrent: true, brand: { slug: "xiaomi" } },
      }),
    );
    expect(await written()).toEqual(before);
  });

  it("names the export's columns in Chinese with lang=zh and reads that file back as the same claims", async () => {
    const exportOf = async (query: string) =>
      exportClaims(new Request(`http://localhost:3000/api/claims/export?brand=xiaomi${query}`));
    const english = await (await exportOf("")).text();
    const chinese = await (await exportOf("&lang=zh")).text();
    const [englishHeader, ...englishBody] = english.split("\r\n");
    const [chineseHeader, ...chineseBody] = chinese.split("\r\n");
    expect(englishHeader).toBe([...CLAIM_COLUMNS, ...VERDICT_COLUMNS].join(","));
    expect(chineseHeader?.split(",").slice(0, 3)).toEqual(["品牌", "提出方", "提出者名称"]);
    expect(chineseHeader?.split(",").at(-1)).toBe("说法修订");
    expect(chineseBody).toEqual(englishBody);
    expect((await exportOf("&lang=fr")).status).toBe(400);

    const before = await written();
    const batch = await upload("pulse-xiaomi-claims.csv", chinese);
    expect(batch.plan.shape).toBe("export");
    expect(batch.plan.rejected).toEqual([]);
    expect(batch.plan.writes).toEqual([]);
    expect(batch.plan.unchanged.length).toBe(batch.plan.rowCount);
    expect(batch.plan.rowCount).toBeGreaterThan(0);
    expect(await written()).toEqual(before);
  });

  it("takes a claims file through the JSON API with ?kind=claims, and refuses an unknown kind", async () => {
    const post = (query: string) =>
      postImport(
        new Request(`http://localhost:3000/api/imports${query}`, {
          method: "POST",
          headers: { "content-type": "text/csv" },
          body: `${HEADER}\r\n${BAD_HEDGE}\r\n`,
        }),
        { params: Promise.resolve({}) },
      );
    const before = await written();
    const created = await post("?kind=claims&name=api-claims.csv");
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({
      kind: "claims",
      fileName: "api-claims.csv",
      rows: 1,
      adds: 0,
      canConfirm: false,
      rejected: [
        { row: 2, column: "hedge", reason: "must be one of exact, about, nearly, over, under" },
      ],
    });
    const refused = await post("?kind=events");
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      error: "The kind parameter must be one of figures, claims. Nothing was stored.",
    });
    expect(await written()).toEqual(before);
  });
});
