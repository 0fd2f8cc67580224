import type { Metadata } from "next";
import Link from "next/link";
import { RecentImports } from "@/components/RecentImports";
import { UploadImportForm } from "@/components/UploadImportForm";
import { requireRole } from "@/lib/auth/current-user";
import { HISTORY_COLUMNS, LONG_COLUMNS, PERIOD_COLUMNS } from "@/lib/csv/export-format";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "@/lib/csv/import-file";
import { exportHref } from "@/lib/export-params";
import { listImportBatches } from "@/lib/queries/import-batches";

export const metadata: Metadata = { title: "Import CSV" };

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
          nothing. Claims are imported on <Link href="/claims/import">their own page</Link>.
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

      <RecentImports batches={batches} showKind />
    </>
  );
}
