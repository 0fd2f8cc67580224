/**
 * A query-string problem in the reader's language. The parsers (lib/url-state.ts,
 * lib/export-params.ts, lib/domain/fields.ts, lib/domain/audit-filter.ts) say what is wrong in
 * English, which the plain-text 400s and the specs read; each English sentence is a template of
 * the data-messages catalog (ParamReasons), so the page matches it there and says the Chinese
 * one with the same values. A sentence the catalog does not know is shown as it is.
 */
import { DATA_MESSAGES, dataWords } from "@/i18n/data-words";
import type { Locale } from "@/lib/domain/locale";

const PATTERNS = Object.entries(DATA_MESSAGES.en.ParamReasons).map(([key, template]) => {
  const names: string[] = [];
  const source = template
    .split(/(\{\w+\})/)
    .map((part) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      if (!name) return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      names.push(name);
      return "(.+?)";
    })
    .join("");
  return { key, names, pattern: new RegExp(`^${source}$`) };
});

export function paramProblemText(message: string, locale: Locale): string {
  if (locale === "en") return message;
  for (const { key, names, pattern } of PATTERNS) {
    const match = pattern.exec(message);
    if (!match) continue;
    const values = Object.fromEntries(names.map((name, index) => [name, match[index + 1] ?? ""]));
    return dataWords(locale, "ParamReasons")(key, values);
  }
  return message;
}
