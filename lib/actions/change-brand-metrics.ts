"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { BrandMetricInputSchema, type BrandMetricOutcome } from "@/lib/domain/brand-metric-input";
import {
  addBrandMetric,
  BrandMetricSetError,
  removeBrandMetric,
  updateBrandMetricNote,
} from "@/lib/mutations/brand-metric-set";
import { UnknownReferenceError } from "@/lib/mutations/errors";
import { brandMetricsHref, DEFAULT_BRAND } from "@/lib/url-state";
import { requireEditor } from "./require-editor";

const CHANGES = {
  add: { run: addBrandMetric, done: "added" },
  remove: { run: removeBrandMetric, done: "removed" },
  note: { run: updateBrandMetricNote, done: "noted" },
} as const;

/**
 * The brand metric page's one action (the button pressed names the change): parse, check the
 * session, one mutation, back to the page with what happened. Plain posts, so no JS is needed.
 */
export async function changeBrandMetrics(formData: FormData): Promise<void> {
  const field = (name: string) => {
    const raw = formData.get(name);
    return typeof raw === "string" ? raw : "";
  };
  const parsed = BrandMetricInputSchema.safeParse({
    brand: field("brand"),
    metric: field("metric"),
    note: field("note"),
  });
  const brand = parsed.success ? parsed.data.brand : DEFAULT_BRAND;
  const session = await requireEditor(brandMetricsHref(brand));
  const change = CHANGES[field("change") as keyof typeof CHANGES];
  const back = (key: "done" | "problem", code: BrandMetricOutcome, metric: string) =>
    `${brandMetricsHref(brand)}?${new URLSearchParams({ [key]: code, metric }).toString()}`;
  if (!parsed.success || !change) redirect(back("problem", "invalid", ""));
  try {
    await change.run({ ...parsed.data, actor: session.name });
  } catch (error) {
    if (error instanceof BrandMetricSetError)
      redirect(back("problem", error.code, parsed.data.metric));
    if (error instanceof UnknownReferenceError) redirect(back("problem", "invalid", ""));
    throw error;
  }
  revalidatePath("/", "layout");
  redirect(back("done", change.done, parsed.data.metric));
}
