import { headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { localeOfRequestHeaders } from "@/lib/locale";
import { loadMessages, TIME_ZONE } from "./messages";

/*
 * next-intl without i18n routing (no /zh/ path prefixes: every existing URL stays valid). The
 * proxy resolves the locale from `?lang`, the cookie and Accept-Language (lib/locale.ts) and
 * passes it in a request header, since a layout cannot read the query string; a request the
 * proxy did not see (none should) resolves from its cookie and Accept-Language.
 */

export default getRequestConfig(async () => {
  const locale = localeOfRequestHeaders(await headers());
  return {
    locale,
    messages: await loadMessages(locale),
    timeZone: TIME_ZONE,
  };
});
