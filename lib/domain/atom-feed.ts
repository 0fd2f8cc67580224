/**
 * An Atom 1.0 document (RFC 4287) from plain data. Written by hand rather than with a feed
 * library: the format needs a dozen elements, and what matters here is exact escaping and the
 * order of entries, both of which a few lines make visible and the unit tests pin down.
 */

export interface AtomEntry {
  /** Never changes for the same change, so a reader never shows an entry twice. */
  id: string;
  title: string;
  /** Plain text; the reader shows it as is. */
  summary: string;
  /** Absolute address of the page the entry is about. */
  href: string;
  /** ISO 8601 instant. */
  updated: string;
  author: string;
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle: string;
  /** Absolute address of the feed itself. */
  selfHref: string;
  /** Absolute address of the HTML page the feed follows. */
  pageHref: string;
  /** ISO 8601 instant: the newest entry's, or when the feed was made if it has none. */
  updated: string;
  entries: readonly AtomEntry[];
}

/*
 * XML 1.0 cannot carry control characters, lone surrogates or U+FFFE/U+FFFF even as character
 * references, and a reader refuses the whole document over one of them: they are dropped rather
 * than risk an unreadable feed. (A string iterates by code point, so a pair stays whole.)
 */
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    code >= 0x10000
  );
}

function xmlCharsOnly(text: string): string {
  let kept = "";
  for (const char of text) if (isXmlChar(char.codePointAt(0) ?? 0)) kept += char;
  return kept;
}

/** Text safe inside an element or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return xmlCharsOnly(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

function element(name: string, text: string, indent: string): string {
  return `${indent}<${name}>${escapeXml(text)}</${name}>`;
}

function link(rel: string, href: string, type: string | null, indent: string): string {
  const typeAttribute = type ? ` type="${escapeXml(type)}"` : "";
  return `${indent}<link rel="${rel}"${typeAttribute} href="${escapeXml(href)}"/>`;
}

function entryXml(entry: AtomEntry): string {
  return [
    "  <entry>",
    element("id", entry.id, "    "),
    element("title", entry.title, "    "),
    link("alternate", entry.href, "text/html", "    "),
    element("updated", entry.updated, "    "),
    element("published", entry.updated, "    "),
    `    <author>${element("name", entry.author, "")}</author>`,
    `    <summary type="text">${escapeXml(entry.summary)}</summary>`,
    "  </entry>",
  ].join("\n");
}

/** The feed as XML text, entries in the order given (callers sort them, newest first). */
export function buildAtomFeed(feed: AtomFeed): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    element("id", feed.id, "  "),
    element("title", feed.title, "  "),
    element("subtitle", feed.subtitle, "  "),
    link("self", feed.selfHref, "application/atom+xml", "  "),
    link("alternate", feed.pageHref, "text/html", "  "),
    element("updated", feed.updated, "  "),
    element("generator", "Pulse", "  "),
    ...feed.entries.map(entryXml),
    "</feed>",
    "",
  ].join("\n");
}
