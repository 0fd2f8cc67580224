/**
 * The words of field errors, ONE way for every form (issue 11).
 *
 * A schema's message stays the English end of a sentence ("must be at most 300 characters"):
 * that is what the JSON API, the CSV import and the seed report, and they do not change. It is
 * built from FIELD_MESSAGES with `fieldMessage(code, params)`, never written by hand, so that a
 * form can show it in the reader's language with `localizeFieldMessage`: that reads the code and
 * its parameters back from the English (the templates are the one source of both) and fills the
 * same code's template of a plain words table (messages `FieldMessages`, which the page hands to
 * a client form and a server action reads with serverTranslator). lib/domain stays free of
 * next-intl; a message no template matches (none should) is shown as it is.
 */
import { fill, templateReader } from "@/i18n/fill";
import { unitLabel, unitNoun } from "./format";
import type { Locale } from "./locale";
import { isQuarterCode, quarterLabel } from "./quarter";

export const FIELD_MESSAGES = {
  required: "is required",
  maxLength: "must be at most {max} characters",
  finite: "must be a finite number",
  noRadix: "must be a decimal number (no hexadecimal, octal or binary like 0x10)",
  noExponent: "must be written out in full, without an exponent (1.2e9 is not accepted)",
  asciiDigits: "must use the digits 0-9 (not full-width or other scripts' digits)",
  decimalCharacters: "must contain only the digits 0-9, a leading minus sign and a decimal point",
  plainDecimal:
    "must be a plain decimal number like 113.1 (digits, one optional '.', no separators)",
  noCommas: "must not contain commas: no thousands separators, and '.' for decimals (1234.5)",
  noSpaces: "must not contain spaces or digit separators",
  noPlus: "must not start with '+' (positive is the default)",
  onePoint: "must have at most one decimal point",
  digitsAroundPoint: "needs digits on both sides of the decimal point (0.5, not .5 or 5.)",
  noLeadingZeros: "must not have leading zeros (7, not 007)",
  maxDecimals: "must have at most {max} digits after the decimal point",
  tooLarge: "is too large",
  notANumber: "is not a number",
  significantDigits: "has more than {max} significant digits, more than can be stored exactly",
  commaDecimals:
    "looks written with '.' for thousands and ',' for decimals; write it with a point for decimals and no separators ({plain})",
  ambiguousComma:
    "is ambiguous: a thousands comma is followed by exactly three digits (1,050), not {after}; for decimals use a point ({plain})",
  badGroups:
    "has commas that are not thousands separators: the first group has one to three digits (not a leading 0) and groups after the first must have exactly three digits (12,345,678)",
  strayCommas: "must not contain commas except as thousands separators (1,050); '.' for decimals",
  negative: "must not be negative (a {noun} figure cannot be below 0)",
  atLeast: "must be at least {bound} ({unit})",
  atMost: "must be at most {bound} ({unit})",
  wholeNumber: "must be a whole number of {unit}",
  qualifier: "must be one of {list}",
  slug: "must be lowercase letters, digits and dashes (at most 40)",
  metricKey: "must be lowercase letters, digits and underscores (at most 40)",
  visible: "must not contain control characters or text-direction overrides",
  httpUrl: "must be a full http:// or https:// address",
  partialDate: "must be a date written YYYY-MM-DD, or YYYY-MM when only the month is known",
  realDate: "is not a real calendar date",
  notAfterToday: "must not be after today ({today})",
  quarterCode: "must be a quarter written like 2025Q3 (year {min}-{max}, quarter 1-4)",
  rangeOrder: "must not be after `to`",
  year: "must be a four-digit year like 2025",
  yearMin: "must be {year} or later",
  yearMax: "must be {year} or earlier",
  quarterNumber: "must be Q1, Q2, Q3 or Q4",
  future: "must not be in the future ({quarter} has not started; the latest is {latest})",
} as const;

export type FieldMessageCode = keyof typeof FIELD_MESSAGES;
export type FieldMessageWords = Record<FieldMessageCode, string>;

/** A field error in English, from its code: what schemas put in their issues. */
export function fieldMessage(
  code: FieldMessageCode,
  params: Record<string, string | number> = {},
): string {
  return fill(FIELD_MESSAGES[code], params);
}

const readTemplate = templateReader(FIELD_MESSAGES);

/** The code and parameters of an English field message, or null when it is none of ours. */
export function readFieldMessage(
  message: string,
): { code: FieldMessageCode; params: Record<string, string> } | null {
  const read = readTemplate(message);
  return read ? { code: read.key, params: read.values } : null;
}

/** "Q3 2025" back to its code, to be said the reader's way; anything else as it is. */
function relabelQuarter(text: string, locale: Locale): string {
  const match = /^Q([1-4]) (\d{4})$/.exec(text);
  const code = match ? `${match[2]}Q${match[1]}` : "";
  return isQuarterCode(code) ? quarterLabel(code, locale) : text;
}

/** An English field message in the words given (for English: the message itself). */
export function localizeFieldMessage(
  message: string,
  words: FieldMessageWords | null,
  locale: Locale,
): string {
  if (!words || locale === "en") return message;
  const read = readFieldMessage(message);
  if (!read) return message;
  const params = { ...read.params };
  if (params.unit) params.unit = unitLabel(params.unit, locale);
  if (params.noun) params.noun = unitNoun(params.noun, locale);
  for (const name of ["quarter", "latest"]) {
    if (params[name]) params[name] = relabelQuarter(params[name], locale);
  }
  return fill(words[read.code], params);
}

/**
 * The words of one form's field errors, for the forms whose fields have fixed names (restate,
 * withdraw, events, claims, sign-in...): the sentence that joins a field's label and its message,
 * the labels, the form's own messages (those no other form says, by code) and the shared field
 * messages. The English table of a form is its defaults, which the JSON API keeps.
 */
export interface FormErrorWords<Field extends string, Own extends string = never> {
  locale: Locale;
  /** "{label} {message}." */
  sentence: string;
  labels: Record<Field, string>;
  own: Record<Own, string>;
  messages: FieldMessageWords | null;
}

/**
 * A form's own messages said in the words given: `message` is the schema's English, filled from
 * one of `ownEnglish`'s templates or from FIELD_MESSAGES; anything else is shown as it is.
 */
export function localizeFormMessage<Own extends string>(
  message: string,
  words: Pick<FormErrorWords<string, Own>, "locale" | "own" | "messages">,
  ownEnglish: Readonly<Record<Own, string>>,
): string {
  if (words.locale === "en") return message;
  const own = templateReader(ownEnglish)(message);
  return own
    ? fill(words.own[own.key], own.values)
    : localizeFieldMessage(message, words.messages, words.locale);
}

/** A field's problem as a sentence that names the field, in the words given. */
export function formFieldError<Field extends string, Own extends string>(
  field: Field,
  message: string,
  words: FormErrorWords<Field, Own>,
  ownEnglish: Readonly<Record<Own, string>>,
): string {
  return fill(words.sentence, {
    label: words.labels[field],
    message: localizeFormMessage(message, words, ownEnglish),
  });
}
