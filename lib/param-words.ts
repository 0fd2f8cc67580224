/**
 * A query-string problem in the reader's language. The parsers (lib/url-state.ts,
 * lib/export-params.ts, lib/domain/fields.ts, lib/domain/audit-filter.ts) say what is wrong in
 * English, which the plain-text 400s and the specs read; each English sentence is a template of
 * the data-messages catalog (ParamReasons), so the page matches it there and says the Chinese
 * one with the same values. A sentence the catalog does not know is shown as it is.
 */
import { DATA_MESSAGES, dataWords } from "@/i18n/data-words";
import { templateReader } from "@/i18n/fill";
import type { Locale } from "@/lib/domain/locale";

const readParamReason = templateReader(DATA_MESSAGES.en.ParamReasons);

export function paramProblemText(message: string, locale: Locale): string {
  if (locale === "en") return message;
  const read = readParamReason(message);
  return read ? dataWords(locale, "ParamReasons")(read.key, read.values) : message;
}
