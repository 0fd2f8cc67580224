import "server-only";
import { createHash } from "node:crypto";
import type { ImportKind } from "@/lib/csv/import-types";
import { getWriteDb } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import type { Locale } from "@/lib/domain/locale";
import type { Tx } from "./audit";
import { type PlannedClaimsFile, planClaimsImportFile } from "./claims-import";
import { type PlannedImportFile, planImportFile } from "./plan-import-file";
import { writeTransaction } from "./write-transaction";

export type CreateImportBatchResult = { ok: true; id: number } | { ok: false; problems: string[] };

export type PlannedBatchFile =
  | ({ kind: "figures" } & Extract<PlannedImportFile, { ok: true }>)
  | ({ kind: "claims" } & Extract<PlannedClaimsFile, { ok: true }>)
  | { ok: false; problems: string[] };

/** Plans a file of either kind against the data as `tx` sees it (at upload and at confirmation). */
export async function planBatchFile(
  tx: Tx,
  kind: ImportKind,
  bytes: Uint8Array,
  /** The language a refused file's problems are said in (rows keep codes for the preview). */
  locale: Locale = "en",
): Promise<PlannedBatchFile> {
  if (kind === "claims") {
    const planned = await planClaimsImportFile(tx, bytes, locale);
    return planned.ok ? { ...planned, kind } : planned;
  }
  const planned = await planImportFile(tx, bytes, locale);
  return planned.ok ? { ...planned, kind } : planned;
}

/**
 * Stores an uploaded CSV as a pending import with its preview. No figure or claim is written: that waits
 * for the editor's confirmation (confirmImportBatch). A file that cannot be read at all (size,
 * encoding, header) is not stored; the problems go back to the upload form.
 */
export async function createImportBatch(input: {
  bytes: Uint8Array;
  fileName: string;
  actor: Actor;
  /** figures (the default) or claims. */
  kind?: ImportKind;
  locale?: Locale;
  now?: Date;
}): Promise<CreateImportBatchResult> {
  return writeTransaction(
    getWriteDb(),
    async (tx) => {
      const kind = input.kind ?? "figures";
      const planned = await planBatchFile(tx, kind, input.bytes, input.locale);
      if (!planned.ok) return planned;
      const batch = await tx.importBatch.create({
        data: {
          kind,
          createdAt: input.now ?? new Date(),
          createdBy: input.actor.name,
          createdById: input.actor.id,
          fileName: input.fileName.slice(0, 200) || "upload.csv",
          checksum: createHash("sha256").update(input.bytes).digest("hex"),
          csv: new TextDecoder("utf-8").decode(input.bytes),
          plan: JSON.stringify(planned.plan),
          planChecksum: planned.planChecksum,
          rowCount: planned.plan.rowCount,
          rejectedCount: planned.plan.rejected.length,
        },
        select: { id: true },
      });
      return { ok: true as const, id: batch.id };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
