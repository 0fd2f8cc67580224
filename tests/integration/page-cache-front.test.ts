import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabaseProbe, type DatabaseProbe } from "@/server/database-probe";
import { PageCache, pageCacheFront, pageCacheKey } from "@/server/page-cache";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

/*
 * The page cache in front of the app, as server/serve.ts runs it, over the real data version of
 * a test database. The app is a stand-in that writes a page the way Next does, and whose first
 * render waits until the test lets it finish, so that readers can be made to queue behind it.
 */

let testDb: TestDatabase;
let probe: DatabaseProbe;
let server: Server;
let baseUrl: string;
/** Request ids (x-request-id) as the server saw them arrive, close, and get rendered. */
const arrived = new Set<string>();
const closed = new Set<string>();
const rendered: string[] = [];
let releaseFirstRender = () => {};

beforeAll(async () => {
  testDb = await createTestDatabase();
  probe = createDatabaseProbe(testDb.url);
  const firstRenderMayFinish = new Promise<void>((resolve) => {
    releaseFirstRender = resolve;
  });
  const answer = pageCacheFront({
    cache: new PageCache(1024 * 1024),
    dataVersion: () => probe.dataVersion(),
    render: async (request, response) => {
      rendered.push(String(request.headers["x-request-id"]));
      if (rendered.length === 1) await firstRenderMayFinish;
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      response.end(`<p>rendered for ${request.headers["x-request-id"]}</p>`);
    },
    maxPageBytes: 1024 * 1024,
  });
  server = createServer((request, response) => {
    const id = String(request.headers["x-request-id"]);
    arrived.add(id);
    response.once("close", () => closed.add(id));
    const key = pageCacheKey(request);
    if (key === null) throw new Error(`not a cacheable request: ${request.url}`);
    void answer(request, response, key);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await probe?.close();
  await testDb?.remove();
});

function get(id: string, signal?: AbortSignal) {
  return fetch(`${baseUrl}/`, { headers: { "x-request-id": id }, signal });
}

describe("the page cache front", () => {
  it("keeps answering a page after a reader who waited for its render hung up", async () => {
    // A renders the overview; B arrives meanwhile and waits for A's render.
    const first = get("A");
    await expect.poll(() => rendered).toEqual(["A"]);
    const leaving = new AbortController();
    const second = get("B", leaving.signal).catch((error: Error) => error.name);
    await expect.poll(() => arrived.has("B")).toBe(true);
    // B hangs up while waiting, and a write lands before A's render ends, so that A's page is
    // stale for every reader after it (as under read load during the bench's write phase).
    leaving.abort();
    expect(await second).toBe("AbortError");
    await expect.poll(() => closed.has("B")).toBe(true);
    await testDb.exec(
      `INSERT INTO "AuditEntry" ("at", "actor", "action", "entity", "entityKey") VALUES (CURRENT_TIMESTAMP, 'test', 'create', 'observation', 'k')`,
    );
    releaseFirstRender();
    const a = await first;
    expect(a.status).toBe(200);
    expect(await a.text()).toBe("<p>rendered for A</p>");

    // The next reader gets the page, rendered for them under the new version. Before the fix,
    // B's turn registered a render into its closed response, which never finishes, and every
    // later reader of the page waited for it forever (the server idle, not a byte sent).
    const next = await get("C", AbortSignal.timeout(10_000));
    expect(next.status).toBe(200);
    expect(next.headers.get("x-pulse-cache")).toBe("miss");
    expect(await next.text()).toBe("<p>rendered for C</p>");
    // Nobody was rendered for a reader who had left.
    expect(rendered).toEqual(["A", "C"]);

    const again = await get("D", AbortSignal.timeout(10_000));
    expect(again.headers.get("x-pulse-cache")).toBe("hit");
    expect(await again.text()).toBe("<p>rendered for C</p>");
  });
});
