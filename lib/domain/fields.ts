/**
 * Field-level Zod schemas shared by every parse of outside input: seed files, the quarter form,
 * CSV import and query strings. One definition per rule, so that all entry points agree.
 */
import { z } from "zod";
import { QUALIFIERS } from "./types";

/** A plain decimal as written by people and by our CSV: optional minus, digits, optional fraction. */
const DECIMAL_LITERAL = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;
export const MAX_DECIMALS = 6;

export const DecimalLiteralSchema = z
  .string()
  .trim()
  .min(1, { message: "is required" })
  .refine((text) => DECIMAL_LITERAL.test(text), {
    message: "must be a plain decimal number like 113.1 (digits, one optional '.', no separators)",
  })
  .refine((text) => !text.includes(".") || text.length - text.indexOf(".") - 1 <= MAX_DECIMALS, {
    message: `must have at most ${MAX_DECIMALS} digits after the decimal point`,
  })
  .refine((text) => Number.isFinite(Number(text)), { message: "is too large" });

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
