/**
 * The query string of `/api/export`, parsed with Zod like every other URL. A misspelt or unknown
 * parameter is an error rather than ignored: `metric=mau` silently exporting every metric would
 * hand an analyst the wrong file.
 */
import { z } from "zod";
import {
  EXPORT_FORMATS,
  type ExportFormat,
  WIDE_ACROSS,
  type WideAcross,
} from "@/lib/csv/export-format";
import {
  MetricKeySchema,
  QUARTER_RANGE_ORDER,
  QuarterCodeSchema,
  quarterRangeInOrder,
  SlugSchema,
} from "@/lib/domain/fields";
import type { Locale } from "@/lib/domain/locale";
import type { QuarterCode } from "@/lib/domain/quarter";
import {
  exportLang,
  type ParamProblem,
  type Parsed,
  parseWith,
  type SearchParams,
  withExportLang,
} from "@/lib/url-state";

export const EXPORT_PARAMS = [
  "brand",
  "metrics",
  "from",
  "to",
  "format",
  "bom",
  "history",
  "across",
  "lang",
] as const;

const FlagSchema = z
  .enum(["0", "1"], { message: "must be 1 (yes) or 0 (no)" })
  .default("0")
  .transform((flag) => flag === "1");

const MetricListSchema = z
  .string()
  .transform((text) => text.split(","))
  .pipe(
    z
      .array(MetricKeySchema)
      .max(100, { message: "may list at most 100 metrics" })
      .refine((keys) => new Set(keys).size === keys.length, {
        message: "lists a metric more than once",
      }),
  );

const ExportParamsSchema = z
  .object({
    brand: SlugSchema.optional(),
    metrics: MetricListSchema.optional(),
    from: QuarterCodeSchema.optional(),
    to: QuarterCodeSchema.optional(),
    format: z
      .enum(EXPORT_FORMATS, { message: `must be one of ${EXPORT_FORMATS.join(", ")}` })
      .default("long"),
    bom: FlagSchema,
    history: FlagSchema,
    across: z.enum(WIDE_ACROSS, { message: `must be one of ${WIDE_ACROSS.join(", ")}` }).optional(),
  })
  .refine(quarterRangeInOrder, QUARTER_RANGE_ORDER)
  .refine((value) => !(value.history && value.format === "wide"), {
    message: "applies only to format=long (the wide shape holds current figures only)",
    path: ["history"],
  })
  .refine((value) => value.across === undefined || value.format === "wide", {
    message: "applies only to format=wide (what runs across the columns of a wide file)",
    path: ["across"],
  });

export interface ExportParams {
  /** null: every brand. */
  brand: string | null;
  /** null: every metric of the catalog. */
  metrics: string[] | null;
  from: QuarterCode | null;
  to: QuarterCode | null;
  format: ExportFormat;
  bom: boolean;
  history: boolean;
  /** Wide files only: a column per metric (quarters down the rows) or per quarter. */
  across: WideAcross;
  /**
   * The header's language: English unless `lang=zh` is in the URL (the reader's cookie does not
   * change a file that scripts read). Values stay machine-readable in either.
   */
  lang: Locale;
}

export function searchParamsOf(query: URLSearchParams): SearchParams {
  const params: SearchParams = {};
  for (const name of new Set(query.keys())) {
    const values = query.getAll(name);
    params[name] = values.length === 1 ? values[0] : values;
  }
  return params;
}

export function parseExportParams(params: SearchParams): Parsed<ExportParams> {
  const unknown: ParamProblem[] = Object.keys(params)
    .filter((name) => !(EXPORT_PARAMS as readonly string[]).includes(name))
    .map((name) => ({
      param: name,
      message: `is not a parameter of this export (known: ${EXPORT_PARAMS.join(", ")})`,
    }));
  if (unknown.length > 0) return { ok: false, problems: unknown };
  const parsed = parseWith(ExportParamsSchema, params);
  if (!parsed.ok) return parsed;
  const { brand, metrics, from, to, format, bom, history, across } = parsed.value;
  return {
    ok: true,
    value: {
      brand: brand ?? null,
      metrics: metrics ?? null,
      from: from ?? null,
      to: to ?? null,
      format,
      bom,
      history,
      across: across ?? "metrics",
      lang: exportLang(params),
    },
  };
}

/** The link that downloads a view: what the page shows, in the chosen shape. */
export function exportHref(params: Partial<ExportParams>): string {
  const query = new URLSearchParams();
  if (params.brand) query.set("brand", params.brand);
  if (params.metrics && params.metrics.length > 0) query.set("metrics", params.metrics.join(","));
  if (params.from) query.set("from", params.from);
  if (params.to) query.set("to", params.to);
  query.set("format", params.format ?? "long");
  if (params.bom) query.set("bom", "1");
  if (params.history) query.set("history", "1");
  if (params.format === "wide" && params.across === "quarters") query.set("across", "quarters");
  return `/api/export?${withExportLang(query, params.lang).toString()}`;
}
