import "server-only";
import { _createCache, _createIntlFormatters, createTranslator } from "next-intl";
// biome-ignore lint/style/noRestrictedImports: its type only, so that pages keep the translator type they had
import type { getTranslations as nextIntlGetTranslations } from "next-intl/server";
import { cache, use } from "react";
import type { Locale } from "@/lib/domain/locale";
import { MESSAGE_AREAS } from "./areas";
import { currentLocale } from "./locale";

type Catalog = Record<string, unknown>;

// Quarters and dates are formatted by lib/domain; the zone only silences next-intl's warning and
// keeps server and browser in agreement.
export const TIME_ZONE = "UTC";

async function readCatalog(locale: Locale): Promise<Catalog> {
  const parts = await Promise.all([
    import(`../messages/${locale}.json`),
    ...MESSAGE_AREAS.map((area) => import(`../messages/${locale}.${area}.json`)),
  ]);
  return Object.freeze(Object.assign({}, ...parts.map((part) => part.default)));
}

/*
 * Why the catalog and the translators are kept per process: next-intl builds them per request,
 * and a signed-in render (no page cache) spent a fifteenth of its CPU merging the catalog's
 * files, then parsing and compiling the same ICU messages again (bench/NOTES.md, issue 12). The
 * catalog is fixed at build time, so production keeps one per language; development reads it
 * again on every request, so an edited message shows without a restart.
 */
const KEEP = process.env.NODE_ENV === "production";
const catalogs = new Map<Locale, Promise<Catalog>>();

/** The whole catalog of one language: the pages' file and every area's (i18n/areas.ts). */
export function loadMessages(locale: Locale): Promise<Catalog> {
  if (!KEEP) return readCatalog(locale);
  let catalog = catalogs.get(locale);
  if (!catalog) {
    catalog = readCatalog(locale);
    catalogs.set(locale, catalog);
  }
  return catalog;
}

/** What next-intl's getTranslations gives a page: t(), t.rich(), t.raw(), t.has(). */
export type PageTranslator = Awaited<ReturnType<typeof nextIntlGetTranslations>>;

// One message-format cache per language for the process: the formats depend on the message and
// the locale only, and a catalog's messages are a bounded set.
const formatters = new Map<Locale, ReturnType<typeof _createIntlFormatters>>();
const translators = new Map<string, PageTranslator>();

function translator(namespace: string | undefined, locale: Locale, messages: Catalog) {
  let intl = formatters.get(locale);
  if (!intl) {
    intl = _createIntlFormatters(_createCache());
    formatters.set(locale, intl);
  }
  // next-intl's types want the catalog's declared shape; Pulse declares none (keys are strings).
  return createTranslator({
    locale,
    messages,
    namespace,
    timeZone: TIME_ZONE,
    _formatters: intl,
  } as never) as unknown as PageTranslator;
}

async function keptTranslator(namespace: string | undefined, locale: Locale) {
  const messages = await loadMessages(locale);
  if (!KEEP) return translator(namespace, locale, messages);
  const key = `${locale}\u0000${namespace ?? ""}`;
  let kept = translators.get(key);
  if (!kept) {
    kept = translator(namespace, locale, messages);
    translators.set(key, kept);
  }
  return kept;
}

/**
 * A namespace's words in the request's language, for pages and server components: the one way
 * to get them there (next-intl's own getTranslations is refused by biome.json). The same words
 * and formats as next-intl's, which client components still get through NextIntlClientProvider.
 */
export async function getTranslations(namespace?: string): Promise<PageTranslator> {
  return keptTranslator(namespace, await currentLocale());
}

const requestTranslator = cache((namespace: string) => getTranslations(namespace || undefined));

/**
 * The same words for server components that cannot await (next-intl's useTranslations built its
 * translator per request, like its getTranslations). The promise is the request's, so `use`
 * waits for it once per namespace and a render, not once per component.
 */
export function useTranslations(namespace?: string): PageTranslator {
  return use(requestTranslator(namespace ?? ""));
}

/**
 * A namespace's words for server code outside a page render: server actions and route handlers
 * (the request's language unless one is given): the same kept translators, without the
 * render's `cache`, which an action called outside a render (the integration tests call them
 * directly) does not have.
 */
export async function serverTranslator(namespace: string, locale?: Locale) {
  return (await keptTranslator(
    namespace,
    locale ?? (await currentLocale()),
  )) as unknown as ServerTranslator;
}

export interface ServerTranslator {
  (key: string, values?: Record<string, string | number>): string;
  raw(key: string): unknown;
}
