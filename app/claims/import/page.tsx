import type { Metadata } from "next";
import Link from "next/link";
import { RecentImports } from "@/components/RecentImports";
import { UploadImport } from "@/components/UploadImport";
import { getTranslations } from "@/i18n/messages";
import { requireRole } from "@/lib/auth/current-user";
import { CLAIM_COLUMNS, VERDICT_COLUMNS } from "@/lib/csv/claims-export";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "@/lib/csv/import-file";
import { CLAIM_KINDS, CLAIMANT_KINDS, HEDGES } from "@/lib/domain/claims";
import { listImportBatches } from "@/lib/queries/import-batches";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ClaimImportPage"))("title") };
}

export default async function ImportClaimsPage() {
  await requireRole("editor", "/claims/import");
  const [batches, t] = await Promise.all([
    listImportBatches(10, "claims"),
    getTranslations("ClaimImportPage"),
  ]);
  return (
    <>
      <nav className="breadcrumb" aria-label={t("breadcrumb")}>
        <Link href="/claims">{t("claims")}</Link> › <span aria-current="page">{t("import")}</span>
      </nav>
      <section className="narrow-wide">
        <h1>{t("heading")}</h1>
        <p className="lede">{t("lede")}</p>
        <details className="import-help">
          <summary>{t("helpSummary")}</summary>
          <p>
            {t.rich("columns", {
              claimColumns: CLAIM_COLUMNS.join(","),
              verdictColumns: VERDICT_COLUMNS.join(","),
              code: (chunks) => <code>{chunks}</code>,
            })}
          </p>
          <p>
            {t.rich("values", {
              claimants: CLAIMANT_KINDS.join(", "),
              kinds: CLAIM_KINDS.join(", "),
              hedges: HEDGES.join(", "),
              code: (chunks) => <code>{chunks}</code>,
            })}
          </p>
          <p>
            {t.rich("start", {
              link: (chunks) => (
                <a href="/api/claims/export?brand=xiaomi" download>
                  {chunks}
                </a>
              ),
            })}
          </p>
        </details>
        <UploadImport maxBytes={MAX_IMPORT_BYTES} maxRows={MAX_IMPORT_ROWS} kind="claims" />
      </section>
      <RecentImports batches={batches} />
    </>
  );
}
