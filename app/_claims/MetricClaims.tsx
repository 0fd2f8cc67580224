import Link from "next/link";
import { ClaimSummary } from "@/components/ClaimCard";
import { claimsHref } from "@/lib/claims-url";
import { listClaims } from "@/lib/queries/claims";

/**
 * The claims about one metric of one brand, beside its figures on the metric page: one line
 * each, with its verdict; the ledger has each claim's quote, source and arithmetic.
 */
export async function MetricClaims({ brand, metric }: { brand: string; metric: string }) {
  const claims = await listClaims({ brand, metric });
  const ledger = claimsHref({ brand, metric });
  return (
    <section aria-labelledby="claims-heading" data-testid="metric-claims">
      <h2 id="claims-heading">Claims about these figures</h2>
      <p className="section-note">
        What was said about this metric, held against the figures above. Each claim's quote, source,
        arithmetic and earlier verdicts are in <Link href={ledger}>the claims ledger</Link>.
      </p>
      {claims.length === 0 ? (
        <p className="muted">No claims recorded about this metric.</p>
      ) : (
        <ul className="claim-list" data-testid="claim-list">
          {claims.map((claim) => (
            <ClaimSummary key={claim.uid} claim={claim} href={`${ledger}#claim-${claim.uid}`} />
          ))}
        </ul>
      )}
    </section>
  );
}
