/**
 * Field-level Zod schemas shared by every parse of outside input: seed files, the quarter form,
 * CSV import and query strings. One definition per rule, so that all entry points agree.
 */
import { z } from "zod";
import { fieldMessage } from "./field-messages";
import { compareQuarters, isQuarterCode, MAX_YEAR, MIN_YEAR, type QuarterCode } from "./quarter";
import { QUALIFIERS } from "./types";

/** A plain decimal as written by people and by our CSV: optional minus, digits, optional fraction. */
const DECIMAL_LITERAL = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;
export const MAX_DECIMALS = 6;
/** Longer than any real figure; keeps a pasted page of digits from reaching the number parser. */
export const MAX_DECIMAL_LENGTH = 40;

const GENERIC_DECIMAL_MESSAGE = fieldMessage("plainDecimal");

/**
 * Why a text is not a plain decimal, in words that say how to fix it: people paste figures from
 * reports ("1,234.5", "1.2e9", "１１３.１"), and "not a number" alone does not tell them what to
 * change. Null when the text is a plain decimal.
 */
export function decimalLiteralProblem(text: string): string | null {
  if (DECIMAL_LITERAL.test(text)) return null;
  if (/^[+-]?(nan|inf(inity)?)$/i.test(text)) return fieldMessage("finite");
  if (/^[+-]?0[xob]/i.test(text)) {
    return fieldMessage("noRadix");
  }
  if (/^[+-]?[\d.]+e[+-]?\d*$/i.test(text)) {
    return fieldMessage("noExponent");
  }
  if (/[^\x20-\x7e]/.test(text)) {
    return /(?![0-9])\p{Nd}/u.test(text)
      ? fieldMessage("asciiDigits")
      : fieldMessage("decimalCharacters");
  }
  if (/[a-z]/i.test(text)) return GENERIC_DECIMAL_MESSAGE;
  if (text.includes(",")) {
    return fieldMessage("noCommas");
  }
  if (/[\s_']/.test(text)) return fieldMessage("noSpaces");
  if (text.startsWith("+")) return fieldMessage("noPlus");
  if ((text.match(/\./g) ?? []).length > 1) return fieldMessage("onePoint");
  if (/^-?\./.test(text) || /\.$/.test(text)) {
    return fieldMessage("digitsAroundPoint");
  }
  if (/^-?0\d/.test(text)) return fieldMessage("noLeadingZeros");
  return GENERIC_DECIMAL_MESSAGE;
}

/**
 * One issue at most, the first problem found: "is required", "is too long", what is wrong with
 * the literal, too many decimals, too large. (Not an aborting issue: an enclosing object's own
 * checks still run, so a form reports its other problems in the same round.)
 */
export const DecimalLiteralSchema = z
  .string()
  .trim()
  .superRefine((text, ctx) => {
    const problem =
      text === ""
        ? fieldMessage("required")
        : text.length > MAX_DECIMAL_LENGTH
          ? fieldMessage("maxLength", { max: MAX_DECIMAL_LENGTH })
          : (decimalLiteralProblem(text) ??
            (text.includes(".") && text.length - text.indexOf(".") - 1 > MAX_DECIMALS
              ? fieldMessage("maxDecimals", { max: MAX_DECIMALS })
              : Number.isFinite(Number(text))
                ? null
                : fieldMessage("tooLarge")));
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

export const QualifierSchema = z.enum(QUALIFIERS, {
  message: fieldMessage("qualifier", { list: QUALIFIERS.join(", ") }),
});

export const SlugSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, {
    message: fieldMessage("slug"),
  });

export const MetricKeySchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, {
    message: fieldMessage("metricKey"),
  });

export function boundedText(max: number) {
  return z
    .string()
    .trim()
    .max(max, { message: fieldMessage("maxLength", { max }) });
}

export function requiredText(max: number) {
  return boundedText(max).min(1, { message: fieldMessage("required") });
}

/**
 * Typed text may hold newlines and tabs but no other control characters, nor the bidirectional
 * overrides that make a text display differently from what it stores.
 */
function isHiddenCharacter(code: number): boolean {
  const control =
    (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) ||
    (code >= 0x7f && code <= 0x9f);
  const directionOverride =
    (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
  return control || directionOverride;
}

export function visibleText<T extends z.ZodType<string, string>>(schema: T) {
  return schema.refine(
    (text) => ![...text].some((char) => isHiddenCharacter(char.codePointAt(0) ?? 0)),
    {
      message: fieldMessage("visible"),
    },
  );
}

export const HttpUrlSchema = z
  .string()
  .trim()
  .max(2000, { message: fieldMessage("maxLength", { max: 2000 }) })
  .refine(
    (text) => {
      try {
        const url = new URL(text);
        return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
      } catch {
        return false;
      }
    },
    { message: fieldMessage("httpUrl") },
  );

/** A calendar date as precise as its source: YYYY-MM-DD, or YYYY-MM when only the month is known. */
export const PartialDateSchema = z
  .string()
  .trim()
  .regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, {
    message: fieldMessage("partialDate"),
  })
  .refine(
    (text) => {
      if (text.length === 7) return true;
      const date = new Date(`${text}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
    },
    { message: fieldMessage("realDate") },
  );

/** Empty strings from forms and CSV cells mean "not given". */
export function optionalField<T extends z.ZodType>(schema: T) {
  return z.preprocess(
    (raw) => (typeof raw === "string" && raw.trim() === "" ? undefined : raw),
    schema.optional(),
  );
}

/** A quarter as written in URLs, CSV and forms: `2025Q3`. */
/**
 * Aborting: a malformed quarter must never reach an enclosing object's checks, which are typed
 * to receive a QuarterCode and would throw on anything else (`?from=x&to=y` answered 500).
 */
export const QuarterCodeSchema = z
  .string()
  .trim()
  .refine(isQuarterCode, {
    message: fieldMessage("quarterCode", { min: MIN_YEAR, max: MAX_YEAR }),
    abort: true,
  })
  .transform((text) => text as QuarterCode);

/**
 * The one rule for a `from`/`to` pair, for every schema that takes a range. Checks the codes
 * itself too, so that it stays safe if a caller's fields ever stop aborting.
 */
export function quarterRangeInOrder(value: { from?: string; to?: string }): boolean {
  const { from, to } = value;
  if (!from || !to || !isQuarterCode(from) || !isQuarterCode(to)) return true;
  return compareQuarters(from, to) <= 0;
}

export const QUARTER_RANGE_ORDER: { message: string; path: string[] } = {
  message: fieldMessage("rangeOrder"),
  path: ["from"],
};
