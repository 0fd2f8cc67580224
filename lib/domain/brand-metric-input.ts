/** The brand metric set page's three forms: add a metric, remove one, change a note. */
import { z } from "zod";
import { BRAND_METRIC_NOTE_MAX } from "./brand-metrics";
import { boundedText, MetricKeySchema, optionalField, SlugSchema, visibleText } from "./fields";

export const BrandMetricInputSchema = z.object({
  brand: SlugSchema,
  metric: MetricKeySchema,
  note: optionalField(visibleText(boundedText(BRAND_METRIC_NOTE_MAX))),
});
export type BrandMetricInput = z.infer<typeof BrandMetricInputSchema>;

/**
 * What the page says after a change (`?done=`) or a refusal (`?problem=`), by code; the words
 * are in the message catalog (BrandMetricsPage.outcomes), in the reader's language.
 */
export const BRAND_METRIC_OUTCOMES = [
  "added",
  "removed",
  "noted",
  "exists",
  "missing",
  "last",
  "forbidden",
  "invalid",
] as const;
export type BrandMetricOutcome = (typeof BRAND_METRIC_OUTCOMES)[number];

const OutcomeSchema = z.enum(BRAND_METRIC_OUTCOMES);

export function parseBrandMetricOutcome(
  params: Record<string, string | string[] | undefined>,
): { code: BrandMetricOutcome; ok: boolean; metric: string | null } | null {
  const done = OutcomeSchema.safeParse(params.done);
  const problem = OutcomeSchema.safeParse(params.problem);
  const metric = MetricKeySchema.safeParse(params.metric);
  const code = done.success ? done.data : problem.success ? problem.data : null;
  if (code === null) return null;
  return { code, ok: done.success, metric: metric.success ? metric.data : null };
}
