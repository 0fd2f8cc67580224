import { describe, expect, it } from "vitest";
import { DEFAULT_BRAND } from "@/lib/url-state";
import {
  isStorable,
  PageCache,
  pageBrands,
  pageCacheKey,
  replayableHeaders,
} from "@/server/page-cache";

const page = (version: string, bytes = 10) => ({
  version,
  status: 200,
  headers: { "content-type": "text/html; charset=utf-8" },
  body: Buffer.alloc(bytes, 1),
});

describe("which requests the page cache answers", () => {
  const get = (url: string, headers: Record<string, string> = {}) =>
    pageCacheKey({ method: "GET", url, headers });

  it("caches the public pages for anonymous readers, by URL, encoding and theme", () => {
    expect(get("/?brand=xiaomi", { "accept-encoding": "gzip, br" })).toBe(
      "gzip system en /?brand=xiaomi",
    );
    expect(get("/metrics/revenue?view=seasonal")).toBe(
      "identity system en /metrics/revenue?view=seasonal",
    );
    expect(get("/compare?brands=xiaomi,li-auto")).toBe(
      "identity system en /compare?brands=xiaomi,li-auto",
    );
    // The page is rendered in the chosen theme: a dark reader never gets the light page.
    expect(get("/", { cookie: "pulse_theme=dark" })).toBe("identity dark en /");
    expect(get("/", { cookie: "a=b; pulse_theme=light" })).toBe("identity light en /");
    expect(get("/", { cookie: "pulse_theme=<script>" })).toBe("identity system en /");
  });

  it("keys on the language the page is rendered in: URL, then cookie, then Accept-Language", () => {
    expect(get("/", { "accept-language": "zh-CN,zh;q=0.9" })).toBe("identity system zh /");
    expect(get("/", { cookie: "pulse_locale=zh", "accept-language": "en" })).toBe(
      "identity system zh /",
    );
    expect(get("/?lang=en", { cookie: "pulse_locale=en" })).toBe("identity system en /?lang=en");
    expect(get("/metrics/revenue?lang=zh", { cookie: "pulse_locale=zh" })).toBe(
      "identity system zh /metrics/revenue?lang=zh",
    );
  });

  it("sends a shared ?lang= link the cookie does not say yet to the app, which remembers it", () => {
    // The proxy answers it with a Set-Cookie (lib/locale.ts): a cached copy would carry none.
    expect(get("/metrics/revenue?lang=zh")).toBeNull();
    expect(get("/?lang=en", { cookie: "pulse_locale=zh" })).toBeNull();
    expect(get("/?lang=zh", { "accept-language": "zh-CN" })).toBeNull();
  });

  it("sends signed-in people to the app: their pages show their name and their links", () => {
    expect(get("/", { cookie: "theme=dark; pulse_session=abc.def" })).toBeNull();
    expect(get("/", { cookie: "__Host-pulse_session=abc; theme=dark" })).toBeNull();
    expect(get("/", { cookie: "theme=dark" })).toBe("identity system en /");
    // A look-alike name is not a session cookie.
    expect(get("/", { cookie: "xpulse_session=abc" })).toBe("identity system en /");
  });

  it("leaves writes, navigations of the client router and other paths alone", () => {
    expect(pageCacheKey({ method: "POST", url: "/", headers: {} })).toBeNull();
    expect(pageCacheKey({ method: "HEAD", url: "/", headers: {} })).toBeNull();
    expect(get("/", { rsc: "1" })).toBeNull();
    expect(get("/", { "next-action": "abc" })).toBeNull();
    expect(get("/api/export?brand=xiaomi")).toBeNull();
    expect(get("/quarters/new")).toBeNull();
    expect(get("/login")).toBeNull();
    expect(get("/metrics/revenue/withdraw?quarter=2025Q3")).toBeNull();
    // The feed is read on every poll and must show the latest write at once.
    expect(get("/feeds/xiaomi.atom")).toBeNull();
  });
});

describe("what the page cache keeps", () => {
  it("keeps complete HTML pages without cookies", () => {
    const html = { "content-type": "text/html; charset=utf-8" };
    expect(isStorable(200, html, 100, 1000)).toBe(true);
    expect(isStorable(404, html, 100, 1000)).toBe(false);
    expect(isStorable(400, html, 100, 1000)).toBe(false);
    expect(isStorable(200, { ...html, "set-cookie": ["a=b"] }, 100, 1000)).toBe(false);
    expect(isStorable(200, { "content-type": "text/csv" }, 100, 1000)).toBe(false);
    expect(isStorable(200, { "content-type": "application/atom+xml" }, 100, 1000)).toBe(false);
    expect(isStorable(200, html, 2000, 1000)).toBe(false);
  });

  it("does not replay headers that describe one transfer", () => {
    expect(
      replayableHeaders({
        "content-type": "text/html",
        "transfer-encoding": "chunked",
        "content-length": "5",
        date: "x",
        vary: "Accept-Encoding",
      }),
    ).toEqual({ "content-type": "text/html", vary: "Accept-Encoding" });
  });

  it("serves a page only under the data version it was rendered with", () => {
    const cache = new PageCache(1000);
    cache.set("gzip /", page("41:2026-11-27"));
    expect(cache.get("gzip /", "41:2026-11-27")?.version).toBe("41:2026-11-27");
    // A write (a new audit row) or a new day makes it stale, and it is dropped.
    expect(cache.get("gzip /", "42:2026-11-27")).toBeUndefined();
    expect(cache.size).toBe(0);
    expect(cache.totalBytes).toBe(0);
  });

  it("drops the least recently used pages beyond its size", () => {
    const cache = new PageCache(25);
    cache.set("a", page("1"));
    cache.set("b", page("1"));
    cache.get("a", "1");
    cache.set("c", page("1"));
    expect(cache.get("b", "1")).toBeUndefined();
    expect(cache.get("a", "1")).toBeDefined();
    expect(cache.get("c", "1")).toBeDefined();
    expect(cache.totalBytes).toBe(20);
  });

  it("replaces a page stored again under the same key", () => {
    const cache = new PageCache(100);
    cache.set("a", page("1", 10));
    cache.set("a", page("2", 30));
    expect(cache.size).toBe(1);
    expect(cache.totalBytes).toBe(30);
  });
});

describe("which brands a cached page shows (its version follows only their writes)", () => {
  it("reads the overview's and a metric page's brand, and the default brand when none is named", () => {
    expect(pageBrands("/?brand=li-auto")).toEqual(["li-auto"]);
    expect(pageBrands("/?brand=li-auto&events=off")).toEqual(["li-auto"]);
    expect(pageBrands("/metrics/revenue?brand=nio&view=annual")).toEqual(["nio"]);
    // What the pages themselves show when the URL names no brand.
    expect(pageBrands("/")).toEqual([DEFAULT_BRAND]);
    expect(pageBrands("/?events=off")).toEqual([DEFAULT_BRAND]);
    expect(pageBrands("/metrics/revenue")).toEqual([DEFAULT_BRAND]);
    // An empty value means "not given", as on the page.
    expect(pageBrands("/metrics/revenue?brand=")).toEqual([DEFAULT_BRAND]);
  });

  it("reads every brand of a comparison, in a shared link's and a form's spelling", () => {
    expect(pageBrands("/compare?brands=xiaomi,li-auto&metrics=revenue")).toEqual([
      "xiaomi",
      "li-auto",
    ]);
    expect(pageBrands("/compare?brands=nio&brands=li-auto&metrics=revenue")).toEqual([
      "nio",
      "li-auto",
    ]);
    expect(pageBrands("/compare?brands=nio%2Cli-auto")).toEqual(["nio", "li-auto"]);
    expect(pageBrands("/compare")).toEqual([DEFAULT_BRAND]);
  });

  it("cannot tell for a query the page refuses or a path it does not know: null, every write counts", () => {
    // The page explains these under a 400; still, none of them is tied to one brand.
    expect(pageBrands("/?brand=Not%20A%20Slug")).toBeNull();
    expect(pageBrands("/?brand=a&brand=b")).toBeNull();
    expect(pageBrands("/metrics/revenue?view=pie")).toBeNull();
    expect(pageBrands("/compare?brands=a,b,c,d,e")).toBeNull();
    expect(pageBrands("/compare?brands=nio,nio")).toBeNull();
    expect(pageBrands("/claims?brand=nio")).toBeNull();
    expect(pageBrands("/metrics/revenue/restate?brand=nio")).toBeNull();
  });
});
