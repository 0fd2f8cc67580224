import { createServer } from "node:http";
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
const fronts: Front[] = [];

interface Front {
  get: (id: string, signal?: AbortSignal) => Promise<Response>;
  /** Request ids (x-request-id) as the server saw them arrive, close, and get rendered. */
  arrived: Set<string>;
  closed: Set<string>;
  rendered: string[];
  releaseFirstRender: () => void;
  close: () => Promise<void>;
}

async function startFront(maxRenderWaitMs: number): Promise<Front> {
  const arrived = new Set<string>();
  const closed = new Set<string>();
  const rendered: string[] = [];
  let releaseFirstRender = () => {};
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
    maxRenderWaitMs,
  });
  const server = createServer((request, response) => {
    const id = String(request.headers["x-request-id"]);
    arrived.add(id);
    response.once("close", () => closed.add(id));
    const key = pageCacheKey(request);
    if (key === null) throw new Error(`not a cacheable request: ${request.url}`);
    void answer(request, response, key);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const front: Front = {
    get: (id, signal) => fetch(`${baseUrl}/`, { headers: { "x-request-id": id }, signal }),
    arrived,
    closed,
    rendered,
    releaseFirstRender: () => releaseFirstRender(),
    close: async () => {
      releaseFirstRender();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  fronts.push(front);
  return front;
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  probe = createDatabaseProbe(testDb.url);
});

afterAll(async () => {
  for (const front of fronts) await front.close();
  await probe?.close();
  await testDb?.remove();
});

describe("the page cache front", () => {
  it("keeps answering a page after a reader who waited for its render hung up", async () => {
    const { get, arrived, closed, rendered, releaseFirstRender } = await startFront(60_000);
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

  it("renders for a reader who waited its limit behind a render that does not end", async () => {
    const { get, rendered, releaseFirstRender } = await startFront(300);
    // A's render hangs (a stuck query, a stalled stream) until the test ends it.
    const first = get("A");
    await expect.poll(() => rendered).toEqual(["A"]);
    // B waits behind it only up to the limit, then is rendered for, A still hanging.
    const second = await get("B", AbortSignal.timeout(10_000));
    expect(second.status).toBe(200);
    expect(await second.text()).toBe("<p>rendered for B</p>");
    expect(rendered).toEqual(["A", "B"]);
    // B's page is kept, and A still gets its own when its render ends.
    const third = await get("C", AbortSignal.timeout(10_000));
    expect(third.headers.get("x-pulse-cache")).toBe("hit");
    expect(await third.text()).toBe("<p>rendered for B</p>");
    releaseFirstRender();
    expect(await (await first).text()).toBe("<p>rendered for A</p>");
  });
});
