/**
 * How one cell is written and read back. Quoting is csv-stringify's and csv-parse's job; this
 * module decides what goes inside a cell: text neutralized against formula injection, numbers
 * as plain decimals a spreadsheet reads as numbers.
 */

/**
 * A spreadsheet runs a text cell that starts with one of these as a formula (OWASP, "CSV
 * Injection"). A leading apostrophe makes it plain text in Excel, LibreOffice and Sheets.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const TRIGGER_OR_APOSTROPHE = new Set([..."=+-@\t\r'"].map((char) => char.charCodeAt(0)));
/** What the export produced from such a text: one apostrophe more than the original had. */
const NEUTRALIZED = /^'+[=+\-@\t\r]/;

/**
 * Neutralizes a text cell. Only text: numbers never pass through here, so a negative number stays
 * `-3.2`. Text that already starts with apostrophes before a trigger gets one more, which keeps the
 * escaping reversible (see restoreTextCell): `'=x` is written `''=x` and reads back as `'=x`.
 */
export function escapeTextCell(text: string): string {
  // Most cells start with a letter or digit: decided on the first character, without a regex.
  const first = text.charCodeAt(0);
  if (!TRIGGER_OR_APOSTROPHE.has(first)) return text;
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** An optional text cell: empty when there is no text, escaped otherwise. */
export function textCell(value: string | null): string {
  return value === null ? "" : escapeTextCell(value);
}

/** The inverse of escapeTextCell, for importing what we exported. */
export function restoreTextCell(cell: string): string {
  return NEUTRALIZED.test(cell) ? cell.slice(1) : cell;
}

/**
 * A stored figure as the decimal its source states: 6.0 with one decimal is "6.0", so the number
 * of decimals survives a round trip through the file. When the stored double has more precision
 * than its decimals say (not something the app writes), the shortest exact form is used instead,
 * so nothing is ever rounded away.
 */
export function formatValueCell(value: number | null, decimals: number): string {
  if (value === null || !Number.isFinite(value)) return "";
  for (let digits = Math.max(0, Math.min(decimals, 20)); digits <= 20; digits++) {
    const text = value.toFixed(digits);
    if (Number(text) === value) return normalizeZero(text);
  }
  return String(value);
}

/** A computed measure (YoY): every digit of the double, in its shortest exact form. */
export function formatMeasureCell(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return "";
  // Shortest round-trip form; toFixed is used only where String would switch to exponent notation.
  const text = String(value);
  if (!text.includes("e")) return normalizeZero(text);
  return normalizeZero(plainDecimal(value));
}

const MINUS = 45;
const ZERO = 48;

function normalizeZero(text: string): string {
  // Runs on every number written: the regex only for text starting "-0".
  if (text.charCodeAt(0) !== MINUS || text.charCodeAt(1) !== ZERO) return text;
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}

/** A number in exponent notation written out as a plain decimal with the same digits. */
function plainDecimal(value: number): string {
  const [mantissa = "0", exponentText = "0"] = String(Math.abs(value)).split(/e/i);
  const exponent = Number(exponentText);
  const [whole = "0", fraction = ""] = mantissa.split(".");
  const digits = whole + fraction;
  const point = whole.length + exponent;
  let text: string;
  if (point <= 0) text = `0.${"0".repeat(-point)}${digits}`;
  else if (point >= digits.length) text = digits + "0".repeat(point - digits.length);
  else text = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return `${value < 0 ? "-" : ""}${text}`;
}

export function formatBooleanCell(value: boolean): string {
  return value ? "true" : "false";
}
