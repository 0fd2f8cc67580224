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

function parseWith<T>(schema: z.ZodType<T>, params: SearchParams): Parsed<T> {
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

const QuarterFormPageSchema = z.object({
  brand: SlugSchema.default(DEFAULT_BRAND),
  quarter: QuarterCodeSchema.optional(),
});

export interface QuarterFormPageState {
  brand: string;
  /** A quarter to prefill (from a "restate" link); otherwise the one after the latest stored. */
  quarter: QuarterCode | null;
}

export function parseQuarterFormParams(params: SearchParams): Parsed<QuarterFormPageState> {
  const parsed = parseWith(QuarterFormPageSchema, params);
  if (!parsed.ok) return parsed;
  return { ok: true, value: { brand: parsed.value.brand, quarter: parsed.value.quarter ?? null } };
}

export function quarterFormHref(brand: string, quarter: QuarterCode | null = null): string {
  const query = new URLSearchParams({ brand });
  if (quarter) query.set("quarter", quarter);
  return `/quarters/new?${query.toString()}`;
}

const SavedNoticeSchema = z.object({
  saved: QuarterCodeSchema,
  at: z.string().regex(/^\d{1,15}$/),
});

/**
 * The overview's confirmation after a save (`?saved=2025Q4&at=<ms>`): the notice lists what the
 * database holds for that save, so a hand-made link cannot make it claim anything false.
 * Malformed or absent: no notice, the page itself is unaffected.
 */
export function parseSavedNotice(
  params: SearchParams,
): { quarter: QuarterCode; savedAt: number } | null {
  const parsed = SavedNoticeSchema.safeParse(params);
  return parsed.success ? { quarter: parsed.data.saved, savedAt: Number(parsed.data.at) } : null;
}

export function savedNoticeHref(brand: string, quarter: QuarterCode, savedAt: number): string {
  const query = new URLSearchParams({ brand, saved: quarter, at: String(savedAt) });
  return `/?${query.toString()}`;
}

/** The metric page's confirmation after a withdrawal (`?withdrawn=2024Q4`). */
export function parseWithdrawnNotice(params: SearchParams): QuarterCode | null {
  const parsed = z.object({ withdrawn: QuarterCodeSchema }).safeParse(params);
  return parsed.success ? parsed.data.withdrawn : null;
}

const WithdrawPageSchema = z.object({
  brand: SlugSchema.default(DEFAULT_BRAND),
  quarter: QuarterCodeSchema,
});

export function parseWithdrawParams(
  params: SearchParams,
): Parsed<{ brand: string; quarter: QuarterCode }> {
  return parseWith(WithdrawPageSchema, params);
}

export function withdrawHref(metricKey: string, brand: string, quarter: QuarterCode): string {
  const query = new URLSearchParams({ brand, quarter });
  return `/metrics/${metricKey}/withdraw?${query.toString()}`;
}
