/**
 * An export's column names in the reader's language. Decided (issue 11): an export is English
 * unless the URL asks otherwise (`lang=zh`): scripts, spreadsheets and the importer read today's
 * exact header. `lang=zh` names the columns of every export (long, wide, claims, compare) in
 * Chinese; values stay machine-readable (plain decimals, quarter codes, slugs, metric keys), and
 * the importers read either set of names.
 */
import { DATA_MESSAGES, dataWords } from "@/i18n/data-words";
import type { Locale } from "@/lib/domain/locale";

type Column = keyof typeof DATA_MESSAGES.en.CsvHeaders;

function isColumn(name: string): name is Column {
  return name in DATA_MESSAGES.en.CsvHeaders;
}

/** The header of an export in `locale`; a column the catalog does not name keeps its own name. */
export function localizedHeader(columns: readonly string[], locale: Locale): string[] {
  if (locale === "en") return [...columns];
  const words = dataWords(locale, "CsvHeaders");
  return columns.map((column) => (isColumn(column) ? words(column) : column));
}

const FROM_CHINESE = new Map(
  Object.entries(DATA_MESSAGES.zh.CsvHeaders).map(([column, name]) => [name, column]),
);

/**
 * A header as the importer checks it: a Chinese column name (an export made with lang=zh) is read
 * as its English one; anything else is left for the header check to name.
 */
export function canonicalHeader(header: readonly string[]): string[] {
  return header.map((name) => FROM_CHINESE.get(name.trim()) ?? name);
}
