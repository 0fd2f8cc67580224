/**
 * What the feed says when it refuses (private mode, an unknown feed or brand), in the language
 * its `lang` names, like its entries (lib/domain/change-feed.ts). Both the custom server, which
 * refuses a private feed first, and the feed route read these: one text for one refusal. Read
 * straight from the area's catalog, as a feed is answered outside any page's catalog.
 */
import { fill } from "@/i18n/fill";
import type { Locale } from "@/lib/domain/locale";
import { localeFromQuery } from "@/lib/locale";
import en from "@/messages/en.page-words.json";
import zh from "@/messages/zh.page-words.json";

const WORDS: Record<Locale, typeof en.FeedRoute> = { en: en.FeedRoute, zh: zh.FeedRoute };

/** The feed's language: `lang=zh` only; anything else is English, as feed readers add parameters. */
export function feedLocale(search: string | URLSearchParams): Locale {
  return localeFromQuery(search) === "zh" ? "zh" : "en";
}

export function feedPrivateText(locale: Locale): string {
  return WORDS[locale].private;
}

/** The 404's text: what is wrong, then the feeds there are. */
export function feedNotFoundText(
  locale: Locale,
  problem: { file: string } | { slug: string },
  feeds: readonly string[],
): string {
  const words = WORDS[locale];
  const said = "file" in problem ? fill(words.noFeed, problem) : fill(words.noBrand, problem);
  return fill(words.feeds, { problem: said, known: feeds.join(locale === "zh" ? "、" : ", ") });
}
