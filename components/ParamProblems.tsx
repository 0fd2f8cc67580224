import Link from "next/link";
import type { ParamProblem } from "@/lib/url-state";

/** Says which part of a link is wrong instead of guessing what was meant. */
export function ParamProblems({
  problems,
  resetHref,
}: {
  problems: readonly ParamProblem[];
  resetHref: string;
}) {
  return (
    <section className="problem" role="alert" aria-labelledby="problem-title">
      <h1 id="problem-title">This link has a problem</h1>
      <ul>
        {problems.map((problem) => (
          <li key={`${problem.param}:${problem.message}`}>
            <code>{problem.param}</code> {problem.message}
          </li>
        ))}
      </ul>
      <p>
        <Link href={resetHref}>Open the default view instead</Link>
      </p>
    </section>
  );
}
