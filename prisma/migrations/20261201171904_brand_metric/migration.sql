-- CreateTable
CREATE TABLE "BrandMetric" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "brandId" INTEGER NOT NULL,
    "metricId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "note" TEXT,
    CONSTRAINT "BrandMetric_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "BrandMetric_metricId_fkey" FOREIGN KEY ("metricId") REFERENCES "Metric" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "BrandMetric_metricId_idx" ON "BrandMetric"("metricId");

-- CreateIndex
CREATE UNIQUE INDEX "BrandMetric_brandId_metricId_key" ON "BrandMetric"("brandId", "metricId");

-- A database that already holds figures gets each brand's set from the metrics it has figures
-- for, in catalog order (a fresh one is filled from data/brand-metrics.csv by the seed).
INSERT INTO "BrandMetric" ("brandId", "metricId", "position")
SELECT pairs."brandId", pairs."metricId", "Metric"."position"
FROM (SELECT DISTINCT "brandId", "metricId" FROM "Observation") AS pairs
JOIN "Metric" ON "Metric"."id" = pairs."metricId";
