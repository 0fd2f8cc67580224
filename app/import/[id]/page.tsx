import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ClaimImportPreview } from "@/components/ClaimImportPreview";
import { ImportConfirmButton } from "@/components/ImportConfirmButton";
import { ImportPreview } from "@/components/ImportPreview";
import { confirmImport } from "@/lib/actions/confirm-import";
import { requireRole } from "@/lib/auth/current-user";
import { claimsHref } from "@/lib/claims-url";
import { type ImportKind, importUploadPath } from "@/lib/csv/import-types";
import { getImportBatch } from "@/lib/queries/import-batches";
import { listMetrics } from "@/lib/queries/metrics";
import type { SearchParams } from "@/lib/url-state";

export const metadata: Metadata = { title: "Import preview" };

const IdSchema = z.coerce.number().int().positive().max(2_147_483_647);

/** "figure" or "claim", with its plural: every message names what the file holds. */
function noun(kind: ImportKind, count = 1): string {
  const word = kind === "claims" ? "claim" : "figure";
  return count === 1 ? word : `${word}s`;
}

function count(kind: ImportKind, n: number): string {
  return `${n.toLocaleString("en-US")} ${noun(kind, n)}`;
}

const RESULT_MESSAGES = {
  applied: {
    tone: "notice",
    text: "Imported: every row below was written, with its audit row.",
  },
  "already-applied": {
    tone: "notice",
    text: "This import had already been applied; nothing was written twice.",
  },
  stale: {
    tone: "problem",
    text: "The stored data changed since this preview was made, so nothing was written. The preview below is up to date: check it and confirm again.",
  },
  "unusual-unconfirmed": {
    tone: "problem",
    text: "Nothing was written: the import has unusual changes. Check them against their sources, tick the box saying you have, and confirm again.",
  },
  "has-rejections": {
    tone: "problem",
    text: "Nothing was written: an import with rejected rows cannot be confirmed.",
  },
  "not-pending": {
    tone: "problem",
    text: "This import is no longer pending; nothing was written.",
  },
  conflict: {
    tone: "problem",
    text: "Nothing was written: the import no longer fits the stored data. Upload the file again.",
  },
  forbidden: {
    tone: "problem",
    text: "Nothing was written: your role does not allow imports.",
  },
} as const;

type ResultKind = keyof typeof RESULT_MESSAGES;

function resultOf(params: SearchParams): ResultKind | null {
  const raw = params.result;
  return typeof raw === "string" && raw in RESULT_MESSAGES ? (raw as ResultKind) : null;
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
  const [batch, metrics] = await Promise.all([getImportBatch(id), listMetrics()]);
  if (!batch) notFound();
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
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href={uploadHref}>{batch.kind === "claims" ? "Import claims" : "Import CSV"}</Link> ›{" "}
        <span aria-current="page">{batch.fileName}</span>
      </nav>
      <h1>
        {batch.status === "applied" ? "Import" : "Import preview"}
        {batch.kind === "claims" ? " of claims" : ""}: {batch.fileName}
      </h1>
      <p className="lede">
        Uploaded {batch.createdAt.slice(0, 16).replace("T", " ")} UTC by {batch.createdBy}
        {plan.shape === "history"
          ? ", with restatement history (revisions are replayed in order)"
          : ""}
        .
      </p>
      {result && !(result === "applied" && batch.status === "applied") ? (
        <div
          className={RESULT_MESSAGES[result].tone}
          role={RESULT_MESSAGES[result].tone === "problem" ? "alert" : "status"}
          data-testid="import-result"
        >
          <p>{RESULT_MESSAGES[result].text}</p>
        </div>
      ) : null}
      {batch.status === "applied" ? (
        <div className="notice" role="status" data-testid="import-status">
          <p>
            Imported {batch.appliedAt?.slice(0, 16).replace("T", " ")} UTC by {batch.appliedBy}:{" "}
            {count(batch.kind, plan.writes.length)} written, each with its audit entry
            {batch.kind === "claims" ? " and its verdict" : ""}.
          </p>
          {claimBrands.length > 0 ? (
            <p>
              See the claims of{" "}
              {claimBrands.slice(0, 8).map((brand, index) => (
                <span key={brand}>
                  {index > 0 ? ", " : ""}
                  <Link href={claimsHref({ brand })}>{brand}</Link>
                </span>
              ))}
              .
            </p>
          ) : touched.length > 0 ? (
            <p>
              See{" "}
              {touched.slice(0, 8).map((key, index) => (
                <span key={key}>
                  {index > 0 ? ", " : ""}
                  <Link href={`/metrics/${key}`}>
                    {metrics.find((metric) => metric.key === key)?.label ?? key}
                  </Link>
                </span>
              ))}
              .
            </p>
          ) : null}
        </div>
      ) : null}

      {batch.status === "pending" && plan.rejected.length > 0 ? (
        <p className="problem" role="alert" data-testid="cannot-confirm">
          This import cannot be confirmed while rows are rejected: nothing has been written. Correct
          the rows listed below in the file and <Link href={uploadHref}>upload it again</Link>.
        </p>
      ) : null}
      {batch.status === "pending" && plan.rejected.length === 0 && plan.writes.length === 0 ? (
        <p className="notice" data-testid="nothing-to-import">
          Nothing to import:{" "}
          {batch.kind === "claims"
            ? "every row says exactly what a stored claim says."
            : "every row matches a stored figure with the same source."}
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
              {unusual.length === 1
                ? "I have checked this unusual change against its source"
                : `I have checked these ${unusual.length.toLocaleString("en-US")} unusual changes against their sources`}
            </label>
          ) : null}
          <ImportConfirmButton
            label={`Confirm import of ${count(batch.kind, plan.writes.length)}`}
          />
          <p className="field-hint">
            All of them are written in one transaction, each with an audit entry, or none is.
          </p>
        </form>
      ) : null}
    </>
  );
}
