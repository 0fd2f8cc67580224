import Link from "next/link";
import type { SignalFinding } from "@/lib/domain/signals";

/**
 * Findings with their evidence: the rule that produced each one (and what the rule checks), the
 * numbers behind it, and a link to the chart where it can be seen. No score, no ranking.
 */
export function SignalsPanel({
  findings,
  headingId,
  heading = "Signals",
  emptyText = "No rule found anything worth flagging in the stored figures.",
}: {
  findings: readonly SignalFinding[];
  headingId: string;
  heading?: string;
  emptyText?: string;
}) {
  return (
    <section aria-labelledby={headingId} className="signals" data-testid="signals">
      <h2 id={headingId}>{heading}</h2>
      <p className="section-note">
        Each finding comes from a named rule applied to the stored figures; open a rule to see what
        it checks and its thresholds.
      </p>
      {findings.length === 0 ? (
        <p className="muted">{emptyText}</p>
      ) : (
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
                <summary>Rule: {finding.ruleName}</summary>
                <p>{finding.explanation}</p>
              </details>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
