import Link from "next/link";
import { ClaimList } from "@/components/ClaimCard";
import { claimsHref } from "@/lib/claims-url";
import { listClaims } from "@/lib/queries/claims";

/** The claims about one metric of one brand, beside its figures on the metric page. */
export async function MetricClaims({ brand, metric }: { brand: string; metric: string }) {
  const claims = await listClaims({ brand, metric });
  return (
    <section aria-labelledby="claims-heading" data-testid="metric-claims">
      <h2 id="claims-heading">Claims about these figures</h2>
      <p className="section-note">
        What was said about this metric, held against the figures above.{" "}
        <Link href={claimsHref({ brand, metric })}>Open in the claims ledger</Link>
      </p>
      <ClaimList
        claims={claims}
        editHref={null}
        emptyText="No claims recorded about this metric."
      />
    </section>
  );
}
