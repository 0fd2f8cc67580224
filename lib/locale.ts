/**
 * Which language a request is answered in. Decided (issue 11): next-intl WITHOUT path prefixes,
 * so that every existing URL keeps working; the locale is, in this order,
 *   1. `?lang=zh|en` in the URL (a shared link keeps its language),
 *   2. the `pulse_locale` cookie (the header's switch, remembered),
 *   3. Accept-Language (zh* -> zh, anything else -> en).
 * One pure function, `resolveLocale`, used by the proxy (which hands the answer to the pages in a
 * request header), the page cache's key (server/page-cache.ts) and the /locale route.
 */
import { DEFAULT_LOCALE, isLocale, LOCALE_PARAM, type Locale } from "@/lib/domain/locale";
import { cookieValue, themeReturnPath } from "@/lib/theme";

export const LOCALE_COOKIE = "pulse_locale";
/** The request header through which the proxy tells the pages the resolved locale. */
export const LOCALE_HEADER = "x-pulse-locale";

/** Each language names itself in the switch, so a reader finds theirs whatever the page's. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", zh: "中文" };

export function localeFromCookieHeader(cookieHeader: string | undefined | null): Locale | null {
  const value = cookieValue(cookieHeader, LOCALE_COOKIE);
  return isLocale(value) ? value : null;
}

/**
 * The reader's language from Accept-Language: the supported language with the highest weight
 * (`fr, zh;q=0.8` is Chinese: French is not offered, Chinese is the next wish); none -> null.
 */
export function localeFromAcceptLanguage(header: string | undefined | null): Locale | null {
  let best: { locale: Locale; q: number; index: number } | null = null;
  (header ?? "").split(",").forEach((entry, index) => {
    const [tag = "", ...params] = entry.trim().toLowerCase().split(";");
    const locale: Locale | null =
      tag === "zh" || tag.startsWith("zh-")
        ? "zh"
        : tag === "en" || tag.startsWith("en-")
          ? "en"
          : null;
    if (!locale) return;
    const qParam = params.map((param) => param.trim()).find((param) => param.startsWith("q="));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (!Number.isFinite(q) || q <= 0) return;
    if (!best || q > best.q) best = { locale, q, index };
  });
  return (best as { locale: Locale } | null)?.locale ?? null;
}

/**
 * The `lang` of a query string: the locale, null when absent or empty, "invalid" for anything
 * else (the page's parser then answers 400 naming it; here it simply does not count).
 */
export function localeFromQuery(search: string | URLSearchParams): Locale | null | "invalid" {
  const params = typeof search === "string" ? new URLSearchParams(search) : search;
  const values = params.getAll(LOCALE_PARAM).filter((value) => value !== "");
  if (values.length === 0) return null;
  const [first] = values;
  return values.length === 1 && isLocale(first) ? first : "invalid";
}

/**
 * A shared link keeps its language as the reader moves on (issue 11). Decided: the language of a
 * valid `?lang` that differs from the reader's `pulse_locale` cookie is remembered, as the
 * header's switch does, rather than written into every link of every page: the pages' links
 * (and the client router's, and the forms' redirects) are many and built in many places, while
 * one cookie set here covers them all, and a link the reader copies later still says the language
 * through the switch's `?lang`. The proxy sets it; the page cache (server/page-cache.ts) sends
 * such a request to the app, since a cached page never carries a Set-Cookie and a cached answer
 * without it would lose the choice. Null when there is nothing to remember.
 */
export function localeToRemember(request: {
  search?: string | URLSearchParams | null;
  cookie?: string | null;
}): Locale | null {
  const fromQuery = request.search ? localeFromQuery(request.search) : null;
  if (!fromQuery || fromQuery === "invalid") return null;
  return fromQuery === localeFromCookieHeader(request.cookie) ? null : fromQuery;
}

const YEAR_SECONDS = 365 * 24 * 60 * 60;

/** The Set-Cookie value that remembers a language for a year (the switch and a shared link). */
export function localeCookie(locale: Locale, secure: boolean): string {
  return `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=${YEAR_SECONDS}; SameSite=Lax; HttpOnly${secure ? "; Secure" : ""}`;
}

export function resolveLocale(request: {
  search?: string | URLSearchParams | null;
  cookie?: string | null;
  acceptLanguage?: string | null;
}): Locale {
  const fromQuery = request.search ? localeFromQuery(request.search) : null;
  if (fromQuery && fromQuery !== "invalid") return fromQuery;
  return (
    localeFromCookieHeader(request.cookie) ??
    localeFromAcceptLanguage(request.acceptLanguage) ??
    DEFAULT_LOCALE
  );
}

/**
 * The locale of a request the proxy has seen: the header it set; for one it did not see (none
 * should), resolved from the cookie and Accept-Language as the proxy would.
 */
export function localeOfRequestHeaders(requestHeaders: {
  get(name: string): string | null;
}): Locale {
  const passed = requestHeaders.get(LOCALE_HEADER);
  if (isLocale(passed)) return passed;
  return resolveLocale({
    cookie: requestHeaders.get("cookie"),
    acceptLanguage: requestHeaders.get("accept-language"),
  });
}

/**
 * Where the switch sends the reader back to: the page they were on (its Referer, when it is this
 * site; else the overview) with `lang` set to the new choice, so that the URL they copy next says
 * the language they see. Never another site: the answer is a redirect.
 */
export function localeReturnPath(
  referer: string | null,
  host: string | null,
  locale: Locale,
): string {
  const url = new URL(themeReturnPath(referer, host), "http://pulse.invalid");
  url.searchParams.set(LOCALE_PARAM, locale);
  return `${url.pathname}${url.search.replace(/%2C/g, ",")}`;
}
