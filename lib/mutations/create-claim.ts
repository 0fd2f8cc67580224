import "server-only";
import { getWriteDb } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import type { ClaimInput } from "@/lib/domain/claim-input";
import { newClaimUid, saveClaimRevision } from "./save-claim";
import { runWriteTransaction } from "./write-transaction";

/** Records a new claim (revision 1), its audit row and its first verdict, in one transaction. */
export async function createClaim(
  input: ClaimInput,
  actor: Actor,
  at: Date = new Date(),
): Promise<{ uid: string }> {
  const uid = newClaimUid();
  await runWriteTransaction(getWriteDb(), (tx) => saveClaimRevision(tx, uid, input, actor, at));
  return { uid };
}
