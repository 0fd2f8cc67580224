import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth/current-user";
import { AUDIT_PAGE_SIZE, auditFilterQuery, parseAuditFilter } from "@/lib/domain/audit-filter";
import { listAuditEntries, listAuditPeople } from "@/lib/queries/audit-log";
import { listBrands } from "@/lib/queries/brands";
import type { SearchParams } from "@/lib/url-state";

export const metadata: Metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

const ACTIONS = [
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
  if (!parsed.ok) {
    return (
      <section>
        <h1>Audit log</h1>
        <ul className="field-error" role="alert">
          {parsed.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
        <Link href="/admin/audit">Show the whole log</Link>
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
  const pageHref = (page: number) =>
    `/admin/audit${auditFilterQuery(filter, { page: String(page) })}`;
  return (
    <>
      <h1>Audit log</h1>
      <form method="get" className="inline-form" aria-label="Filter the audit log">
        <label>
          Person{" "}
          <select name="person" defaultValue={filter.person ?? ""}>
            <option value="">anyone</option>
            <option value="system">system (seed, scripts)</option>
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </select>
        </label>{" "}
        <label>
          Brand{" "}
          <select name="brand" defaultValue={filter.brand ?? ""}>
            <option value="">any</option>
            {brands.map((brand) => (
              <option key={brand.slug} value={brand.slug}>
                {brand.name}
              </option>
            ))}
          </select>
        </label>{" "}
        <label>
          Action{" "}
          <select name="action" defaultValue={filter.action ?? ""}>
            <option value="">any</option>
            {ACTIONS.map((action) => (
              <option key={action} value={action}>
                {action}
              </option>
            ))}
          </select>
        </label>{" "}
        <label>
          From <input type="date" name="from" defaultValue={filter.from ?? ""} />
        </label>{" "}
        <label>
          To <input type="date" name="to" defaultValue={filter.to ?? ""} />
        </label>{" "}
        <button type="submit">Filter</button>
      </form>
      <p>
        {total} {total === 1 ? "entry" : "entries"}; page {filter.page} of {pages}.{" "}
        <a href={`/admin/audit/export${auditFilterQuery(filter)}`}>Download CSV</a>
      </p>
      <table data-testid="audit-log">
        <thead>
          <tr>
            <th scope="col">When (UTC)</th>
            <th scope="col">Who</th>
            <th scope="col">Action</th>
            <th scope="col">What</th>
            <th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td>{entry.at.slice(0, 19).replace("T", " ")}</td>
              <td>
                {entry.actor}
                {entry.actorId ? "" : " (system)"}
              </td>
              <td>{entry.action}</td>
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
      <nav aria-label="Pages" className="inline-form">
        {filter.page > 1 ? <Link href={pageHref(filter.page - 1)}>Newer</Link> : null}{" "}
        {filter.page < pages ? <Link href={pageHref(filter.page + 1)}>Older</Link> : null}
      </nav>
    </>
  );
}
