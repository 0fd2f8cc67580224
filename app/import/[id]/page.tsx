import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ClaimImportPreview } from "@/components/ClaimImportPreview";
import { ImportConfirmButton } from "@/components/ImportConfirmButton";
import { ImportPreview } from "@/components/ImportPreview";
import { currentLocale } from "@/i18n/locale";
import { getTranslations } from "@/i18n/messages";
import { confirmImport } from "@/lib/actions/confirm-import";
import { requireRole } from "@/lib/auth/current-user";
import { claimsHref } from "@/lib/claims-url";
import { type ImportKind, importUploadPath } from "@/lib/csv/import-types";
import { localizeMetric } from "@/lib/domain/metric-locale";
import { getImportBatch } from "@/lib/queries/import-batches";
import { listMetrics } from "@/lib/queries/metrics";
import type { SearchParams } from "@/lib/url-state";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ImportBatchPage"))("title") };
}

const IdSchema = z.coerce.number().int().positive().max(2_147_483_647);

const RESULT_TONES = {
  applied: "notice",
  "already-applied": "notice",
  stale: "problem",
  "unusual-unconfirmed": "problem",
  "has-rejections": "problem",
  "not-pending": "problem",
  conflict: "problem",
  forbidden: "problem",
} as const;

type ResultKind = keyof typeof RESULT_TONES;

function resultOf(params: SearchParams): ResultKind | null {
  const raw = params.result;
  return typeof raw === "string" && raw in RESULT_TONES ? (raw as ResultKind) : null;
}

export default async function ImportBatchPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const parsedId = IdSchema.safeParse((await params).id);
  if (!parsedId.success) notFound();
  const id = parsedId.data;
  await requireRole("editor", `/import/${id}`);
  const [batch, storedMetrics, t, locale] = await Promise.all([
    getImportBatch(id),
    listMetrics(),
    getTranslations("ImportBatchPage"),
    currentLocale(),
  ]);
  if (!batch) notFound();
  const metrics = storedMetrics.map((metric) => localizeMetric(metric, locale));
  /** "3 figures", "1 claim": every message names what the file holds. */
  const count = (kind: ImportKind, n: number) =>
    t(kind === "claims" ? "countClaims" : "count", { n, count: n.toLocaleString("en-US") });
  const stamp = (iso: string | null | undefined) => iso?.slice(0, 16).replace("T", " ") ?? "";
  const result = resultOf(await searchParams);
  const plan = batch.plan;
  const canConfirm =
    batch.status === "pending" && plan.rejected.length === 0 && plan.writes.length > 0;
  const touched = [
    ...new Set(
      batch.kind === "claims"
        ? batch.plan.writes.map((write) => write.claim.metric)
        : batch.plan.writes.map((write) => write.metric),
    ),
  ];
  const claimBrands =
    batch.kind === "claims"
      ? [...new Set(batch.plan.writes.map((write) => write.claim.brand))]
      : [];
  const uploadHref = importUploadPath(batch.kind);
  // The quarter form's "unusual change" step applies to figures; a claim has no YoY of its own.
  const unusual = batch.kind === "figures" ? (batch.plan.unusual ?? []) : [];

  return (
    <>
      <nav className="breadcrumb" aria-label={t("breadcrumb")}>
        <Link href={uploadHref}>
          {batch.kind === "claims" ? t("uploadClaims") : t("uploadFigures")}
        </Link>{" "}
        › <span aria-current="page">{batch.fileName}</span>
      </nav>
      <h1>
        {t("heading", {
          what: t(
            `${batch.status === "applied" ? "headingApplied" : "headingPreview"}${
              batch.kind === "claims" ? "Claims" : ""
            }`,
          ),
          file: batch.fileName,
        })}
      </h1>
      <p className="lede">
        {t(plan.shape === "history" ? "uploadedHistory" : "uploaded", {
          time: stamp(batch.createdAt),
          name: batch.createdBy,
        })}
      </p>
      {result && !(result === "applied" && batch.status === "applied") ? (
        <div
          className={RESULT_TONES[result]}
          role={RESULT_TONES[result] === "problem" ? "alert" : "status"}
          data-testid="import-result"
        >
          <p>{t(`results.${result}`)}</p>
        </div>
      ) : null}
      {batch.status === "applied" ? (
        <div className="notice" role="status" data-testid="import-status">
          <p>
            {t(batch.kind === "claims" ? "importedClaims" : "imported", {
              time: stamp(batch.appliedAt),
              name: batch.appliedBy ?? "",
              count: count(batch.kind, plan.writes.length),
            })}
          </p>
          {claimBrands.length > 0 ? (
            <p>
              {t.rich("seeClaims", {
                links: () =>
                  claimBrands.slice(0, 8).map((brand, index) => (
                    <span key={brand}>
                      {index > 0 ? t("listSeparator") : ""}
                      <Link href={claimsHref({ brand })}>{brand}</Link>
                    </span>
                  )),
              })}
            </p>
          ) : touched.length > 0 ? (
            <p>
              {t.rich("see", {
                links: () =>
                  touched.slice(0, 8).map((key, index) => (
                    <span key={key}>
                      {index > 0 ? t("listSeparator") : ""}
                      <Link href={`/metrics/${key}`}>
                        {metrics.find((metric) => metric.key === key)?.label ?? key}
                      </Link>
                    </span>
                  )),
              })}
            </p>
          ) : null}
        </div>
      ) : null}

      {batch.status === "pending" && plan.rejected.length > 0 ? (
        <p className="problem" role="alert" data-testid="cannot-confirm">
          {t.rich("cannotConfirm", {
            link: (chunks) => <Link href={uploadHref}>{chunks}</Link>,
          })}
        </p>
      ) : null}
      {batch.status === "pending" && plan.rejected.length === 0 && plan.writes.length === 0 ? (
        <p className="notice" data-testid="nothing-to-import">
          {batch.kind === "claims" ? t("nothingClaims") : t("nothingFigures")}
        </p>
      ) : null}

      {batch.kind === "claims" ? (
        <ClaimImportPreview
          plan={batch.plan}
          metrics={metrics}
          applied={batch.status === "applied"}
        />
      ) : (
        <ImportPreview plan={batch.plan} metrics={metrics} applied={batch.status === "applied"} />
      )}

      {canConfirm ? (
        <form action={confirmImport} className="confirm-form">
          <input type="hidden" name="id" value={batch.id} />
          <input type="hidden" name="planChecksum" value={batch.planChecksum} />
          {unusual.length > 0 ? (
            <label className="checkbox-field">
              <input
                type="checkbox"
                name="unusualChecked"
                value="1"
                data-testid="unusual-checked"
              />{" "}
              {t("unusualChecked", {
                n: unusual.length,
                count: unusual.length.toLocaleString("en-US"),
              })}
            </label>
          ) : null}
          <ImportConfirmButton
            label={t("confirm", { count: count(batch.kind, plan.writes.length) })}
            applying={t("applying")}
            applyingHint={t("applyingHint")}
          />
          <p className="field-hint">{t("confirmHint")}</p>
        </form>
      ) : null}
    </>
  );
}
