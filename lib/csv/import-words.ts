/**
 * The words of an import's reasons and file problems, from the data-messages catalog. A rejected
 * row keeps its reason as a code with parameters (stored in the plan with the English sentence),
 * so that the preview says it in whichever language the reader has, not the uploader's; a file
 * refused outright is answered at once, in the request's language. next-intl's plain translator
 * (no request, no React) is used so that the planner, the API and the pages say the same thing.
 */
import { DATA_MESSAGES, dataWords, type WordParams } from "@/i18n/data-words";
import type { Locale } from "@/lib/domain/locale";

export type { WordParams };

const en = DATA_MESSAGES.en;

export type ImportReasonCode = keyof typeof en.ImportReasons;
export type ImportProblemCode = Exclude<keyof typeof en.ImportFileProblems, "shapes">;
export type ImportShapeWords = keyof typeof en.ImportFileProblems.shapes;

type Words<K extends string> = (key: K, params?: WordParams) => string;

export function importReasonWords(locale: Locale): Words<ImportReasonCode> {
  return dataWords(locale, "ImportReasons");
}

export function importProblemWords(
  locale: Locale,
): Words<ImportProblemCode | `shapes.${ImportShapeWords}`> {
  return dataWords(locale, "ImportFileProblems");
}

/** A row's reason: its code and parameters, and the English sentence stored beside them. */
export function reason(
  code: ImportReasonCode,
  params: WordParams = {},
): { code: ImportReasonCode; params: WordParams; message: string } {
  return { code, params, message: importReasonWords("en")(code, params) };
}

/**
 * What the reader sees for a rejected row. Rejections stored before reasons had codes (and the
 * field rules' own messages, which have none) keep their English sentence.
 */
export function rejectionText(
  rejection: { message: string; code?: string; params?: WordParams },
  locale: Locale,
): string {
  if (!rejection.code || !(rejection.code in en.ImportReasons)) return rejection.message;
  return importReasonWords(locale)(rejection.code as ImportReasonCode, rejection.params);
}

/** A column name as the rejected rows show it: the whole-row marker is said in words. */
export const WHOLE_ROW = "(whole row)";
export function columnText(column: string, locale: Locale): string {
  return column === WHOLE_ROW ? importReasonWords(locale)("wholeRow") : column;
}
