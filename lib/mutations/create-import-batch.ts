import "server-only";
import { createHash } from "node:crypto";
import { getWriteDb } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import { planImportFile } from "./plan-import-file";

export type CreateImportBatchResult = { ok: true; id: number } | { ok: false; problems: string[] };

/**
 * Stores an uploaded CSV as a pending import with its preview. No figure is written: that waits
 * for the editor's confirmation (confirmImportBatch). A file that cannot be read at all (size,
 * encoding, header) is not stored; the problems go back to the upload form.
 */
export async function createImportBatch(input: {
  bytes: Uint8Array;
  fileName: string;
  actor: Actor;
  now?: Date;
}): Promise<CreateImportBatchResult> {
  return getWriteDb().$transaction(
    async (tx) => {
      const planned = await planImportFile(tx, input.bytes);
      if (!planned.ok) return planned;
      const batch = await tx.importBatch.create({
        data: {
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
