/**
 * The view lives in the URL so that a reload or a shared link shows the same thing. Every query
 * string is parsed here with Zod; a malformed one is reported parameter by parameter, never
 * silently replaced by a default.
 */
import { z } from "zod";
import { COMPARE_MODES, type CompareMode } from "@/lib/domain/compare";
import {
  MetricKeySchema,
  QUARTER_RANGE_ORDER,
  QuarterCodeSchema,
  quarterRangeInOrder,
  SlugSchema,
} from "@/lib/domain/fields";
import { isLocale, LOCALE_PARAM, type Locale } from "@/lib/domain/locale";
import type { QuarterCode } from "@/lib/domain/quarter";
import { QUARTER_SLOT, type QuarterEditTemplates } from "@/lib/domain/quarter-edit-templates";

export const DEFAULT_BRAND = "xiaomi";
export const METRIC_VIEWS = ["bars", "seasonal", "annual"] as const;
export type MetricView = (typeof METRIC_VIEWS)[number];

/** Comparison periods on the YoY chart: one year ago, two years ago, or both. */
export const COMPARE_PERIODS = [1, 2] as const;
export type ComparePeriod = (typeof COMPARE_PERIODS)[number];
const DEFAULT_COMPARE: ComparePeriod[] = [1];

/** At most this many brands, and this many metrics, on one comparison chart. */
export const MAX_COMPARED = 4;

export type SearchParams = Record<string, string | string[] | undefined>;

/** A query string as Next hands it to a page: a repeated parameter becomes a list. */
export function searchParamsOf(query: URLSearchParams): SearchParams {
  const params: SearchParams = {};
  for (const key of new Set(query.keys())) {
    const values = query.getAll(key);
    params[key] = values.length > 1 ? values : values[0];
  }
  return params;
}

export interface ParamProblem {
  param: string;
  message: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: ParamProblem[] };

const RangeFields = {
  from: QuarterCodeSchema.optional(),
  to: QuarterCodeSchema.optional(),
};

/** `events=off` hides event markers; anything but on/off is a mistake worth naming. */
const EventsSchema = z
  .enum(["on", "off"], { message: "must be on or off" })
  .default("on")
  .transform((value) => value === "on");

/** "1y", "2y" or "1y,2y": the years back the YoY chart compares with. */
const ComparePeriodsSchema = z
  .string()
  .trim()
  .transform((text) => text.split(",").map((part) => part.trim()))
  .refine((parts) => parts.every((part) => part === "1y" || part === "2y"), {
    message: "must be 1y, 2y or 1y,2y (years back to compare with)",
  })
  .transform((parts) =>
    [...new Set(parts.map((part) => Number(part[0]) as ComparePeriod))].sort((a, b) => a - b),
  );

function listOf(item: z.ZodType<string, string>, what: string) {
  return z
    .string()
    .trim()
    .transform((text) => text.split(",").map((part) => part.trim()))
    .pipe(
      z
        .array(item)
        .min(1, { message: `must name at least one ${what}` })
        .max(MAX_COMPARED, { message: `must name at most ${MAX_COMPARED} ${what}s` })
        .refine((values) => new Set(values).size === values.length, {
          message: `names a ${what} twice`,
        }),
    );
}

const OverviewSchema = z.object({
  brand: SlugSchema.default(DEFAULT_BRAND),
  events: EventsSchema,
  trends: z.enum(["all"], { message: "must be all (a trend chart for every metric)" }).optional(),
});

const MetricPageSchema = z
  .object({
    brand: SlugSchema.default(DEFAULT_BRAND),
    view: z
      .enum(METRIC_VIEWS, { message: `must be one of ${METRIC_VIEWS.join(", ")}` })
      .default("bars"),
    events: EventsSchema,
    compare: ComparePeriodsSchema.optional(),
    rows: z.enum(["all"], { message: "must be all (every quarter in the data table)" }).optional(),
    ...RangeFields,
  })
  .refine(quarterRangeInOrder, QUARTER_RANGE_ORDER);

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

/** Why a `lang` was refused: the proxy's plain 400 says the same as the pages' explanation. */
export const LANG_PROBLEM = "lang must be en or zh (the interface language)";

/**
 * Every page accepts `lang` (the interface language, lib/locale.ts; a shared link keeps it), so
 * it is checked here, once, for every parser; the page's own schema never sees it.
 */
export function parseWith<T>(schema: z.ZodType<T>, params: SearchParams): Parsed<T> {
  const values = singleValues(params);
  if (!values.ok) return values;
  const { [LOCALE_PARAM]: lang, ...rest } = values.value;
  const problems: ParamProblem[] =
    lang === undefined || isLocale(lang)
      ? []
      : [{ param: LOCALE_PARAM, message: LANG_PROBLEM.replace(/^lang /, "") }];
  const result = schema.safeParse(rest);
  if (result.success && problems.length === 0) return { ok: true, value: result.data };
  return {
    ok: false,
    problems: [
      ...problems,
      ...(result.success
        ? []
        : result.error.issues.map((issue) => ({
            param: String(issue.path[0] ?? "query"),
            message: issue.message,
          }))),
    ],
  };
}

/**
 * The header's language of any CSV export (figures, claims, compare): Chinese only when the URL
 * says `lang=zh`. Read after the route's `parseWith`, which refuses any other value of `lang`.
 */
export function exportLang(params: SearchParams): Locale {
  return params[LOCALE_PARAM] === "zh" ? "zh" : "en";
}

/** Adds `lang=zh` to an export link for a Chinese reader; an English link stays as it was. */
export function withExportLang(query: URLSearchParams, lang: Locale | undefined): URLSearchParams {
  if (lang === "zh") query.set(LOCALE_PARAM, "zh");
  return query;
}

export interface OverviewState {
  brand: string;
  /** Whether charts show event markers (the URL's `events=off` turns them off). */
  events?: boolean;
  /** `trends=all`: a trend chart for every metric, not only the first OVERVIEW_TREND_CHARTS. */
  allTrends?: boolean;
}

export interface MetricPageState {
  brand: string;
  view: MetricView;
  from: QuarterCode | null;
  to: QuarterCode | null;
  /** Event markers on the chart; true unless `events=off`. */
  events?: boolean;
  /** Years back the YoY lines compare with; [1] unless `compare=` says otherwise. */
  compare?: ComparePeriod[];
  /** `rows=all`: the data table lists every quarter of the span, not only the latest ones. */
  allRows?: boolean;
}

export function parseOverviewParams(params: SearchParams): Parsed<OverviewState> {
  const parsed = parseWith(OverviewSchema, params);
  if (!parsed.ok) return parsed;
  const { brand, events, trends } = parsed.value;
  return {
    ok: true,
    value: {
      brand,
      events,
      ...(trends === "all" ? { allTrends: true } : {}),
    },
  };
}

export function parseMetricPageParams(params: SearchParams): Parsed<MetricPageState> {
  const parsed = parseWith(MetricPageSchema, params);
  if (!parsed.ok) return parsed;
  const { brand, view, from, to, events, compare, rows } = parsed.value;
  return {
    ok: true,
    value: {
      brand,
      view,
      from: from ?? null,
      to: to ?? null,
      events,
      compare: compare ?? DEFAULT_COMPARE,
      ...(rows === "all" ? { allRows: true } : {}),
    },
  };
}

/** The query string for a state, leaving defaults out so that URLs stay short. */
export function metricPageQuery(state: MetricPageState): string {
  const query = new URLSearchParams();
  if (state.brand !== DEFAULT_BRAND) query.set("brand", state.brand);
  if (state.view !== "bars") query.set("view", state.view);
  if (state.from) query.set("from", state.from);
  if (state.to) query.set("to", state.to);
  if (state.events === false) query.set("events", "off");
  const compare = state.compare ?? DEFAULT_COMPARE;
  if (compare.join(",") !== DEFAULT_COMPARE.join(",")) {
    query.set("compare", compare.map((years) => `${years}y`).join(","));
  }
  if (state.allRows) query.set("rows", "all");
  return queryString(query);
}

export function overviewQuery(state: OverviewState): string {
  const query = new URLSearchParams();
  if (state.brand !== DEFAULT_BRAND) query.set("brand", state.brand);
  if (state.events === false) query.set("events", "off");
  if (state.allTrends) query.set("trends", "all");
  return queryString(query);
}

/** Commas stay readable in shared links (`brands=xiaomi,li-auto`); they need no escaping. */
function queryString(query: URLSearchParams): string {
  const text = query.toString().replace(/%2C/g, ",");
  return text ? `?${text}` : "";
}

const CompareSchema = z
  .object({
    brands: listOf(SlugSchema, "brand").default([DEFAULT_BRAND]),
    metrics: listOf(MetricKeySchema, "metric").default(["revenue"]),
    mode: z
      .enum(COMPARE_MODES, { message: `must be one of ${COMPARE_MODES.join(", ")}` })
      .optional(),
    base: QuarterCodeSchema.optional(),
    ...RangeFields,
  })
  .refine(quarterRangeInOrder, QUARTER_RANGE_ORDER);

export interface CompareState {
  brands: string[];
  /** Stored metric keys and derived metric keys alike. */
  metrics: string[];
  /** null: absolute when the units match, YoY otherwise. */
  mode: CompareMode | null;
  base: QuarterCode | null;
  from: QuarterCode | null;
  to: QuarterCode | null;
}

export function parseCompareParams(params: SearchParams): Parsed<CompareState> {
  // A plain GET form with checkboxes sends `brands=a&brands=b`; a shared link says `brands=a,b`.
  // Both mean the same list.
  const lists = Object.fromEntries(
    (["brands", "metrics"] as const).flatMap((name) => {
      const raw = params[name];
      return Array.isArray(raw) ? [[name, raw.join(",")]] : [];
    }),
  );
  const parsed = parseWith(CompareSchema, { ...params, ...lists });
  if (!parsed.ok) return parsed;
  const { brands, metrics, mode, base, from, to } = parsed.value;
  return {
    ok: true,
    value: {
      brands,
      metrics,
      mode: mode ?? null,
      base: base ?? null,
      from: from ?? null,
      to: to ?? null,
    },
  };
}

export function compareQuery(state: CompareState): string {
  return queryString(compareSearch(state));
}

/** The compare page's download: the same query, `bom=1` for Excel, `lang=zh` for a Chinese reader. */
export function compareExportHref(
  state: CompareState,
  options: { bom?: boolean; lang?: Locale } = {},
): string {
  const query = compareSearch(state);
  if (options.bom) query.set("bom", "1");
  return `/api/compare/export${queryString(withExportLang(query, options.lang))}`;
}

function compareSearch(state: CompareState): URLSearchParams {
  const query = new URLSearchParams();
  query.set("brands", state.brands.join(","));
  query.set("metrics", state.metrics.join(","));
  if (state.mode) query.set("mode", state.mode);
  if (state.base) query.set("base", state.base);
  if (state.from) query.set("from", state.from);
  if (state.to) query.set("to", state.to);
  return query;
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

/** The one-figure restate page, prefilled with the stored figure and its source. */
export function restateHref(metricKey: string, brand: string, quarter: QuarterCode): string {
  const query = new URLSearchParams({ brand, quarter });
  return `/metrics/${metricKey}/restate?${query.toString()}`;
}

/** The metric page table's edit links for one metric of one brand, `QUARTER_SLOT` for the row. */
export function quarterEditTemplates(metricKey: string, brand: string): QuarterEditTemplates {
  return {
    restate: restateHref(metricKey, brand, QUARTER_SLOT),
    withdraw: withdrawHref(metricKey, brand, QUARTER_SLOT),
    add: quarterFormHref(brand, QUARTER_SLOT),
  };
}

/** The editor's page of a brand's own metric set. */
export function brandMetricsHref(brand: string): string {
  return `/brands/${encodeURIComponent(brand)}/metrics`;
}
