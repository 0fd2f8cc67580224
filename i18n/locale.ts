import "server-only";
import { headers } from "next/headers";
import type { Locale } from "@/lib/domain/locale";
import { localeOfRequestHeaders } from "@/lib/locale";

/**
 * The request's locale, typed: what i18n/request.ts resolves, read from the same headers rather
 * than through next-intl's getLocale, so that server actions called outside a Next render (the
 * integration tests call them directly) get it too.
 */
export async function currentLocale(): Promise<Locale> {
  return localeOfRequestHeaders(await headers());
}
