import { useTranslations } from "@/i18n/messages";
import { useCurrentLocale } from "@/i18n/use-locale";
import type { RowRejection } from "@/lib/csv/import-file";
import { columnText, rejectionText } from "@/lib/csv/import-words";

/** Long previews are cut here; the counts above each table are always complete. */
export const PREVIEW_ROWS = 500;

export function More({ total }: { total: number }) {
  const t = useTranslations("ImportRejectedRows");
  if (total <= PREVIEW_ROWS) return null;
  return (
    <p className="muted">
      {t("more", {
        shown: PREVIEW_ROWS.toLocaleString("en-US"),
        total: total.toLocaleString("en-US"),
      })}
    </p>
  );
}

/** The rows an import refuses (figures or claims): row, column, the value as the file has it, why. */
export function ImportRejectedRows({ rejected }: { rejected: readonly RowRejection[] }) {
  const t = useTranslations("ImportRejectedRows");
  const locale = useCurrentLocale();
  if (rejected.length === 0) return null;
  return (
    <section aria-labelledby="rejected-heading" data-testid="rejected-rows">
      <h2 id="rejected-heading">{t("heading")}</h2>
      <div className="table-scroll">
        <table className="series-table">
          <caption>{t("caption")}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t("row")}
              </th>
              <th scope="col">{t("column")}</th>
              <th scope="col">{t("value")}</th>
              <th scope="col">{t("reason")}</th>
            </tr>
          </thead>
          <tbody>
            {rejected.slice(0, PREVIEW_ROWS).map((problem) => (
              <tr key={`${problem.row}:${problem.column}:${problem.message}`}>
                <td className="num">{problem.row}</td>
                <td>
                  <code>{columnText(problem.column, locale)}</code>
                </td>
                <td data-testid="rejected-value">
                  {problem.value === undefined ? (
                    ""
                  ) : problem.value === "" ? (
                    <span className="muted">{t("empty")}</span>
                  ) : (
                    <code>"{problem.value}"</code>
                  )}
                </td>
                <td>{rejectionText(problem, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <More total={rejected.length} />
    </section>
  );
}
