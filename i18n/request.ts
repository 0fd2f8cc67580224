import { headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { isLocale, type Locale } from "@/lib/domain/locale";
import { LOCALE_HEADER, resolveLocale } from "@/lib/locale";

/*
 * next-intl without i18n routing (no /zh/ path prefixes: every existing URL stays valid). The
 * proxy resolves the locale from `?lang`, the cookie and Accept-Language (lib/locale.ts) and
 * passes it in a request header, since a layout cannot read the query string; a request the
 * proxy did not see (none should) resolves from its cookie and Accept-Language.
 */
/**
 * The catalog is split by area (the reading pages, claims and events, forms, accounts, charts
 * and signals) so that one area's words can change without touching the others' file; each area
 * owns its own top-level namespaces.
 */
const AREAS = ["claims-events", "forms", "accounts", "charts-signals", "data-messages"] as const;

async function loadMessages(locale: Locale): Promise<Record<string, unknown>> {
  const parts = await Promise.all([
    import(`../messages/${locale}.json`),
    ...AREAS.map((area) => import(`../messages/${locale}.${area}.json`)),
  ]);
  return Object.assign({}, ...parts.map((part) => part.default));
}

export default getRequestConfig(async () => {
  const requestHeaders = await headers();
  const passed = requestHeaders.get(LOCALE_HEADER);
  const locale = isLocale(passed)
    ? passed
    : resolveLocale({
        cookie: requestHeaders.get("cookie"),
        acceptLanguage: requestHeaders.get("accept-language"),
      });
  return {
    locale,
    messages: await loadMessages(locale),
    // Quarters and dates are formatted by lib/domain; the zone only silences next-intl's warning
    // and keeps server and browser in agreement.
    timeZone: "UTC",
  };
});
