/**
 * The colour theme a reader chose: a cookie the server reads, so the page is rendered in that
 * theme from its first byte (no flash of the other one). No cookie means "system": the CSS then
 * follows prefers-color-scheme. Shared by the root layout, the /theme route and the page cache.
 */
export const THEME_COOKIE = "pulse_theme";

export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

/** Anything but "light" or "dark" (absent, old, tampered) is the system's choice. */
export function parseTheme(value: unknown): Theme {
  return value === "light" || value === "dark" ? value : "system";
}

/** The value of one cookie in a Cookie header (the theme's and the language's), or null. */
export function cookieValue(cookieHeader: string | undefined | null, name: string): string | null {
  for (const part of (cookieHeader ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index !== -1 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return null;
}

/** The theme a Cookie header asks for. */
export function themeFromCookieHeader(cookieHeader: string | undefined | null): Theme {
  return parseTheme(cookieValue(cookieHeader, THEME_COOKIE));
}

/**
 * Where to send the reader back to after choosing: the page the form was on (its Referer, when
 * it is this site), else the overview. Never another site: the answer is a redirect.
 */
export function themeReturnPath(referer: string | null, host: string | null): string {
  if (!referer || !host) return "/";
  try {
    const url = new URL(referer);
    if (url.host !== host || (url.protocol !== "http:" && url.protocol !== "https:")) return "/";
    // "//other.site/" as a Location is another site (a protocol-relative address).
    if (url.pathname.startsWith("//")) return "/";
    return `${url.pathname}${url.search}`;
  } catch {
    return "/";
  }
}
