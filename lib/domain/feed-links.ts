/** The absolute addresses a brand's feed and its entries link to. */
import { LOCALE_PARAM, type Locale } from "./locale";

/** Absolute addresses of the pages entries link to. */
export interface FeedLinks {
  origin: string;
}

const HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * The origin readers reached the feed on, for the absolute links Atom entries need. Next builds a
 * route handler's `request.url` from its own configured host name ("localhost"), so the Host
 * header (or a proxy's X-Forwarded-*) says it; a malformed one falls back to `fallback`.
 */
export function requestOrigin(
  headers: { get(name: string): string | null },
  fallback: string,
): string {
  const host = (headers.get("x-forwarded-host") ?? headers.get("host"))?.split(",")[0]?.trim();
  const proto =
    headers.get("x-forwarded-proto")?.split(",")[0]?.trim() ??
    new URL(fallback).protocol.slice(0, -1);
  if (!host || !HOST.test(host) || (proto !== "http" && proto !== "https")) return fallback;
  return `${proto}://${host}`;
}

/** The feed's address; a language other than English is named in it (readers send no cookie). */
export function feedPath(brandSlug: string, locale: Locale = "en"): string {
  const lang = locale === "en" ? "" : `?${LOCALE_PARAM}=${locale}`;
  return `/feeds/${encodeURIComponent(brandSlug)}.atom${lang}`;
}

/**
 * A page's `<link rel="alternate" type="application/atom+xml">` (Next metadata `alternates`): the
 * feed in the page's language.
 */
export function feedAlternates(
  brandSlug: string,
  locale: Locale,
  title: string,
): {
  types: Record<string, { url: string; title: string }[]>;
} {
  return {
    types: { "application/atom+xml": [{ url: feedPath(brandSlug, locale), title }] },
  };
}

export function overviewHref(links: FeedLinks, brandSlug: string, anchor = ""): string {
  return `${links.origin}/?${new URLSearchParams({ brand: brandSlug })}${anchor}`;
}

export function metricHref(links: FeedLinks, brandSlug: string, metricKey: string): string {
  return `${links.origin}/metrics/${encodeURIComponent(metricKey)}?${new URLSearchParams({ brand: brandSlug })}`;
}

export function claimHref(
  links: FeedLinks,
  brandSlug: string,
  metricKey: string,
  uid: string,
): string {
  return `${links.origin}/claims?${new URLSearchParams({ brand: brandSlug, metric: metricKey })}#claim-${encodeURIComponent(uid)}`;
}
