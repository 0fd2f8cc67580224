import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ClaimForm } from "@/components/ClaimForm";
import { reviseClaimAction } from "@/lib/actions/revise-claim";
import { requireRole } from "@/lib/auth/current-user";
import { claimsHref } from "@/lib/claims-url";
import type { ClaimField } from "@/lib/domain/claim-input";
import { getClaim } from "@/lib/queries/claims";
import { listMetrics } from "@/lib/queries/metrics";

export const metadata: Metadata = { title: "Revise a claim" };

/** The stated number as it was written: its stored digits are part of what it says. */
function statedLiteral(value: number, decimals: number): string {
  return value.toFixed(decimals);
}

export default async function EditClaimPage({ params }: { params: Promise<{ uid: string }> }) {
  const { uid } = await params;
  const self = `/claims/${encodeURIComponent(uid)}/edit`;
  await requireRole("editor", self);
  const [claim, metrics] = await Promise.all([getClaim(uid), listMetrics()]);
  if (!claim) notFound();
  const initial: Record<ClaimField, string> = {
    claimantKind: claim.claimantKind,
    claimant: claim.claimant,
    sourceTitle: claim.source.title,
    sourceUrl: claim.source.url ?? "",
    sourcePublishedOn: claim.source.publishedOn ?? "",
    quote: claim.quote,
    metric: claim.metricKey,
    quarter: claim.quarter ?? "",
    kind: claim.kind,
    comparison: claim.comparison ?? "",
    statedValue: statedLiteral(claim.statedValue, claim.statedDecimals),
    statedUnit: claim.statedUnit,
    hedge: claim.hedge,
    relativeMetric: claim.relativeMetricKey ?? "",
    note: claim.note ?? "",
  };
  return (
    <section className="narrow">
      <h1>Revise a claim</h1>
      <p className="lede">
        Saving adds a revision and judges it again; the earlier revision and its verdict stay in the
        claim&apos;s history.
      </p>
      <ClaimForm
        action={reviseClaimAction.bind(null, uid, claim.brandSlug)}
        initial={initial}
        metrics={metrics}
        revision={claim.revision}
        submitLabel="Save revision"
        cancelHref={claimsHref({ brand: claim.brandSlug })}
      />
    </section>
  );
}
