import Link from "next/link";
import { useTranslations } from "@/i18n/messages";
import type { ImportBatchSummaryDTO } from "@/lib/queries/import-batches";

const STATUS_KEYS: Record<string, string> = { applied: "applied", discarded: "discarded" };

/** The key of a batch's status in the catalog; an unknown status is shown as stored. */
function statusKey(batch: { status: string; rejectedCount: number }): string | null {
  if (batch.status === "pending") {
    return batch.rejectedCount > 0 ? "cannotConfirm" : "awaiting";
  }
  return STATUS_KEYS[batch.status] ?? null;
}

/** The latest uploads, each linking to its preview; `showKind` when figures and claims are mixed. */
export function RecentImports({
  batches,
  showKind = false,
}: {
  batches: readonly ImportBatchSummaryDTO[];
  showKind?: boolean;
}) {
  const t = useTranslations("RecentImports");
  const statusText = (batch: ImportBatchSummaryDTO) => {
    const key = statusKey(batch);
    return key ? t(`statuses.${key}`) : batch.status;
  };
  if (batches.length === 0) return null;
  return (
    <section aria-labelledby="recent-heading">
      <h2 id="recent-heading">{t("heading")}</h2>
      <div className="table-scroll">
        <table className="series-table">
          <thead>
            <tr>
              <th scope="col">{t("file")}</th>
              {showKind ? <th scope="col">{t("holds")}</th> : null}
              <th scope="col">{t("uploaded")}</th>
              <th scope="col" className="num">
                {t("rows")}
              </th>
              <th scope="col" className="num">
                {t("problems")}
              </th>
              <th scope="col">{t("status")}</th>
            </tr>
          </thead>
          <tbody>
            {batches.map((batch) => (
              <tr key={batch.id}>
                <td>
                  <Link href={`/import/${batch.id}`}>{batch.fileName}</Link>
                </td>
                {showKind ? (
                  <td>
                    {batch.kind === "figures" || batch.kind === "claims"
                      ? t(`kinds.${batch.kind}`)
                      : batch.kind}
                  </td>
                ) : null}
                <td>
                  {t("uploadedBy", {
                    time: batch.createdAt.slice(0, 16).replace("T", " "),
                    name: batch.createdBy,
                  })}
                </td>
                <td className="num">{batch.rowCount.toLocaleString("en-US")}</td>
                <td className="num">{batch.rejectedCount.toLocaleString("en-US")}</td>
                <td>{statusText(batch)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
