import type { Metadata } from "next";
import Link from "next/link";
import { RecentImports } from "@/components/RecentImports";
import { UploadImport } from "@/components/UploadImport";
import { requireRole } from "@/lib/auth/current-user";
import { CLAIM_COLUMNS, VERDICT_COLUMNS } from "@/lib/csv/claims-export";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "@/lib/csv/import-file";
import { CLAIM_KINDS, CLAIMANT_KINDS, HEDGES } from "@/lib/domain/claims";
import { listImportBatches } from "@/lib/queries/import-batches";

export const metadata: Metadata = { title: "Import claims" };

export default async function ImportClaimsPage() {
  await requireRole("editor", "/claims/import");
  const batches = await listImportBatches(10, "claims");
  return (
    <>
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href="/claims">Claims</Link> › <span aria-current="page">Import</span>
      </nav>
      <section className="narrow-wide">
        <h1>Import claims from a CSV file</h1>
        <p className="lede">
          One row per claim, in the columns of the claims export. Every row is checked with the
          rules of the claim form; you then see the claims that would be added and the rows that are
          rejected. Nothing is written until you confirm, and then every claim is, each judged
          against the stored figures, or none is.
        </p>
        <details className="import-help">
          <summary>The columns, and a file to start from</summary>
          <p>
            The header must be exactly <code>{CLAIM_COLUMNS.join(",")}</code> (as in{" "}
            <code>data/claims.csv</code>), or that followed by{" "}
            <code>{VERDICT_COLUMNS.join(",")}</code> as the claims export writes it. The verdict
            columns are computed and ignored; <code>claim_uid</code> keeps a claim&apos;s identity.
          </p>
          <p>
            <code>claimant_kind</code> is one of {CLAIMANT_KINDS.join(", ")}; <code>kind</code> one
            of {CLAIM_KINDS.join(", ")}; <code>hedge</code> one of {HEDGES.join(", ")};{" "}
            <code>comparison</code> is yoy or qoq for changes, multiples and streaks;{" "}
            <code>stated_value</code> a plain decimal with the digits the source states. A row that
            says exactly what a stored claim says is skipped, so importing an export again adds
            nothing; a stored <code>claim_uid</code> whose claim now says something else is refused
            (change it with its edit form).
          </p>
          <p>
            Start from an export, e.g.{" "}
            <a href="/api/claims/export?brand=xiaomi" download>
              Xiaomi claims as CSV
            </a>
            .
          </p>
        </details>
        <UploadImport maxBytes={MAX_IMPORT_BYTES} maxRows={MAX_IMPORT_ROWS} kind="claims" />
      </section>
      <RecentImports batches={batches} />
    </>
  );
}
