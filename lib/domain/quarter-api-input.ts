/**
 * `POST /api/quarters` takes the quarter form's fields as JSON. This module only checks the
 * JSON's shape and turns it into the form's values; every rule about the figures themselves is
 * the form's own schema (createQuarterInputSchema), so the API and the form cannot disagree.
 *
 * ```json
 * { "brand": "xiaomi", "year": 2025, "quarter": "Q3",
 *   "values": { "revenue": "113.1" }, "qualifiers": { "revenue": "exact" },
 *   "source": { "title": "Q3 2025 results", "url": "https://…", "date": "2025-11-18" },
 *   "note": null, "confirm": ["2025Q3|restatement|revenue|113.1|1|exact"] }
 * ```
 */
import { z } from "zod";
import { readDecimalText } from "./decimal-reading";
import { MetricKeySchema } from "./fields";
import {
  createQuarterInputSchema,
  type FormMetric,
  QUARTER_FIELDS,
  type QuarterFormValues,
  type QuarterInput,
  qualifierField,
  quarterFieldErrors,
  VALUES_FIELD,
  valueField,
} from "./quarter-input";

const NUMBER_NOT_TEXT =
  'must be a string like "113.1": a JSON number cannot keep the decimals a source states ("6.0"), and long or exponent forms lose digits';

function text(what: string) {
  return z.string({
    error: (issue) =>
      issue.input === undefined ? `is required (${what})` : `must be a string (${what})`,
  });
}

/** A figure's value travels as text, exactly as the source writes it. */
const ValueText = z.string({
  error: (issue) =>
    typeof issue.input === "number" ? NUMBER_NOT_TEXT : 'must be a string like "113.1"',
});

/**
 * The keys of a JSON object as sent. Zod's records drop a "__proto__" key without a word, and a
 * key nobody can see being refused would read as "no values given".
 */
function sentKeys(raw: unknown, field: string): string[] {
  if (typeof raw !== "object" || raw === null) return [];
  const inner = (raw as Record<string, unknown>)[field];
  if (!Object.hasOwn(raw, field) || typeof inner !== "object" || inner === null) return [];
  return Object.keys(inner);
}

/** A year or quarter may come as a JSON number (2025, 3) or as text ("2025", "Q3"). */
function textOrNumber(example: string) {
  return z
    .union([z.string(), z.number()], { error: `must be a string or a number like ${example}` })
    .transform((value) => String(value));
}

const optionalText = (what: string) => text(what).nullable().optional();

export const QuarterApiBodySchema = z.strictObject(
  {
    brand: text("a brand slug like xiaomi"),
    year: textOrNumber("2025"),
    quarter: textOrNumber('"Q3" or 3'),
    values: z.record(MetricKeySchema, ValueText, {
      error: 'must be an object of metric keys to values, like { "revenue": "113.1" }',
    }),
    qualifiers: z
      .record(MetricKeySchema, text("exact, approximate or at_least"), {
        error: 'must be an object of metric keys to qualifiers, like { "revenue": "approximate" }',
      })
      .optional(),
    source: z.strictObject(
      {
        title: text("the source's title"),
        url: optionalText("an http(s) address"),
        date: optionalText("YYYY-MM-DD or YYYY-MM"),
      },
      { error: 'must be an object like { "title": "…", "url": "…", "date": "2025-11-18" }' },
    ),
    note: optionalText("a note"),
    confirm: z
      .array(z.string({ error: "must hold the confirmation tokens as strings" }).max(500), {
        error: "must be a list of the confirmation tokens a 409 answer gave",
      })
      .max(1000, { error: "must hold at most 1000 tokens" })
      .optional(),
  },
  { error: "The body must be a JSON object with brand, year, quarter, values and source." },
);

export type QuarterApiBody = z.infer<typeof QuarterApiBodySchema>;

/** Where a form field's problem is reported in the JSON: `values.revenue`, `source.title`. */
export function quarterApiFieldName(formField: string, metrics: readonly FormMetric[]): string {
  const fixed: Record<string, string> = {
    [QUARTER_FIELDS.sourceTitle]: "source.title",
    [QUARTER_FIELDS.sourceUrl]: "source.url",
    [QUARTER_FIELDS.sourcePublishedOn]: "source.date",
  };
  if (fixed[formField]) return fixed[formField];
  for (const metric of metrics) {
    if (formField === valueField(metric.key)) return `values.${metric.key}`;
    if (formField === qualifierField(metric.key)) return `qualifiers.${metric.key}`;
  }
  return formField;
}

function shapeErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const field = [...issue.path, key].join(".");
        errors[field] ??= `${field} is not a field of this request.`;
      }
      continue;
    }
    const field = issue.path.map(String).join(".") || "body";
    const message =
      issue.code === "invalid_key"
        ? "is not a metric key (lowercase letters, digits, _)"
        : issue.message;
    errors[field] ??= field === "body" ? message : `${field} ${message}.`;
  }
  return errors;
}

export type ParsedQuarterApiBody =
  | {
      ok: true;
      input: QuarterInput;
      confirmedTokens: string[];
      /** Values typed with thousands commas, by metric key: what each was read as ("1050"). */
      readings: Record<string, string>;
    }
  | { ok: false; fieldErrors: Record<string, string> };

/**
 * The JSON body as the form's input: its shape first (which field, why), then the form's own
 * schema, with each message keyed by where the field is in the JSON.
 */
export function parseQuarterApiBody(
  raw: unknown,
  metrics: readonly FormMetric[],
  now: Date = new Date(),
): ParsedQuarterApiBody {
  const known = new Set(metrics.map((metric) => metric.key));
  const errors: Record<string, string> = {};
  const valueKeys = sentKeys(raw, "values");
  for (const key of valueKeys) {
    if (!known.has(key)) errors[`values.${key}`] = `There is no metric "${key}" in the catalog.`;
  }
  for (const key of sentKeys(raw, "qualifiers")) {
    if (!valueKeys.includes(key)) {
      errors[`qualifiers.${key}`] = `qualifiers.${key} has no value in values to qualify.`;
    }
  }
  const shape = QuarterApiBodySchema.safeParse(raw);
  if (!shape.success) return { ok: false, fieldErrors: { ...shapeErrors(shape.error), ...errors } };
  if (Object.keys(errors).length > 0) return { ok: false, fieldErrors: errors };
  const body = shape.data;

  const values: QuarterFormValues = {
    [QUARTER_FIELDS.brand]: body.brand,
    [QUARTER_FIELDS.year]: body.year,
    [QUARTER_FIELDS.quarter]: body.quarter,
    [QUARTER_FIELDS.sourceTitle]: body.source.title,
    [QUARTER_FIELDS.sourceUrl]: body.source.url ?? "",
    [QUARTER_FIELDS.sourcePublishedOn]: body.source.date ?? "",
    [QUARTER_FIELDS.note]: body.note ?? "",
  };
  for (const metric of metrics) {
    values[valueField(metric.key)] = body.values[metric.key] ?? "";
    values[qualifierField(metric.key)] = body.qualifiers?.[metric.key] ?? "";
  }
  const parsed = createQuarterInputSchema(metrics, now).safeParse(values);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const [field, message] of Object.entries(quarterFieldErrors(parsed.error, metrics))) {
      fieldErrors[field === VALUES_FIELD ? "values" : quarterApiFieldName(field, metrics)] =
        message;
    }
    return { ok: false, fieldErrors };
  }
  const readings: Record<string, string> = {};
  for (const [key, value] of Object.entries(body.values)) {
    const reading = readDecimalText(value);
    if (reading.ok && reading.readAs !== null) readings[key] = reading.readAs;
  }
  return { ok: true, input: parsed.data, confirmedTokens: body.confirm ?? [], readings };
}
