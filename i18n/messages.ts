import "server-only";
import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/domain/locale";
import { MESSAGE_AREAS } from "./areas";
import { currentLocale } from "./locale";

/** The whole catalog of one language: the pages' file and every area's (i18n/areas.ts). */
export async function loadMessages(locale: Locale): Promise<Record<string, unknown>> {
  const parts = await Promise.all([
    import(`../messages/${locale}.json`),
    ...MESSAGE_AREAS.map((area) => import(`../messages/${locale}.${area}.json`)),
  ]);
  return Object.assign({}, ...parts.map((part) => part.default));
}

/**
 * A namespace's words for server code outside a page render: server actions and route handlers
 * (the request's language unless one is given). Pages and components use next-intl's
 * getTranslations/useTranslations; an action cannot count on their render context (the
 * integration tests call actions directly), so it builds next-intl's plain translator from the
 * same catalog.
 */
export async function serverTranslator(namespace: string, locale?: Locale) {
  const language = locale ?? (await currentLocale());
  return createTranslator({
    locale: language,
    messages: await loadMessages(language),
    namespace,
  } as never) as unknown as ServerTranslator;
}

export interface ServerTranslator {
  (key: string, values?: Record<string, string | number>): string;
  raw(key: string): unknown;
}
