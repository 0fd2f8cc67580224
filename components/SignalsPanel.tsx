import Link from "next/link";
import { rankFindings } from "@/lib/domain/overview-news";
import type { SignalFinding } from "@/lib/domain/signals";

function FindingList({ findings }: { findings: readonly SignalFinding[] }) {
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
            <summary>Rule: {finding.ruleName}</summary>
            <p>{finding.explanation}</p>
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
  heading = "Signals",
  emptyText = "No rule found anything worth flagging in the stored figures.",
  ranked = false,
}: {
  findings: readonly SignalFinding[];
  headingId: string;
  heading?: string;
  emptyText?: string;
  ranked?: boolean;
}) {
  const { news, routine } = ranked ? rankFindings(findings) : { news: findings, routine: [] };
  return (
    <section aria-labelledby={headingId} className="signals" data-testid="signals" id="signals">
      <h2 id={headingId}>{heading}</h2>
      <p className="section-note">
        Each finding comes from a named rule applied to the stored figures; open a rule to see what
        it checks and its thresholds.
        {ranked
          ? " The largest move comes first; routine findings (streaks, stale data) are folded below."
          : ""}
      </p>
      {findings.length === 0 ? (
        <p className="muted">{emptyText}</p>
      ) : (
        <>
          {news.length > 0 ? <FindingList findings={news} /> : null}
          {routine.length > 0 ? (
            <details className="signals__routine" data-testid="routine-findings">
              <summary>
                Routine findings ({routine.length}):{" "}
                {[...new Set(routine.map((finding) => finding.ruleName.toLowerCase()))].join(", ")}
              </summary>
              <FindingList findings={routine} />
            </details>
          ) : null}
        </>
      )}
    </section>
  );
}
