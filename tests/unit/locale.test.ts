import { describe, expect, it } from "vitest";
import { parseClaimsParams } from "@/lib/claims-url";
import { htmlLang } from "@/lib/domain/locale";
import {
  localeCookie,
  localeFromAcceptLanguage,
  localeFromCookieHeader,
  localeFromQuery,
  localeReturnPath,
  localeToRemember,
  resolveLocale,
} from "@/lib/locale";
import { parseCompareParams, parseMetricPageParams, parseOverviewParams } from "@/lib/url-state";

describe("Accept-Language", () => {
  it("reads any Chinese tag as Chinese and any English one as English", () => {
    expect(localeFromAcceptLanguage("zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh");
    expect(localeFromAcceptLanguage("zh-Hans-CN")).toBe("zh");
    expect(localeFromAcceptLanguage("ZH-tw")).toBe("zh");
    expect(localeFromAcceptLanguage("en-GB,en;q=0.9")).toBe("en");
  });

  it("takes the offered language with the highest weight, whatever the order", () => {
    expect(localeFromAcceptLanguage("en;q=0.5, zh;q=0.8")).toBe("zh");
    expect(localeFromAcceptLanguage("fr-FR, zh;q=0.7, en;q=0.6")).toBe("zh");
    expect(localeFromAcceptLanguage("zh;q=0, en;q=0.1")).toBe("en");
  });

  it("says nothing when no offered language is asked for", () => {
    expect(localeFromAcceptLanguage("fr, de;q=0.5")).toBeNull();
    expect(localeFromAcceptLanguage("")).toBeNull();
    expect(localeFromAcceptLanguage(null)).toBeNull();
    // "zhx" is not Chinese: only "zh" and "zh-…" are.
    expect(localeFromAcceptLanguage("zhx")).toBeNull();
  });
});

describe("the locale cookie and the query", () => {
  it("reads pulse_locale among other cookies and ignores an unknown value", () => {
    expect(localeFromCookieHeader("pulse_theme=dark; pulse_locale=zh")).toBe("zh");
    expect(localeFromCookieHeader("pulse_locale=fr")).toBeNull();
    expect(localeFromCookieHeader("xpulse_locale=zh")).toBeNull();
  });

  it("reads lang from the query; empty is absent, anything else is named invalid", () => {
    expect(localeFromQuery("?lang=zh&brand=xiaomi")).toBe("zh");
    expect(localeFromQuery("lang=")).toBeNull();
    expect(localeFromQuery("brand=xiaomi")).toBeNull();
    expect(localeFromQuery("lang=fr")).toBe("invalid");
    expect(localeFromQuery("lang=zh&lang=en")).toBe("invalid");
  });
});

describe("resolveLocale", () => {
  it("prefers the URL, then the cookie, then Accept-Language, then English", () => {
    const zhBrowser = "zh-CN,zh;q=0.9";
    expect(
      resolveLocale({ search: "lang=en", cookie: "pulse_locale=zh", acceptLanguage: zhBrowser }),
    ).toBe("en");
    expect(resolveLocale({ cookie: "pulse_locale=en", acceptLanguage: zhBrowser })).toBe("en");
    expect(resolveLocale({ acceptLanguage: zhBrowser })).toBe("zh");
    expect(resolveLocale({ acceptLanguage: "fr" })).toBe("en");
    expect(resolveLocale({})).toBe("en");
  });

  it("lets a bad lang fall through to the cookie (the page names it with a 400)", () => {
    expect(resolveLocale({ search: "lang=xx", cookie: "pulse_locale=zh" })).toBe("zh");
  });

  it("names Simplified Chinese by its script in <html lang>", () => {
    expect(htmlLang("zh")).toBe("zh-Hans");
    expect(htmlLang("en")).toBe("en");
  });
});

describe("a shared link's language, remembered", () => {
  it("when a valid lang differs from the cookie, and only then", () => {
    expect(localeToRemember({ search: "brand=xiaomi&lang=zh" })).toBe("zh");
    expect(localeToRemember({ search: "lang=en", cookie: "pulse_locale=zh" })).toBe("en");
    expect(localeToRemember({ search: "lang=zh", cookie: "a=b; pulse_locale=zh" })).toBeNull();
    expect(localeToRemember({ search: "brand=xiaomi", cookie: "pulse_locale=zh" })).toBeNull();
    // A bad or repeated lang is refused with a 400, and nothing is remembered.
    expect(localeToRemember({ search: "lang=fr" })).toBeNull();
    expect(localeToRemember({ search: "lang=zh&lang=en" })).toBeNull();
    expect(localeToRemember({ search: null })).toBeNull();
  });

  it("in the cookie the switch sets, Secure when asked", () => {
    expect(localeCookie("zh", false)).toBe(
      "pulse_locale=zh; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly",
    );
    expect(localeCookie("en", true)).toMatch(/^pulse_locale=en; .*; HttpOnly; Secure$/);
  });
});

describe("where the switch sends the reader back", () => {
  it("to the page they were on, with its query and the new lang", () => {
    expect(
      localeReturnPath("http://pulse.test/metrics/revenue?view=annual", "pulse.test", "zh"),
    ).toBe("/metrics/revenue?view=annual&lang=zh");
    expect(localeReturnPath("http://pulse.test/?lang=zh", "pulse.test", "en")).toBe("/?lang=en");
    expect(
      localeReturnPath("http://pulse.test/compare?brands=xiaomi,li-auto", "pulse.test", "zh"),
    ).toBe("/compare?brands=xiaomi,li-auto&lang=zh");
  });

  it("never to another site", () => {
    expect(localeReturnPath("https://evil.test/x", "pulse.test", "zh")).toBe("/?lang=zh");
    expect(localeReturnPath("http://pulse.test//evil.test/x", "pulse.test", "zh")).toBe(
      "/?lang=zh",
    );
    expect(localeReturnPath("javascript:alert(1)", "pulse.test", "zh")).toBe("/?lang=zh");
    expect(localeReturnPath(null, "pulse.test", "en")).toBe("/?lang=en");
  });
});

describe("every page's query accepts lang", () => {
  const parsers = [
    parseOverviewParams,
    parseMetricPageParams,
    parseCompareParams,
    parseClaimsParams,
  ];

  it("accepts en and zh without changing the page's state", () => {
    for (const parse of parsers) {
      const plain = parse({});
      expect(parse({ lang: "zh" })).toEqual(plain);
      expect(parse({ lang: "en" })).toEqual(plain);
    }
  });

  it("names a bad lang, alongside the page's own problems", () => {
    for (const parse of parsers) {
      const parsed = parse({ lang: "fr" });
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.problems.map((problem) => problem.param)).toEqual(["lang"]);
    }
    const both = parseMetricPageParams({ lang: "de", view: "pie" });
    expect(both.ok ? [] : both.problems.map((problem) => problem.param)).toEqual(["lang", "view"]);
  });
});
