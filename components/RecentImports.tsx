import Link from "next/link";
import type { ImportBatchSummaryDTO } from "@/lib/queries/import-batches";

function statusLabel(batch: { status: string; rejectedCount: number }): string {
  if (batch.status === "pending") {
    return batch.rejectedCount > 0 ? "rejected rows: cannot be confirmed" : "awaiting confirmation";
  }
  return batch.status;
}

/** The latest uploads, each linking to its preview; `showKind` when figures and claims are mixed. */
export function RecentImports({
  batches,
  showKind = false,
}: {
  batches: readonly ImportBatchSummaryDTO[];
  showKind?: boolean;
}) {
  if (batches.length === 0) return null;
  return (
    <section aria-labelledby="recent-heading">
      <h2 id="recent-heading">Recent imports</h2>
      <div className="table-scroll">
        <table className="series-table">
          <thead>
            <tr>
              <th scope="col">File</th>
              {showKind ? <th scope="col">Holds</th> : null}
              <th scope="col">Uploaded</th>
              <th scope="col" className="num">
                Rows
              </th>
              <th scope="col" className="num">
                Problems
              </th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {batches.map((batch) => (
              <tr key={batch.id}>
                <td>
                  <Link href={`/import/${batch.id}`}>{batch.fileName}</Link>
                </td>
                {showKind ? <td>{batch.kind}</td> : null}
                <td>
                  {batch.createdAt.slice(0, 16).replace("T", " ")} UTC by {batch.createdBy}
                </td>
                <td className="num">{batch.rowCount.toLocaleString("en-US")}</td>
                <td className="num">{batch.rejectedCount.toLocaleString("en-US")}</td>
                <td>{statusLabel(batch)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
