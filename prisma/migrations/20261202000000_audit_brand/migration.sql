-- The brand a write changed, so that the page cache expires only that brand's pages. Earlier rows
-- keep null, which counts as a change to every page: safe, and the versions only ever grow.
ALTER TABLE "AuditEntry" ADD COLUMN "brandId" INTEGER;

CREATE INDEX "AuditEntry_brandId_id_idx" ON "AuditEntry"("brandId", "id");
