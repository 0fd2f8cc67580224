import Link from "next/link";
import { useTranslations } from "@/i18n/messages";
import { useCurrentLocale } from "@/i18n/use-locale";
import { paramProblemText } from "@/lib/param-words";
import type { ParamProblem } from "@/lib/url-state";

/** Says which part of a link is wrong instead of guessing what was meant. */
export function ParamProblems({
  problems,
  resetHref,
}: {
  problems: readonly ParamProblem[];
  resetHref: string;
}) {
  const t = useTranslations("ParamProblems");
  const locale = useCurrentLocale();
  return (
    <section className="problem" role="alert" aria-labelledby="problem-title">
      <h1 id="problem-title">{t("title")}</h1>
      <ul>
        {problems.map((problem) => (
          <li key={`${problem.param}:${problem.message}`}>
            <code>{problem.param}</code> {paramProblemText(problem.message, locale)}
          </li>
        ))}
      </ul>
      <p>
        <Link href={resetHref}>{t("reset")}</Link>
      </p>
    </section>
  );
}
