import type { Metadata } from "next";
import Link from "next/link";
import { currentLocale } from "@/i18n/locale";
import { getTranslations } from "@/i18n/messages";
import { requireRole } from "@/lib/auth/current-user";
import { AUDIT_PAGE_SIZE, auditFilterQuery, parseAuditFilter } from "@/lib/domain/audit-filter";
import { paramProblemText } from "@/lib/param-words";
import { auditFilterProblems, listAuditEntries, listAuditPeople } from "@/lib/queries/audit-log";
import { listBrands } from "@/lib/queries/brands";
import type { SearchParams } from "@/lib/url-state";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("AuditPage"))("title") };
}
export const dynamic = "force-dynamic";

const ACTIONS: readonly string[] = [
  "create",
  "restate",
  "delete",
  "update",
  "import",
  "seed",
  "invite",
  "role",
  "deactivate",
  "reactivate",
  "password",
];

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireRole("admin", "/admin/audit");
  const parsed = parseAuditFilter(await searchParams);
  const problems = parsed.ok ? await auditFilterProblems(parsed.filter) : parsed.problems;
  const t = await getTranslations("AuditPage");
  const locale = await currentLocale();
  // An action the list does not know (an older log line) is shown as it was recorded.
  const actionWord = (action: string) =>
    ACTIONS.includes(action) ? t(`actions.${action}`) : action;
  if (!parsed.ok || problems.length > 0) {
    return (
      <section>
        <h1>{t("title")}</h1>
        <ul className="field-error" role="alert">
          {problems.map((problem) => (
            <li key={`${problem.param}:${problem.message}`}>
              {problem.param} {paramProblemText(problem.message, locale)}
            </li>
          ))}
        </ul>
        <Link href="/admin/audit">{t("showAll")}</Link>
      </section>
    );
  }
  const filter = parsed.filter;
  const [{ entries, total }, people, brands] = await Promise.all([
    listAuditEntries(filter),
    listAuditPeople(),
    listBrands(),
  ]);
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const brandNames = new Map(brands.map((brand) => [brand.slug, brand.name]));
  const pageHref = (page: number) =>
    `/admin/audit${auditFilterQuery(filter, { page: String(page) })}`;
  return (
    <>
      <h1>{t("title")}</h1>
      <form method="get" className="inline-form" aria-label={t("filter")}>
        <label>
          {t("person")}{" "}
          <select name="person" defaultValue={filter.person ?? ""}>
            <option value="">{t("anyone")}</option>
            <option value="system">{t("system")}</option>
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </select>
        </label>{" "}
        <label>
          {t("brand")}{" "}
          <select name="brand" defaultValue={filter.brand ?? ""}>
            <option value="">{t("any")}</option>
            {brands.map((brand) => (
              <option key={brand.slug} value={brand.slug}>
                {brand.name}
              </option>
            ))}
          </select>
        </label>{" "}
        <label>
          {t("action")}{" "}
          <select name="action" defaultValue={filter.action ?? ""}>
            <option value="">{t("any")}</option>
            {ACTIONS.map((action) => (
              <option key={action} value={action}>
                {actionWord(action)}
              </option>
            ))}
          </select>
        </label>{" "}
        <label>
          {t("from")} <input type="date" name="from" defaultValue={filter.from ?? ""} />
        </label>{" "}
        <label>
          {t("to")} <input type="date" name="to" defaultValue={filter.to ?? ""} />
        </label>{" "}
        <button type="submit">{t("submit")}</button>
      </form>
      <p>
        {t("count", { total, page: filter.page, pages })}{" "}
        <a href={`/admin/audit/export${auditFilterQuery(filter)}`}>{t("download")}</a>
      </p>
      <table data-testid="audit-log">
        <thead>
          <tr>
            <th scope="col">{t("when")}</th>
            <th scope="col">{t("who")}</th>
            <th scope="col">{t("brand")}</th>
            <th scope="col">{t("action")}</th>
            <th scope="col">{t("what")}</th>
            <th scope="col">{t("after")}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td>{entry.at.slice(0, 19).replace("T", " ")}</td>
              <td>
                {entry.actor}
                {entry.actorId ? "" : t("systemSuffix")}
              </td>
              <td data-testid="audit-brand">
                {entry.brand ? (brandNames.get(entry.brand) ?? entry.brand) : ""}
              </td>
              <td>{actionWord(entry.action)}</td>
              <td>
                {entry.entity} {entry.entityKey}
              </td>
              <td>
                <code>{(entry.after ?? "").slice(0, 160)}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav aria-label={t("pages")} className="inline-form">
        {filter.page > 1 ? <Link href={pageHref(filter.page - 1)}>{t("newer")}</Link> : null}{" "}
        {filter.page < pages ? <Link href={pageHref(filter.page + 1)}>{t("older")}</Link> : null}
      </nav>
    </>
  );
}
