/**
 * Figures pasted from press releases carry thousands separators ("1,050 stores"). A comma is
 * read as one only where nothing else can be meant: groups of exactly three digits after a
 * first group of one to three ("1,050", "12,345,678.5"). Anything else with a comma or a
 * European-style point ("1,05", "1,0500", "1.050,5") could mean two different numbers, so it is
 * refused with the reason, never guessed. The one reader the form, the API and the import share
 * (through metric-value-rules.ts).
 */
import { fieldMessage } from "./field-messages";

export type DecimalReading =
  | {
      ok: true;
      text: string /** What the text was read as, when it differs: "1050". */;
      readAs: string | null;
    }
  | { ok: false; message: string };

const GROUPED = /^(-?)([1-9]\d{0,2}(?:,\d{3})+)(\.\d+)?$/;

export function readDecimalText(raw: string): DecimalReading {
  const text = raw.trim();
  if (!text.includes(",")) return { ok: true, text, readAs: null };
  const grouped = GROUPED.exec(text);
  if (grouped) {
    const plain = text.replaceAll(",", "");
    return { ok: true, text: plain, readAs: plain };
  }
  if (/^-?\d{1,3}(?:\.\d{3})+,\d+$/.test(text)) {
    return {
      ok: false,
      message: fieldMessage("commaDecimals", {
        plain: text.replaceAll(".", "").replace(",", "."),
      }),
    };
  }
  const after = /^-?\d+,\d+$/.test(text) ? (text.split(",")[1]?.length ?? 0) : 3;
  if (after !== 3) {
    return {
      ok: false,
      message: fieldMessage("ambiguousComma", { after, plain: text.replace(",", ".") }),
    };
  }
  if (/^-?[\d,]+(\.\d+)?$/.test(text)) {
    return {
      ok: false,
      message: fieldMessage("badGroups"),
    };
  }
  return {
    ok: false,
    message: fieldMessage("strayCommas"),
  };
}
