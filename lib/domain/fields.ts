/**
 * Field-level Zod schemas shared by every parse of outside input: seed files, the quarter form,
 * CSV import and query strings. One definition per rule, so that all entry points agree.
 */
import { z } from "zod";
import { compareQuarters, isQuarterCode, MAX_YEAR, MIN_YEAR, type QuarterCode } from "./quarter";
import { QUALIFIERS } from "./types";

/** A plain decimal as written by people and by our CSV: optional minus, digits, optional fraction. */
const DECIMAL_LITERAL = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;
export const MAX_DECIMALS = 6;
/** Longer than any real figure; keeps a pasted page of digits from reaching the number parser. */
export const MAX_DECIMAL_LENGTH = 40;

const GENERIC_DECIMAL_MESSAGE =
  "must be a plain decimal number like 113.1 (digits, one optional '.', no separators)";

/**
 * Why a text is not a plain decimal, in words that say how to fix it: people paste figures from
 * reports ("1,234.5", "1.2e9", "１１３.１"), and "not a number" alone does not tell them what to
 * change. Null when the text is a plain decimal.
 */
export function decimalLiteralProblem(text: string): string | null {
  if (DECIMAL_LITERAL.test(text)) return null;
  if (/^[+-]?(nan|inf(inity)?)$/i.test(text)) return "must be a finite number";
  if (/^[+-]?0[xob]/i.test(text)) {
    return "must be a decimal number (no hexadecimal, octal or binary like 0x10)";
  }
  if (/^[+-]?[\d.]+e[+-]?\d*$/i.test(text)) {
    return "must be written out in full, without an exponent (1.2e9 is not accepted)";
  }
  if (/[^\x20-\x7e]/.test(text)) {
    return /(?![0-9])\p{Nd}/u.test(text)
      ? "must use the digits 0-9 (not full-width or other scripts' digits)"
      : "must contain only the digits 0-9, a leading minus sign and a decimal point";
  }
  if (/[a-z]/i.test(text)) return GENERIC_DECIMAL_MESSAGE;
  if (text.includes(",")) {
    return "must not contain commas: no thousands separators, and '.' for decimals (1234.5)";
  }
  if (/[\s_']/.test(text)) return "must not contain spaces or digit separators";
  if (text.startsWith("+")) return "must not start with '+' (positive is the default)";
  if ((text.match(/\./g) ?? []).length > 1) return "must have at most one decimal point";
  if (/^-?\./.test(text) || /\.$/.test(text)) {
    return "needs digits on both sides of the decimal point (0.5, not .5 or 5.)";
  }
  if (/^-?0\d/.test(text)) return "must not have leading zeros (7, not 007)";
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
        ? "is required"
        : text.length > MAX_DECIMAL_LENGTH
          ? `must be at most ${MAX_DECIMAL_LENGTH} characters`
          : (decimalLiteralProblem(text) ??
            (text.includes(".") && text.length - text.indexOf(".") - 1 > MAX_DECIMALS
              ? `must have at most ${MAX_DECIMALS} digits after the decimal point`
              : Number.isFinite(Number(text))
                ? null
                : "is too large"));
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

export const QualifierSchema = z.enum(QUALIFIERS, {
  message: `must be one of ${QUALIFIERS.join(", ")}`,
});

export const SlugSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, {
    message: "must be lowercase letters, digits and dashes (at most 40)",
  });

export const MetricKeySchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, {
    message: "must be lowercase letters, digits and underscores (at most 40)",
  });

export function boundedText(max: number) {
  return z
    .string()
    .trim()
    .max(max, { message: `must be at most ${max} characters` });
}

export function requiredText(max: number) {
  return boundedText(max).min(1, { message: "is required" });
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
      message: "must not contain control characters or text-direction overrides",
    },
  );
}

export const HttpUrlSchema = z
  .string()
  .trim()
  .max(2000, { message: "must be at most 2000 characters" })
  .refine(
    (text) => {
      try {
        const url = new URL(text);
        return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
      } catch {
        return false;
      }
    },
    { message: "must be a full http:// or https:// address" },
  );

/** A calendar date as precise as its source: YYYY-MM-DD, or YYYY-MM when only the month is known. */
export const PartialDateSchema = z
  .string()
  .trim()
  .regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, {
    message: "must be a date written YYYY-MM-DD, or YYYY-MM when only the month is known",
  })
  .refine(
    (text) => {
      if (text.length === 7) return true;
      const date = new Date(`${text}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
    },
    { message: "is not a real calendar date" },
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
    message: `must be a quarter written like 2025Q3 (year ${MIN_YEAR}-${MAX_YEAR}, quarter 1-4)`,
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
  message: "must not be after `to`",
  path: ["from"],
};
