import Link from "next/link";
import { useTranslations } from "@/i18n/messages";
import { rankFindings } from "@/lib/domain/overview-news";
import { SIGNAL_THRESHOLDS, type SignalFinding } from "@/lib/domain/signals";

function FindingList({ findings }: { findings: readonly SignalFinding[] }) {
  const t = useTranslations("SignalsPanel");
  return (
    <ul className="signal-list">
      {findings.map((finding) => (
        <li
          key={finding.id}
          className={`signal signal--${finding.tone}`}
          data-rule={finding.rule}
          data-testid={`signal-${finding.id}`}
        >
          <p className="signal__title">
            <Link href={finding.href}>{finding.title}</Link>
          </p>
          <dl className="signal__numbers">
            {finding.numbers.map((number) => (
              <div key={number.label}>
                <dt>{number.label}</dt>
                <dd>{number.value}</dd>
              </div>
            ))}
          </dl>
          <details className="signal__rule">
            <summary>{t("rule", { name: t(`rules.${finding.rule}.name`) })}</summary>
            <p>{t(`rules.${finding.rule}.explanation`, SIGNAL_THRESHOLDS)}</p>
          </details>
        </li>
      ))}
    </ul>
  );
}

/**
 * Findings with their evidence: the rule that produced each one (and what the rule checks), the
 * numbers behind it, and a link to the chart where it can be seen. No score. Ranked (the
 * overview), the findings that moved come first, largest move first, and the routine ones
 * (streaks, stale data) are folded in a <details>, which opens without JavaScript.
 */
export function SignalsPanel({
  findings,
  headingId,
  heading,
  emptyText,
  ranked = false,
}: {
  findings: readonly SignalFinding[];
  headingId: string;
  heading?: string;
  emptyText?: string;
  ranked?: boolean;
}) {
  const t = useTranslations("SignalsPanel");
  const { news, routine } = ranked ? rankFindings(findings) : { news: findings, routine: [] };
  return (
    <section aria-labelledby={headingId} className="signals" data-testid="signals" id="signals">
      <h2 id={headingId}>{heading ?? t("heading")}</h2>
      <p className="section-note">
        {t("note")}
        {ranked ? t("rankedNote") : ""}
      </p>
      {findings.length === 0 ? (
        <p className="muted">{emptyText ?? t("empty")}</p>
      ) : (
        <>
          {news.length > 0 ? <FindingList findings={news} /> : null}
          {routine.length > 0 ? (
            <details className="signals__routine" data-testid="routine-findings">
              <summary>
                {t("routine", {
                  count: routine.length,
                  names: [
                    ...new Set(
                      routine.map((finding) => t(`rules.${finding.rule}.name`).toLowerCase()),
                    ),
                  ].join(", "),
                })}
              </summary>
              <FindingList findings={routine} />
            </details>
          ) : null}
        </>
      )}
    </section>
  );
}
