import { FEED_LANGUAGE } from "@/i18n/feed-words";
import { fill } from "@/i18n/fill";
import { methodNotAllowed } from "@/lib/api/http";
import { currentUser } from "@/lib/auth/current-user";
import { publicRead } from "@/lib/auth/settings";
import { errorResponse } from "@/lib/auth/write";
import { now } from "@/lib/clock";
import { buildAtomFeed } from "@/lib/domain/atom-feed";
import { feedEntries, feedPath, overviewHref, requestOrigin } from "@/lib/domain/change-feed";
import { SlugSchema } from "@/lib/domain/fields";
import type { Locale } from "@/lib/domain/locale";
import { AppError } from "@/lib/errors";
import { feedLocale, feedNotFoundText, feedPrivateText } from "@/lib/feed-refusals";
import { getBrand, listBrands } from "@/lib/queries/brands";
import { listFeedChanges } from "@/lib/queries/change-feed";

export const dynamic = "force-dynamic";

export const POST = methodNotAllowed("GET");
export const PUT = methodNotAllowed("GET");
export const PATCH = methodNotAllowed("GET");
export const DELETE = methodNotAllowed("GET");

async function notFound(
  locale: Locale,
  problem: Parameters<typeof feedNotFoundText>[1],
): Promise<Response> {
  const feeds = (await listBrands()).map((brand) => feedPath(brand.slug));
  return new Response(`${feedNotFoundText(locale, problem, feeds)}\n`, {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

/**
 * `GET /feeds/<brand>.atom`: the brand's latest changes as Atom (see the README's "Feed"). The
 * query string is ignored but for `lang=zh|en`, the entries' language: English by default, never
 * from a cookie or Accept-Language (a feed reader sends neither as its reader would), and an
 * unknown `lang` is English too, as feed readers add their own parameters. Its refusals (private
 * mode, an unknown feed) follow the same `lang`.
 */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ brand: string }> },
): Promise<Response> {
  const url = new URL(request.url);
  const locale = feedLocale(url.searchParams);
  // Private mode: the feed is reading, so it needs a session like every page (the custom server
  // refuses it first; this holds when the app is reached another way). No per-reader tokens.
  if (!publicRead() && !(await currentUser())) {
    return errorResponse(new AppError("unauthenticated", feedPrivateText(locale)));
  }
  // Echoed in the 404, so a long path is cut to a readable length.
  const file = (await params).brand.slice(0, 100);
  const match = /^(.*)\.atom$/.exec(file);
  if (!match) return notFound(locale, { file });
  const slug = SlugSchema.safeParse(match[1]);
  const brand = slug.success ? await getBrand(slug.data) : null;
  if (!brand) return notFound(locale, { slug: match[1] ?? "" });

  const language = FEED_LANGUAGE[locale];
  const { words } = language;
  const links = { origin: requestOrigin(request.headers, url.origin) };
  const entries = feedEntries(await listFeedChanges(brand, undefined, locale), links, language);
  const xml = buildAtomFeed({
    // One feed in two languages: the same id, as its entries keep theirs.
    id: `urn:pulse:feed:${brand.slug}`,
    title: fill(words.feedTitle, { brand: brand.name }),
    subtitle: fill(words.feedSubtitle, { brand: brand.name }),
    selfHref: `${links.origin}${feedPath(brand.slug, locale)}`,
    pageHref: overviewHref(links, brand.slug),
    updated: entries[0]?.updated ?? now().toISOString(),
    entries,
  });
  return new Response(xml, {
    headers: {
      "Content-Type": "application/atom+xml; charset=utf-8",
      // Readers poll; each poll should see the latest writes.
      "Cache-Control": "no-cache",
    },
  });
}
