import "server-only";
import { getWriteDb } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import type { ClaimInput } from "@/lib/domain/claim-input";
import { RecordNotFoundError, RevisionConflictError } from "@/lib/errors";
import { saveClaimRevision } from "./save-claim";
import { runWriteTransaction } from "./write-transaction";

/**
 * Saves an edited claim as a new revision (re-judged in the same transaction); the one it replaces
 * stays as history. `expectedRevision` is the revision the editor saw: if someone saved in
 * between, nothing is written. The brand never changes.
 */
export async function reviseClaim(
  uid: string,
  expectedRevision: number,
  input: ClaimInput,
  actor: Actor,
  at: Date = new Date(),
): Promise<{ revision: number }> {
  return runWriteTransaction(getWriteDb(), async (tx) => {
    const current = await tx.claim.findFirst({
      where: { uid, isCurrent: true },
      include: { brand: { select: { slug: true } } },
    });
    if (!current) throw new RecordNotFoundError("claim", uid);
    if (current.revision !== expectedRevision) {
      throw new RevisionConflictError("claim", uid, current.revision, current.createdBy);
    }
    const revision = await saveClaimRevision(
      tx,
      uid,
      { ...input, brand: current.brand.slug },
      actor,
      at,
    );
    return { revision };
  });
}
