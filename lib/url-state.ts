/**
 * The view lives in the URL so that a reload or a shared link shows the same thing. Every query
 * string is parsed here with Zod; a malformed one is reported parameter by parameter, never
 * silently replaced by a default.
 */
import { z } from "zod";
import { SlugSchema } from "@/lib/domain/fields";
import { compareQuarters, type QuarterCode, QuarterCodeSchema } from "@/lib/domain/quarter";

export const DEFAULT_BRAND = "xiaomi";
export const METRIC_VIEWS = ["bars", "seasonal"] as const;
export type MetricView = (typeof METRIC_VIEWS)[number];

export type SearchParams = Record<string, string | string[] | undefined>;

export interface ParamProblem {
  param: string;
  message: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: ParamProblem[] };

const RangeFields = {
  from: QuarterCodeSchema.optional(),
  to: QuarterCodeSchema.optional(),
};

const OverviewSchema = z.object({
  brand: SlugSchema.default(DEFAULT_BRAND),
});

const MetricPageSchema = z
  .object({
    brand: SlugSchema.default(DEFAULT_BRAND),
    view: z
      .enum(METRIC_VIEWS, { message: `must be one of ${METRIC_VIEWS.join(", ")}` })
      .default("bars"),
    ...RangeFields,
  })
  .refine((value) => !value.from || !value.to || compareQuarters(value.from, value.to) <= 0, {
    message: "must not be after `to`",
    path: ["from"],
  });

/**
 * One value per parameter: a repeated one is ambiguous, so it is an error, and an empty one
 * (`?from=`) means "not given".
 */
function singleValues(params: SearchParams): Parsed<Record<string, string>> {
  const values: Record<string, string> = {};
  const problems: ParamProblem[] = [];
  for (const [param, raw] of Object.entries(params)) {
    if (Array.isArray(raw))
      problems.push({ param, message: "appears more than once; give it once" });
    else if (raw !== undefined && raw !== "") values[param] = raw;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: values };
}

export function parseWith<T>(schema: z.ZodType<T>, params: SearchParams): Parsed<T> {
  const values = singleValues(params);
  if (!values.ok) return values;
  const result = schema.safeParse(values.value);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({
      param: String(issue.path[0] ?? "query"),
      message: issue.message,
    })),
  };
}

export interface OverviewState {
  brand: string;
}

export interface MetricPageState {
  brand: string;
  view: MetricView;
  from: QuarterCode | null;
  to: QuarterCode | null;
}

export function parseOverviewParams(params: SearchParams): Parsed<OverviewState> {
  return parseWith(OverviewSchema, params);
}

export function parseMetricPageParams(params: SearchParams): Parsed<MetricPageState> {
  const parsed = parseWith(MetricPageSchema, params);
  if (!parsed.ok) return parsed;
  const { brand, view, from, to } = parsed.value;
  return { ok: true, value: { brand, view, from: from ?? null, to: to ?? null } };
}

/** The query string for a state, leaving defaults out so that URLs stay short. */
export function metricPageQuery(state: MetricPageState): string {
  const query = new URLSearchParams();
  if (state.brand !== DEFAULT_BRAND) query.set("brand", state.brand);
  if (state.view !== "bars") query.set("view", state.view);
  if (state.from) query.set("from", state.from);
  if (state.to) query.set("to", state.to);
  const text = query.toString();
  return text ? `?${text}` : "";
}

export function overviewQuery(state: OverviewState): string {
  return state.brand === DEFAULT_BRAND ? "" : `?brand=${encodeURIComponent(state.brand)}`;
}
