"use server";

import { redirectTo, writeAction } from "@/lib/auth/write";
import {
  type BrandMetricInput,
  BrandMetricInputSchema,
  type BrandMetricOutcome,
} from "@/lib/domain/brand-metric-input";
import { AppError, BrandMetricSetError } from "@/lib/errors";
import {
  addBrandMetric,
  removeBrandMetric,
  updateBrandMetricNote,
} from "@/lib/mutations/brand-metric-set";
import { brandMetricsHref, DEFAULT_BRAND } from "@/lib/url-state";

const CHANGES = {
  add: { run: addBrandMetric, done: "added" },
  remove: { run: removeBrandMetric, done: "removed" },
  note: { run: updateBrandMetricNote, done: "noted" },
} as const;

function fieldOf(formData: FormData, name: string): string {
  const raw = formData.get(name);
  return typeof raw === "string" ? raw : "";
}

function parse(formData: FormData) {
  return BrandMetricInputSchema.safeParse({
    brand: fieldOf(formData, "brand"),
    metric: fieldOf(formData, "metric"),
    note: fieldOf(formData, "note"),
  });
}

function brandOf(formData: FormData): string {
  const parsed = parse(formData);
  return parsed.success ? parsed.data.brand : DEFAULT_BRAND;
}

/** Back to the brand's metric page, saying what happened (`?done=` or `?problem=`). */
function back(
  formData: FormData,
  key: "done" | "problem",
  code: BrandMetricOutcome,
  metric: string,
): string {
  return `${brandMetricsHref(brandOf(formData))}?${new URLSearchParams({ [key]: code, metric }).toString()}`;
}

/**
 * The brand metric page's one action (the button pressed names the change): parse, one mutation
 * through the write wrapper, back to the page with what happened. Plain posts, so no JS is needed.
 */
export const changeBrandMetrics = writeAction<[FormData], void>(
  {
    role: "editor",
    returnTo: (formData) => brandMetricsHref(brandOf(formData)),
    onError: (error, formData) => {
      const metric = fieldOf(formData, "metric");
      if (error instanceof BrandMetricSetError) {
        return redirectTo(back(formData, "problem", error.outcome, metric));
      }
      if (error.code === "forbidden") return redirectTo(back(formData, "problem", "forbidden", ""));
      return redirectTo(back(formData, "problem", "invalid", ""));
    },
  },
  async (actor, formData: FormData) => {
    const parsed = parse(formData);
    const change = CHANGES[fieldOf(formData, "change") as keyof typeof CHANGES];
    if (!parsed.success || !change) throw new AppError("invalid_input");
    const input: BrandMetricInput = parsed.data;
    await change.run({ ...input, actor });
    return redirectTo(back(formData, "done", change.done, input.metric));
  },
);
