import type { Metadata } from "next";
import Link from "next/link";
import { UploadImportForm } from "@/components/UploadImportForm";
import { requireRole } from "@/lib/auth/current-user";
import { HISTORY_COLUMNS, LONG_COLUMNS, PERIOD_COLUMNS } from "@/lib/csv/export-format";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "@/lib/csv/import-file";
import { exportHref } from "@/lib/export-params";
import { listImportBatches } from "@/lib/queries/import-batches";

export const metadata: Metadata = { title: "Import CSV" };

function statusLabel(batch: { status: string; rejectedCount: number }): string {
  if (batch.status === "pending") {
    return batch.rejectedCount > 0 ? "rejected rows: cannot be confirmed" : "awaiting confirmation";
  }
  return batch.status;
}

export default async function ImportPage() {
  await requireRole("editor", "/import");
  const batches = await listImportBatches();
  return (
    <>
      <section className="narrow-wide">
        <h1>Import figures from a CSV file</h1>
        <p className="lede">
          Upload a file in the <strong>long</strong> shape of an export (one row per brand, metric
          and quarter, with its source). Every row is checked with the rules of the quarter form;
          you then see which figures would be added, which restate a stored figure (old → new) and
          which rows are rejected. Nothing is written until you confirm, and then everything is, or
          nothing.
        </p>
        <details className="import-help">
          <summary>The columns, and a file to start from</summary>
          <p>
            The header must be exactly <code>{LONG_COLUMNS.join(",")}</code>, optionally followed by{" "}
            <code>{HISTORY_COLUMNS.join(",")}</code> for a file exported with its restatement
            history, and then by the computed <code>{PERIOD_COLUMNS.join(",")}</code> as an export
            writes them. <code>metric_label</code>, <code>yoy_pct</code>, <code>yoy_pp</code>,{" "}
            <code>restated</code> and those last four are computed and ignored on import;{" "}
            <code>unit</code> must match the metric&apos;s unit. <code>value</code> is a plain
            decimal (<code>113.1</code>, no thousands separators), written with the digits the
            source states.
          </p>
          <p>
            Start from an export, e.g.{" "}
            <a
              href={exportHref({ brand: "xiaomi", metrics: ["revenue"], format: "long" })}
              download
            >
              Xiaomi revenue as CSV
            </a>
            .
          </p>
        </details>
        <UploadImportForm maxBytes={MAX_IMPORT_BYTES} maxRows={MAX_IMPORT_ROWS} />
      </section>

      {batches.length > 0 ? (
        <section aria-labelledby="recent-heading">
          <h2 id="recent-heading">Recent imports</h2>
          <div className="table-scroll">
            <table className="series-table">
              <thead>
                <tr>
                  <th scope="col">File</th>
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
      ) : null}
    </>
  );
}
