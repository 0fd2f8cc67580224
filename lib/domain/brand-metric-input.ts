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

/** What the page says after a change (`?done=`) or a refusal (`?problem=`), by code. */
export const BRAND_METRIC_OUTCOMES = {
  added: "Added to the brand's metrics.",
  removed: "Removed from the brand's metrics. Its stored figures stay stored and exported.",
  noted: "Note saved.",
  exists: "Nothing changed: the brand already tracks that metric.",
  missing: "Nothing changed: the brand does not track that metric.",
  last: "Nothing changed: a brand tracks at least one metric.",
  forbidden: "Nothing changed: your role does not allow changing a brand's metrics.",
  invalid: `Nothing changed: the note must be at most ${BRAND_METRIC_NOTE_MAX} characters of visible text, and the metric one of the catalog's.`,
} as const;
export type BrandMetricOutcome = keyof typeof BRAND_METRIC_OUTCOMES;

const OutcomeSchema = z.enum(Object.keys(BRAND_METRIC_OUTCOMES) as [BrandMetricOutcome]);

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
