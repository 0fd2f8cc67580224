import Link from "next/link";
import { VERDICT_LABELS, VERDICTS } from "@/lib/domain/claims";
import type { VerdictCounts } from "@/lib/queries/claims";

/** How many claims hold, are overstated, understated or cannot be checked: counts, never a score. */
export function ClaimVerdictCounts({
  counts,
  href,
  headingId,
}: {
  counts: VerdictCounts;
  href: (verdict: (typeof VERDICTS)[number] | null) => string;
  headingId: string;
}) {
  const total = VERDICTS.reduce((sum, verdict) => sum + counts[verdict], 0);
  return (
    <section aria-labelledby={headingId} data-testid="claim-counts">
      <h2 id={headingId}>Claims against the figures</h2>
      <p className="section-note">
        What the brand, the press and analysts said about these figures, held against the stored
        values. <Link href={href(null)}>All {total} claims</Link>
      </p>
      <ul className="claim-counts">
        {VERDICTS.map((verdict) => (
          <li key={verdict} data-verdict={verdict}>
            <Link href={href(verdict)}>
              <span className={`verdict verdict--${verdict}`}>{VERDICT_LABELS[verdict]}</span>{" "}
              <strong>{counts[verdict]}</strong>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
