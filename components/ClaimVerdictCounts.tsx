import Link from "next/link";
import { useTranslations } from "@/i18n/messages";
import { VERDICTS } from "@/lib/domain/claims";
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
  const t = useTranslations("Claims");
  const total = VERDICTS.reduce((sum, verdict) => sum + counts[verdict], 0);
  return (
    <section aria-labelledby={headingId} data-testid="claim-counts">
      <h2 id={headingId}>{t("countsHeading")}</h2>
      <p className="section-note">
        {t("countsNote")} <Link href={href(null)}>{t("all", { count: total })}</Link>
      </p>
      <ul className="claim-counts">
        {VERDICTS.map((verdict) => (
          <li key={verdict} data-verdict={verdict}>
            <Link href={href(verdict)}>
              <span className={`verdict verdict--${verdict}`}>{t(`verdicts.${verdict}`)}</span>{" "}
              <strong>{counts[verdict]}</strong>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
