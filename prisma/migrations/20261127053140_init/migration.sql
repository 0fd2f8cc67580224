-- CreateTable
CREATE TABLE "Brand" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "description" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "Metric" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "higherIsBetter" BOOLEAN NOT NULL,
    "definition" TEXT NOT NULL,
    "position" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "Source" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "fingerprint" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "url" TEXT,
    "publishedOn" TEXT
);

-- CreateTable
CREATE TABLE "Observation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "brandId" INTEGER NOT NULL,
    "metricId" INTEGER NOT NULL,
    "quarter" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "isCurrent" BOOLEAN NOT NULL,
    "value" REAL,
    "decimals" INTEGER NOT NULL,
    "qualifier" TEXT NOT NULL,
    "statedYoyPct" REAL,
    "quote" TEXT,
    "note" TEXT,
    "sourceId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdBy" TEXT NOT NULL,
    "supersededAt" DATETIME,
    "supersededBy" TEXT,
    CONSTRAINT "Observation_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Observation_metricId_fkey" FOREIGN KEY ("metricId") REFERENCES "Metric" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Observation_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Event" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "uid" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "isCurrent" BOOLEAN NOT NULL,
    "deleted" BOOLEAN NOT NULL DEFAULT false,
    "brandId" INTEGER NOT NULL,
    "date" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "quote" TEXT,
    "sourceId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdBy" TEXT NOT NULL,
    "supersededAt" DATETIME,
    "supersededBy" TEXT,
    CONSTRAINT "Event_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Event_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityKey" TEXT NOT NULL,
    "before" TEXT,
    "after" TEXT
);

-- CreateIndex
CREATE UNIQUE INDEX "Brand_slug_key" ON "Brand"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Metric_key_key" ON "Metric"("key");

-- CreateIndex
CREATE UNIQUE INDEX "Source_fingerprint_key" ON "Source"("fingerprint");

-- CreateIndex
CREATE INDEX "Observation_brandId_metricId_isCurrent_quarter_idx" ON "Observation"("brandId", "metricId", "isCurrent", "quarter");

-- CreateIndex
CREATE INDEX "Observation_brandId_isCurrent_quarter_idx" ON "Observation"("brandId", "isCurrent", "quarter");

-- CreateIndex
CREATE INDEX "Observation_sourceId_idx" ON "Observation"("sourceId");

-- CreateIndex
CREATE UNIQUE INDEX "Observation_brandId_metricId_quarter_revision_key" ON "Observation"("brandId", "metricId", "quarter", "revision");

-- CreateIndex
CREATE INDEX "Event_brandId_isCurrent_date_idx" ON "Event"("brandId", "isCurrent", "date");

-- CreateIndex
CREATE INDEX "Event_sourceId_idx" ON "Event"("sourceId");

-- CreateIndex
CREATE UNIQUE INDEX "Event_uid_revision_key" ON "Event"("uid", "revision");

-- CreateIndex
CREATE INDEX "AuditEntry_entity_entityKey_idx" ON "AuditEntry"("entity", "entityKey");

-- CreateIndex
CREATE INDEX "AuditEntry_at_idx" ON "AuditEntry"("at");

