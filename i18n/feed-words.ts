/**
 * The Atom feed's words as plain tables for lib/domain/change-feed.ts (which takes words, never
 * the catalog). Read without a request: a feed is answered by a route, outside any page's catalog.
 */
import type { FeedLanguage } from "@/lib/domain/change-feed";
import type { Locale } from "@/lib/domain/locale";
import en from "@/messages/en.signals-claims.json";
import zh from "@/messages/zh.signals-claims.json";

export const FEED_LANGUAGE: Record<Locale, FeedLanguage> = {
  en: { locale: "en", words: en.ChangeFeed },
  zh: { locale: "zh", words: zh.ChangeFeed },
};
