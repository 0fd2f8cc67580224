import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { RecentImports } from "@/components/RecentImports";
import { UploadImport } from "@/components/UploadImport";
import { getTranslations } from "@/i18n/messages";
import { requireRole } from "@/lib/auth/current-user";
import { HISTORY_COLUMNS, LONG_COLUMNS, PERIOD_COLUMNS } from "@/lib/csv/export-format";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "@/lib/csv/import-file";
import { exportHref } from "@/lib/export-params";
import { listImportBatches } from "@/lib/queries/import-batches";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ImportPage"))("title") };
}

export default async function ImportPage() {
  await requireRole("editor", "/import");
  const [batches, t] = await Promise.all([listImportBatches(), getTranslations("ImportPage")]);
  const code = (chunks: ReactNode) => <code>{chunks}</code>;
  return (
    <>
      <section className="narrow-wide">
        <h1>{t("heading")}</h1>
        <p className="lede">
          {t.rich("lede", {
            strong: (chunks) => <strong>{chunks}</strong>,
            link: (chunks) => <Link href="/claims/import">{chunks}</Link>,
          })}
        </p>
        <details className="import-help">
          <summary>{t("helpSummary")}</summary>
          <p>
            {t.rich("helpColumns", {
              code,
              long: LONG_COLUMNS.join(","),
              history: HISTORY_COLUMNS.join(","),
              period: PERIOD_COLUMNS.join(","),
            })}
          </p>
          <p>
            {t.rich("helpStart", {
              link: (chunks) => (
                <a
                  href={exportHref({ brand: "xiaomi", metrics: ["revenue"], format: "long" })}
                  download
                >
                  {chunks}
                </a>
              ),
            })}
          </p>
        </details>
        <UploadImport maxBytes={MAX_IMPORT_BYTES} maxRows={MAX_IMPORT_ROWS} />
      </section>

      <RecentImports batches={batches} showKind />
    </>
  );
}
