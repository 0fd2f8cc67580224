/**
 * The sourced seed files in `data/`: parsed with csv-parse and validated row by row with Zod,
 * so that a malformed file fails with the file, row and column instead of loading bad figures.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { z } from "zod";
import { parseEventMetricKeys } from "@/lib/domain/events";
import {
  DecimalLiteralSchema,
  HttpUrlSchema,
  MetricKeySchema,
  optionalField,
  PartialDateSchema,
  QualifierSchema,
  QuarterCodeSchema,
  requiredText,
  SlugSchema,
} from "@/lib/domain/fields";
import { EVENT_KINDS, METRIC_KINDS } from "@/lib/domain/types";

export { EVENT_KINDS, type EventKind } from "@/lib/domain/types";

const ReportingLagDaysSchema = z
  .string()
  .trim()
  .regex(/^\d{1,3}$/, { message: "must be a whole number of days" })
  .transform(Number)
  .refine((days) => days >= 1 && days <= 365, { message: "must be between 1 and 365 days" });

export const BrandRowSchema = z.object({
  slug: SlugSchema,
  name: requiredText(100),
  currency: z
    .string()
    .trim()
    .regex(/^[A-Z]{3}$/, { message: "must be a three-letter ISO currency code" }),
  description: requiredText(1000),
  /** Simplified Chinese (issue 11); optional, so that a brand can be added before its translation. */
  description_zh: optionalField(requiredText(1000)),
  /** Optional column: days after a quarter's end by which the brand has published its results. */
  reporting_lag_days: optionalField(ReportingLagDaysSchema),
});

export const MetricRowSchema = z.object({
  key: MetricKeySchema,
  label: requiredText(100),
  unit: requiredText(20),
  kind: z.enum(METRIC_KINDS, { message: `must be one of ${METRIC_KINDS.join(", ")}` }),
  higher_is_better: z.enum(["true", "false"], { message: "must be true or false" }),
  definition: requiredText(1000),
  /** Simplified Chinese (issue 11); optional, so that a metric can be added before its translation. */
  label_zh: optionalField(requiredText(100)),
  definition_zh: optionalField(requiredText(1000)),
});

export const ObservationRowSchema = z.object({
  brand: SlugSchema,
  metric: MetricKeySchema,
  quarter: QuarterCodeSchema,
  value: DecimalLiteralSchema,
  qualifier: QualifierSchema,
  stated_yoy_pct: optionalField(DecimalLiteralSchema),
  source_title: requiredText(500),
  source_url: optionalField(HttpUrlSchema),
  quote: optionalField(requiredText(4000)),
});

export const EventRowSchema = z.object({
  brand: SlugSchema,
  date: PartialDateSchema,
  kind: z.enum(EVENT_KINDS, { message: `must be one of ${EVENT_KINDS.join(", ")}` }),
  title: requiredText(200),
  description: requiredText(1000),
  source_title: requiredText(500),
  source_url: optionalField(HttpUrlSchema),
  quote: optionalField(requiredText(4000)),
  /** Comma-separated metric keys the event concerns; empty: every metric. */
  metrics: optionalField(requiredText(2000)),
});

export const BrandMetricRowSchema = z.object({
  brand: SlugSchema,
  metric: MetricKeySchema,
  position: z
    .string()
    .trim()
    .regex(/^[1-9]\d{0,3}$/, { message: "must be a position 1, 2, ..." })
    .transform(Number),
  note: optionalField(requiredText(500)),
});

/** claims.csv: statements from the source articles (see data/README.md, "Claims"). */
export const ClaimRowSchema = z.object({
  brand: SlugSchema,
  claimant_kind: z.string(),
  claimant: z.string(),
  source_title: z.string(),
  source_url: z.string(),
  published_on: z.string(),
  metric: MetricKeySchema,
  quarter: z.string(),
  kind: z.string(),
  comparison: z.string(),
  stated_value: z.string(),
  stated_unit: z.string(),
  hedge: z.string(),
  relative_to: z.string(),
  quote: z.string(),
  note: z.string(),
});

/**
 * corrections.csv: fixes to seeded figures, applied as new revisions with a note (never as edits
 * of observations.csv), each only while the current revision is still the one it corrects.
 */
export const CorrectionRowSchema = z.object({
  brand: SlugSchema,
  metric: MetricKeySchema,
  quarter: QuarterCodeSchema,
  value: DecimalLiteralSchema,
  from_qualifier: QualifierSchema,
  qualifier: QualifierSchema,
  stated_yoy_pct: optionalField(DecimalLiteralSchema),
  note: requiredText(1000),
});

export type BrandRow = z.infer<typeof BrandRowSchema>;
export type BrandMetricRow = z.infer<typeof BrandMetricRowSchema>;
export type ClaimRow = z.infer<typeof ClaimRowSchema>;
export type CorrectionRow = z.infer<typeof CorrectionRowSchema>;
export type MetricRow = z.infer<typeof MetricRowSchema>;
export type ObservationRow = z.infer<typeof ObservationRowSchema>;
export type EventRow = z.infer<typeof EventRowSchema>;

export interface SeedFiles {
  brands: BrandRow[];
  metrics: MetricRow[];
  observations: ObservationRow[];
  events: EventRow[];
  /** Each brand's own metric set (brand-metrics.csv); empty when the file is absent. */
  brandMetrics: BrandMetricRow[];
  /** Optional so that tests can seed figures alone. */
  corrections?: CorrectionRow[];
  claims?: ClaimRow[];
}

export class SeedFileError extends Error {
  constructor(readonly problems: string[]) {
    super(`The seed files are invalid:\n${problems.map((problem) => `- ${problem}`).join("\n")}`);
    this.name = "SeedFileError";
  }
}

function parseCsv<T>(
  fileName: string,
  text: string,
  schema: z.ZodType<T>,
  problems: string[],
): T[] {
  let records: Record<string, string>[];
  try {
    records = parse(text, { columns: true, skip_empty_lines: true, bom: true, trim: false });
  } catch (error) {
    problems.push(`${fileName}: ${(error as Error).message}`);
    return [];
  }
  const rows: T[] = [];
  records.forEach((record, index) => {
    const result = schema.safeParse(record);
    // Row 1 is the header, so the first record is line 2 of the file.
    const line = index + 2;
    if (result.success) rows.push(result.data);
    else {
      for (const issue of result.error.issues) {
        problems.push(`${fileName} row ${line}, column ${issue.path.join(".")}: ${issue.message}`);
      }
    }
  });
  return rows;
}

export function parseSeedFiles(
  texts: Record<"brands" | "metrics" | "observations" | "events", string> & {
    brandMetrics?: string;
    corrections?: string;
    claims?: string;
  },
): SeedFiles {
  const problems: string[] = [];
  const files: SeedFiles = {
    brands: parseCsv("brands.csv", texts.brands, BrandRowSchema, problems),
    metrics: parseCsv("metrics.csv", texts.metrics, MetricRowSchema, problems),
    observations: parseCsv("observations.csv", texts.observations, ObservationRowSchema, problems),
    events: parseCsv("events.csv", texts.events, EventRowSchema, problems),
    brandMetrics:
      texts.brandMetrics === undefined
        ? []
        : parseCsv("brand-metrics.csv", texts.brandMetrics, BrandMetricRowSchema, problems),
  };
  if (texts.corrections !== undefined) {
    files.corrections = parseCsv(
      "corrections.csv",
      texts.corrections,
      CorrectionRowSchema,
      problems,
    );
  }
  if (texts.claims !== undefined) {
    files.claims = parseCsv("claims.csv", texts.claims, ClaimRowSchema, problems);
  }
  const brandSlugs = new Set(files.brands.map((brand) => brand.slug));
  const metricKeys = new Set(files.metrics.map((metric) => metric.key));
  files.observations.forEach((row) => {
    if (!brandSlugs.has(row.brand)) problems.push(`observations.csv: unknown brand ${row.brand}`);
    if (!metricKeys.has(row.metric))
      problems.push(`observations.csv: unknown metric ${row.metric}`);
  });
  files.events.forEach((row) => {
    if (!brandSlugs.has(row.brand)) problems.push(`events.csv: unknown brand ${row.brand}`);
    for (const key of parseEventMetricKeys(row.metrics) ?? []) {
      if (!metricKeys.has(key)) problems.push(`events.csv: ${row.title}: unknown metric ${key}`);
    }
  });
  files.brandMetrics.forEach((row) => {
    if (!brandSlugs.has(row.brand)) problems.push(`brand-metrics.csv: unknown brand ${row.brand}`);
    if (!metricKeys.has(row.metric))
      problems.push(`brand-metrics.csv: unknown metric ${row.metric}`);
  });
  if (problems.length > 0) throw new SeedFileError(problems);
  return files;
}

export async function readSeedFiles(directory: string): Promise<SeedFiles> {
  const read = (name: string) => readFile(path.join(directory, name), "utf8");
  const [brands, metrics, observations, events, brandMetrics, corrections, claims] =
    await Promise.all([
      read("brands.csv"),
      read("metrics.csv"),
      read("observations.csv"),
      read("events.csv"),
      read("brand-metrics.csv").catch((error: NodeJS.ErrnoException) => {
        if (error.code === "ENOENT") return undefined;
        throw error;
      }),
      read("corrections.csv"),
      read("claims.csv"),
    ]);
  return parseSeedFiles({
    brands,
    metrics,
    observations,
    events,
    brandMetrics,
    corrections,
    claims,
  });
}
