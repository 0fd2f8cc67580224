/**
 * The interface languages. Kept in lib/domain (pure, no imports) so that the formatting code can
 * take a locale without reaching up into the request layer.
 */
export const LOCALES = ["en", "zh"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
/** The query parameter that names the language in a URL (`?lang=zh`): a shared link keeps it. */
export const LOCALE_PARAM = "lang";

export function isLocale(value: unknown): value is Locale {
  return value === "en" || value === "zh";
}

/** The BCP 47 tag for `<html lang>`: Simplified Chinese is said with its script. */
export function htmlLang(locale: Locale): string {
  return locale === "zh" ? "zh-Hans" : "en";
}
