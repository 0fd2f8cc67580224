import { describe, expect, it } from "vitest";
import { getReadDb } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import { type ClaimInput, EMPTY_CLAIM_VALUES, parseClaimInput } from "@/lib/domain/claim-input";
import { RecordNotFoundError, RevisionConflictError } from "@/lib/errors";
import { createClaim } from "@/lib/mutations/create-claim";
import { reviseClaim } from "@/lib/mutations/revise-claim";
import { setUpSeededTestDatabase } from "../support/seeded-test-db";

const person = (name: string): Actor => ({ id: null, name });

function claimInput(statedValue: string): ClaimInput {
  const parsed = parseClaimInput("xiaomi", {
    ...EMPTY_CLAIM_VALUES,
    claimant: "A test newspaper",
    sourceTitle: "Integration test source",
    quote: "Revenue grew by a third.",
    metric: "revenue",
    quarter: "2025Q2",
    statedValue,
  });
  if (!parsed.ok) throw new Error(`test claim is invalid: ${JSON.stringify(parsed.fieldErrors)}`);
  return parsed.input;
}

async function counts() {
  const db = getReadDb();
  const [claims, audit] = await Promise.all([db.claim.count(), db.auditEntry.count()]);
  return { claims, audit };
}

describe("revising a claim against a real SQLite file", () => {
  setUpSeededTestDatabase();

  it("refuses a revision of a claim someone changed meanwhile, naming them, and writes nothing", async () => {
    const { uid } = await createClaim(claimInput("30"), person("Ada"));
    expect(await reviseClaim(uid, 1, claimInput("31"), person("Grace"))).toEqual({ revision: 2 });
    const before = await counts();
    const failure = await reviseClaim(uid, 1, claimInput("32"), person("Ada")).catch((e) => e);
    expect(failure).toBeInstanceOf(RevisionConflictError);
    expect((failure as RevisionConflictError).code).toBe("revision_conflict");
    expect((failure as RevisionConflictError).status).toBe(409);
    expect((failure as RevisionConflictError).message).toContain("Someone else (Grace)");
    expect((failure as RevisionConflictError).message).toContain("changed this claim");
    expect(await counts()).toEqual(before);
  });

  it("answers not found for a claim that does not exist", async () => {
    const before = await counts();
    const failure = await reviseClaim("clm-missing", 1, claimInput("30"), person("Ada")).catch(
      (e) => e,
    );
    expect(failure).toBeInstanceOf(RecordNotFoundError);
    expect((failure as RecordNotFoundError).code).toBe("not_found");
    expect((failure as RecordNotFoundError).message).toBe("This claim does not exist.");
    expect(await counts()).toEqual(before);
  });
});
