
-- CreateTable
CREATE TABLE "Claim" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "uid" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "isCurrent" BOOLEAN NOT NULL,
    "deleted" BOOLEAN NOT NULL DEFAULT false,
    "brandId" INTEGER NOT NULL,
    "metricId" INTEGER NOT NULL,
    "quarter" TEXT,
    "claimantKind" TEXT NOT NULL,
    "claimant" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "comparison" TEXT,
    "statedValue" REAL NOT NULL,
    "statedDecimals" INTEGER NOT NULL,
    "statedUnit" TEXT NOT NULL,
    "hedge" TEXT NOT NULL,
    "relativeMetricId" INTEGER,
    "quote" TEXT NOT NULL,
    "note" TEXT,
    "sourceId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdBy" TEXT NOT NULL,
    "createdById" TEXT,
    "supersededAt" DATETIME,
    "supersededBy" TEXT,
    CONSTRAINT "Claim_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Claim_metricId_fkey" FOREIGN KEY ("metricId") REFERENCES "Metric" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Claim_relativeMetricId_fkey" FOREIGN KEY ("relativeMetricId") REFERENCES "Metric" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Claim_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ClaimVerdict" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "claimUid" TEXT NOT NULL,
    "claimId" INTEGER NOT NULL,
    "isCurrent" BOOLEAN NOT NULL,
    "verdict" TEXT NOT NULL,
    "difference" REAL,
    "differenceUnit" TEXT,
    "ratio" REAL,
    "reason" TEXT,
    "arithmetic" TEXT NOT NULL,
    "figureIds" TEXT NOT NULL,
    "computedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "trigger" TEXT NOT NULL,
    CONSTRAINT "ClaimVerdict_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Claim_brandId_isCurrent_metricId_idx" ON "Claim"("brandId", "isCurrent", "metricId");

-- CreateIndex
CREATE INDEX "Claim_sourceId_idx" ON "Claim"("sourceId");

-- CreateIndex
CREATE UNIQUE INDEX "Claim_uid_revision_key" ON "Claim"("uid", "revision");

-- CreateIndex
CREATE INDEX "ClaimVerdict_claimUid_isCurrent_idx" ON "ClaimVerdict"("claimUid", "isCurrent");

-- CreateIndex
CREATE INDEX "ClaimVerdict_claimId_idx" ON "ClaimVerdict"("claimId");

