import { useLocale } from "next-intl";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/domain/locale";

/** The request's locale, typed, for components that are not async (server or client). */
export function useCurrentLocale(): Locale {
  const locale = useLocale();
  return isLocale(locale) ? locale : DEFAULT_LOCALE;
}
