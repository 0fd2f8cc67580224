import { ClaimVerdictCounts } from "@/components/ClaimVerdictCounts";
import { claimsHref } from "@/lib/claims-url";
import { countClaimVerdicts } from "@/lib/queries/claims";

/** The overview's line of claim counts per verdict, each linking to the filtered ledger. */
export async function ClaimCountsSection({ brand }: { brand: string }) {
  const counts = await countClaimVerdicts(brand);
  return (
    <ClaimVerdictCounts
      counts={counts}
      headingId="claim-counts-heading"
      href={(verdict) => claimsHref({ brand, ...(verdict ? { verdict } : {}) })}
    />
  );
}
