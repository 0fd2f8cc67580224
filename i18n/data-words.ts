/**
 * The data-messages catalog read without a request: next-intl's plain translator, for code that
 * says things outside React (the import planner, the API) and for words chosen per item at
 * render time (a rejected row's reason, a link's problem).
 */
import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/domain/locale";
import en from "@/messages/en.data-messages.json";
import zh from "@/messages/zh.data-messages.json";

export const DATA_MESSAGES = { en, zh } as const;

export type WordParams = Record<string, string | number>;

export function dataWords(
  locale: Locale,
  namespace: keyof typeof en,
): (key: string, params?: WordParams) => string {
  const t = createTranslator({
    locale,
    messages: DATA_MESSAGES[locale] as Record<string, unknown>,
    namespace,
  } as never) as unknown as (key: string, params?: WordParams) => string;
  return (key, params) => t(key, params);
}
