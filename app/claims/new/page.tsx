import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ClaimForm } from "@/components/ClaimForm";
import { ParamProblems } from "@/components/ParamProblems";
import { createClaimAction } from "@/lib/actions/create-claim";
import { requireRole } from "@/lib/auth/current-user";
import { claimsHref } from "@/lib/claims-url";
import { EMPTY_CLAIM_VALUES } from "@/lib/domain/claim-input";
import { getBrand } from "@/lib/queries/brands";
import { listMetrics } from "@/lib/queries/metrics";
import { parseOverviewParams, type SearchParams } from "@/lib/url-state";

export const metadata: Metadata = { title: "Add a claim" };

export default async function NewClaimPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const parsed = parseOverviewParams(await searchParams);
  if (!parsed.ok) return <ParamProblems problems={parsed.problems} resetHref="/claims/new" />;
  const self = `/claims/new?brand=${encodeURIComponent(parsed.value.brand)}`;
  await requireRole("editor", self);
  const [brand, metrics] = await Promise.all([getBrand(parsed.value.brand), listMetrics()]);
  if (!brand) notFound();
  return (
    <section className="narrow">
      <h1>Add a claim about {brand.name}</h1>
      <p className="lede">
        The verdict is computed from the stored figures when you save, and again whenever a figure
        it uses is restated. The claim is recorded with your name.
      </p>
      <ClaimForm
        action={createClaimAction.bind(null, brand.slug)}
        initial={EMPTY_CLAIM_VALUES}
        metrics={metrics}
        submitLabel="Add claim"
        cancelHref={claimsHref({ brand: brand.slug })}
      />
    </section>
  );
}
